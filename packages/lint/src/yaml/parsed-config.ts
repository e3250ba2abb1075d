import type { Diagnostic } from '@pmm-config/plugin';
import type { LineIndex } from './line-index';
import type { Range } from './locate';
import type { SourceMap } from './source-map';

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
  readonly lines: LineIndex;
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

/** A file that could not be loaded at all: one finding, no data. */
export function failure(source: string, lines: LineIndex, diagnostic: Diagnostic): ParsedConfig {
  return { source, data: undefined, map: EMPTY_MAP, lines, diagnostics: [diagnostic], fatal: true };
}

/** Where a finding about the whole file goes. */
export const FILE_START: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };
