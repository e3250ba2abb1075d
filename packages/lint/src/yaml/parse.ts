import { parseCommonYaml } from './fast-parse';
import { indexLines } from './line-index';
import { FILE_START, PARSE_LIMITS, failure, yamlDiagnostic, type ParsedConfig } from './parsed-config';

export { PARSE_LIMITS, yamlDiagnostic, type ParsedConfig } from './parsed-config';

type FullParser = typeof import('./parse-full');

/**
 * The `yaml` package path, required on first use: most configs never need it, and loading it is a large share
 * of a run's start-up.
 */
function fullParser(): FullParser {
  return require('./parse-full') as FullParser;
}

/**
 * Parses YAML 1.2 with merge keys, as Kometa's ruamel round-trip loader does, keeping positions. The fast reader
 * takes the common case; anything else, including every file with a YAML error, goes to the `yaml` package.
 */
export function parseConfig(source: string): ParsedConfig {
  const lines = indexLines(source);
  if (source.length > PARSE_LIMITS.maxBytes) {
    return failure(
      source,
      lines,
      yamlDiagnostic(
        'yaml/too-large',
        'error',
        `The file is ${Math.round(source.length / 1024 / 1024)} MB; a Kometa config is never near ${PARSE_LIMITS.maxBytes / 1024 / 1024} MB, so it was not parsed.`,
        '',
        FILE_START,
        'Check that this is the config.yml you meant to validate.',
      ),
    );
  }
  const fast = parseCommonYaml(source);
  if (fast) return { source, data: fast.data, map: fast.map, lines, diagnostics: [], fatal: false };
  return fullParser().parseWithYamlPackage(source, lines);
}

/** The data of a linked YAML file (merge keys applied), or undefined when it cannot be loaded. */
export function loadYamlData(text: string): unknown {
  if (text.length > PARSE_LIMITS.maxBytes) return undefined;
  const fast = parseCommonYaml(text);
  return fast ? fast.data : fullParser().loadDataWithYamlPackage(text);
}
