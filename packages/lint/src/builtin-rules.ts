import type { RuleMeta } from './types';

/** Findings produced by the parser and by schema shaping rather than by a `LintRule`. */
export const builtinRuleMeta: readonly RuleMeta[] = [
  { id: 'yaml/syntax', description: 'The file must be valid YAML: Kometa stops on any syntax error.' },
  { id: 'yaml/duplicate-key', description: 'A key may appear once per mapping: Kometa stops with a DuplicateKeyError.' },
  { id: 'yaml/tab', description: 'Tabs are not allowed in YAML indentation.' },
  { id: 'yaml/unknown-tag', description: 'A value starting with `!` is a YAML tag Kometa cannot use; quote it.' },
  { id: 'yaml/unquoted-template', description: 'An unquoted `{{ … }}` template is read as a nested mapping.' },
  { id: 'yaml/too-large', description: 'Files far larger than any Kometa config are not parsed.' },
  { id: 'yaml/too-deep', description: 'Nesting far deeper than any Kometa config is not parsed.' },
  { id: 'yaml/alias-limit', description: 'Aliases that expand without bound ("alias bombs") are not loaded.' },
  { id: 'schema/unknown-key', description: 'Keys Kometa does not know are ignored; often a typo or a misplaced section.' },
  { id: 'schema/type', description: 'A value of the wrong type (text where a number or true/false is needed, …).' },
  { id: 'schema/enum', description: 'A value outside the allowed options.' },
  { id: 'schema/range', description: 'A number outside its allowed range.' },
  { id: 'schema/required', description: 'A required attribute is missing.' },
  { id: 'schema/format', description: 'A value that does not match the expected format (URL, pattern, …).' },
  { id: 'core/disable-directive', description: 'A `# pmm-config-disable…` comment must name existing rules.' },
  { id: 'internal/rule-crashed', description: 'A rule threw an exception; its checks were skipped.' },
];
