import type { LintResult } from '../types';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';
import type { FormatContext, FormatName } from './types';

/** Every `--format` value, in the order help texts list them. */
export const formatNames: readonly FormatName[] = ['stylish', 'json', 'sarif', 'github'];

/** Renders lint results in one of the output formats. Pure: returns the text to print. */
export function formatResults(results: readonly LintResult[], format: FormatName, context: FormatContext): string {
  switch (format) {
    case 'stylish':
      return formatStylish(results, context);
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, context);
    case 'github':
      return formatGithub(results, context);
  }
}
