import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { Diagnostic } from '@pmm-config/plugin';
import { parentPointer, secretSafePointer } from '../pointer';
import { toRange, pointerAt, type Range } from './locate';
import { buildSourceMap, type SourceMap, type Span } from './source-map';
import { describeYamlError } from './yaml-errors';

/** Limits that keep hostile input (huge files, alias bombs, deep nesting) within bounded time and memory. */
export const PARSE_LIMITS = {
  /** Real configs are under 60 kB; 5 MB is far beyond any of them. */
  maxBytes: 5 * 1024 * 1024,
  /** Alias expansions allowed while building the data (billion-laughs guard). */
  maxAliasCount: 1000,
  /** Collection nesting; real configs stay under 12. */
  maxDepth: 100,
  /** Parser messages kept per file; the rest are almost always echoes of the first ones. */
  maxSyntaxFindings: 20,
} as const;

/** A config after parsing: the data (merge keys applied), its source map and the YAML-level findings. */
export interface ParsedConfig {
  readonly source: string;
  readonly data: unknown;
  readonly map: SourceMap;
  readonly lineCounter: LineCounter;
  readonly diagnostics: readonly Diagnostic[];
  /** True when Kometa could not load the file: later stages must not run on partial data. */
  readonly fatal: boolean;
}

/** Positions a YAML-level finding. */
export function yamlDiagnostic(
  rule: string,
  severity: Diagnostic['severity'],
  message: string,
  pointer: string,
  range: Range,
  hint?: string,
): Diagnostic {
  return { rule, severity, message, pointer, ...range, ...(hint ? { hint } : {}) };
}

const EMPTY_MAP: SourceMap = { entries: new Map(), duplicates: [], unquotedTemplates: [], anchors: [], depth: 0 };

function failure(source: string, lineCounter: LineCounter, diagnostic: Diagnostic): ParsedConfig {
  return { source, data: undefined, map: EMPTY_MAP, lineCounter, diagnostics: [diagnostic], fatal: true };
}

function lineStarts(source: string, lineCounter: LineCounter): void {
  // The composer only fills the line counter for the part it parsed; fill it ourselves so every offset maps.
  lineCounter.addNewLine(0);
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
}

/** Parses YAML 1.2 with merge keys, as Kometa's ruamel round-trip loader does, keeping positions. */
export function parseConfig(source: string): ParsedConfig {
  const lineCounter = new LineCounter();
  lineStarts(source, lineCounter);
  if (source.length > PARSE_LIMITS.maxBytes) {
    return failure(
      source,
      lineCounter,
      yamlDiagnostic(
        'yaml/too-large',
        'error',
        `The file is ${Math.round(source.length / 1024 / 1024)} MB; a Kometa config is never near ${PARSE_LIMITS.maxBytes / 1024 / 1024} MB, so it was not parsed.`,
        '',
        { line: 1, column: 1, endLine: 1, endColumn: 1 },
        'Check that this is the config.yml you meant to validate.',
      ),
    );
  }
  let doc;
  try {
    doc = parseDocument(source, { merge: true, uniqueKeys: true, prettyErrors: false, logLevel: 'silent', keepSourceTokens: false });
  } catch (cause) {
    return failure(source, lineCounter, limitDiagnostic(cause));
  }
  const map = buildSourceMap(doc, PARSE_LIMITS.maxDepth);
  if (map.depth >= PARSE_LIMITS.maxDepth) {
    return failure(
      source,
      lineCounter,
      yamlDiagnostic(
        'yaml/too-deep',
        'error',
        `The file nests collections more than ${PARSE_LIMITS.maxDepth} levels deep; a Kometa config never does.`,
        '',
        { line: 1, column: 1, endLine: 1, endColumn: 1 },
      ),
    );
  }
  const diagnostics = yamlErrors(source, lineCounter, map, [...doc.errors, ...doc.warnings]);
  for (const template of map.unquotedTemplates) {
    diagnostics.push(
      yamlDiagnostic(
        'yaml/unquoted-template',
        'warning',
        'This `{{ … }}` template is not quoted, so YAML reads it as a nested mapping, not as text.',
        template.pointer,
        toRange(lineCounter, template.value),
        'Quote it (`"{{ .NAME }}"`) so the file is valid YAML before and after rendering.',
      ),
    );
  }
  const fatal = diagnostics.some((d) => d.severity === 'error' && d.rule !== 'yaml/unknown-tag');
  if (fatal) return { source, data: undefined, map, lineCounter, diagnostics, fatal };
  try {
    const data = doc.toJS({ maxAliasCount: PARSE_LIMITS.maxAliasCount });
    return { source, data: data ?? {}, map, lineCounter, diagnostics, fatal: false };
  } catch (cause) {
    return { source, data: undefined, map, lineCounter, diagnostics: [...diagnostics, limitDiagnostic(cause)], fatal: true };
  }
}

function limitDiagnostic(cause: unknown): Diagnostic {
  const aliases = cause instanceof Error && /alias/i.test(cause.message);
  return yamlDiagnostic(
    aliases ? 'yaml/alias-limit' : 'yaml/too-deep',
    'error',
    aliases
      ? `Aliases expand to more than ${PARSE_LIMITS.maxAliasCount} nodes (an "alias bomb"); the file was not loaded.`
      : 'The file is nested too deeply to load safely.',
    '',
    { line: 1, column: 1, endLine: 1, endColumn: 1 },
  );
}

/**
 * Around a syntax error the parser builds keys out of broken text (`(redacted)\n  error`, `true   - pmm`,
 * `apikey: <secret>: oops`); such keys are not the user's, so the pointer stops at the last key that is, and
 * never goes below a secret key.
 */
function soundPointer(map: SourceMap, source: string, pointer: string): string {
  let current = secretSafePointer(pointer);
  while (current !== '') {
    const key = map.entries.get(current)?.key;
    const text = key ? source.slice(key[0], key[1]) : '';
    if (key && !/\n|\s-\s|:(\S|\s)/.test(text)) break;
    if (!key && /\/\d+$/.test(current)) break;
    current = parentPointer(current);
  }
  return current;
}

function yamlErrors(source: string, lineCounter: LineCounter, map: SourceMap, errors: readonly YAMLError[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let structural = false;
  const ordered = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  for (const error of ordered) {
    if (out.length >= PARSE_LIMITS.maxSyntaxFindings) break;
    const described = describeYamlError(source, error, map);
    // After the first structural slip the parser's later messages are echoes of it, as Kometa's own loader
    // stops at the first one; independent findings (duplicates, tabs, tags) are all kept.
    if (described.structural) {
      if (structural) continue;
      structural = true;
    }
    const span: Span = described.span;
    out.push(yamlDiagnostic(described.rule, described.severity, described.message, soundPointer(map, source, pointerAt(map, described.nodeOffset ?? span[0])), toRange(lineCounter, span), described.hint));
  }
  return out;
}
