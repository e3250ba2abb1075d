import type { Diagnostic } from '@pmm-config/plugin';
import { lintWithSchema } from '../src/engine';
import type { SchemaAdapter, SchemaError } from '../src/schema/types';
import type { LintHost, LintOptions, LintResult } from '../src/types';

/** A schema double: no schema errors unless given, a few deprecations. */
export function schemaDouble(errors: readonly SchemaError[] = [], topLevelKeys: readonly string[] = ['plex', 'tmdb', 'sonarr', 'radarr', 'settings', 'libraries']) {
  const adapter: SchemaAdapter & { topLevelKeys: readonly string[] } = {
    validate: () => errors,
    deprecations: [
      { path: ['libraries', '*', 'metadata_path'], replacement: 'collection_files and metadata_files', message: 'metadata_path has been deprecated.' },
      { path: ['settings', 'save_missing'], replacement: 'save_report', message: 'Kometa silently renames save_missing to save_report.' },
      { path: ['libraries', '*', 'collection_files', '*', 'pmm'], replacement: 'default', message: 'pmm is the legacy name of default.' },
    ],
    topLevelKeys,
  };
  return adapter;
}

/** A valid minimal config, so rule tests only see the finding they provoke. */
export const BASE = 'plex:\n  url: http://plex:32400\n  token: abcdefghij\ntmdb:\n  apikey: 0123456789abcdef\n';

export function lintText(text: string, options: Partial<LintOptions> = {}, errors: readonly SchemaError[] = []): LintResult {
  return lintWithSchema(text, { file: 'config.yml', ...options }, schemaDouble(errors));
}

/** Findings of one rule, as `line:col severity` plus the pointer, for compact assertions. */
export function findings(result: LintResult, rule: string): Pick<Diagnostic, 'line' | 'column' | 'severity' | 'pointer' | 'message' | 'hint'>[] {
  return result.diagnostics
    .filter((d) => d.rule === rule)
    .map(({ line, column, severity, pointer, message, hint }) => ({ line, column, severity, pointer, message, hint }));
}

/** An in-memory file system for linked-file checks. */
export function memoryHost(files: Record<string, string>, directories: readonly string[] = []): LintHost {
  return {
    readFile: (path) => (path in files ? { text: files[path] as string } : { problem: 'no such file or directory' }),
    stat: (path) => (path in files ? 'file' : directories.includes(path) ? 'directory' : undefined),
    listDirectory: (path) =>
      Object.keys(files)
        .filter((file) => file.startsWith(path + '/') && !file.slice(path.length + 1).includes('/'))
        .map((file) => file.slice(path.length + 1)),
  };
}
