import { parseDocument, type YAMLError } from 'yaml';
import type { Diagnostic, Fix } from '@pmm-config/plugin';
import { parentPointer, secretSafePointer } from '../pointer';
import type { LineIndex } from './line-index';
import { toRange, pointerAt } from './locate';
import { FILE_START, PARSE_LIMITS, failure, yamlDiagnostic, type ParsedConfig } from './parsed-config';
import { buildSourceMap, type SourceMap, type Span } from './source-map';
import { describeYamlError } from './yaml-errors';

/*
 * The full YAML 1.2 path, on the `yaml` package: every file the fast reader (fast-parse.ts) leaves to it, which
 * includes every file with a YAML error. Loaded only then, so a clean config never pays for the package.
 */

/** Parses YAML 1.2 with merge keys, as Kometa's ruamel round-trip loader does, keeping positions and errors. */
export function parseWithYamlPackage(source: string, lines: LineIndex): ParsedConfig {
  let doc;
  try {
    doc = parseDocument(source, { merge: true, uniqueKeys: true, prettyErrors: false, logLevel: 'silent', keepSourceTokens: false });
  } catch (cause) {
    return failure(source, lines, limitDiagnostic(cause));
  }
  const map = buildSourceMap(doc, PARSE_LIMITS.maxDepth);
  if (map.depth >= PARSE_LIMITS.maxDepth) {
    return failure(
      source,
      lines,
      yamlDiagnostic('yaml/too-deep', 'error', `The file nests collections more than ${PARSE_LIMITS.maxDepth} levels deep; a Kometa config never does.`, '', FILE_START),
    );
  }
  const diagnostics = yamlErrors(source, lines, map, [...doc.errors, ...doc.warnings]);
  for (const template of map.unquotedTemplates) {
    const fix = quoteTemplate(source, template.pointer, template.value);
    diagnostics.push({
      ...yamlDiagnostic(
        'yaml/unquoted-template',
        'warning',
        'This `{{ … }}` template is not quoted, so YAML reads it as a nested mapping, not as text.',
        template.pointer,
        toRange(lines, template.value),
        'Quote it (`"{{ .NAME }}"`) so the file is valid YAML before and after rendering.',
      ),
      ...(fix ? { fix } : {}),
    });
  }
  const fatal = diagnostics.some((d) => d.severity === 'error' && d.rule !== 'yaml/unknown-tag');
  if (fatal) return { source, data: undefined, map, lines, diagnostics, fatal };
  try {
    const data = doc.toJS({ maxAliasCount: PARSE_LIMITS.maxAliasCount });
    return { source, data: data ?? {}, map, lines, diagnostics, fatal: false };
  } catch (cause) {
    return { source, data: undefined, map, lines, diagnostics: [...diagnostics, limitDiagnostic(cause)], fatal: true };
  }
}

/** The data of a linked file, or undefined when it has YAML errors or cannot be loaded safely. */
export function loadDataWithYamlPackage(text: string): unknown {
  try {
    const doc = parseDocument(text, { merge: true, logLevel: 'silent' });
    return doc.errors.length === 0 ? doc.toJS({ maxAliasCount: PARSE_LIMITS.maxAliasCount }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Quotes a `{{ … }}` template with the quote it does not contain (two insertions, the template itself is left
 * as written). A template that spans lines, or holds both quotes, is left to the user.
 */
function quoteTemplate(source: string, pointer: string, [start, end]: Span): Fix | undefined {
  const text = source.slice(start, end);
  if (/[\r\n]/.test(text)) return undefined;
  const quote = !text.includes('"') ? '"' : !text.includes("'") ? "'" : undefined;
  if (quote === undefined || (quote === '"' && text.includes('\\'))) return undefined;
  return { edits: [{ start, end: start, text: quote }, { start: end, end, text: quote }], pointers: [pointer] };
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
    FILE_START,
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

/**
 * Whether a structural message at `offset` is the parser tripping over the tab at `tab`: it is on the tab's line,
 * or only blank text (the end of the line before) separates it from that line.
 */
function echoesTab(source: string, offset: number, tab: number): boolean {
  const lineStart = source.lastIndexOf('\n', tab - 1) + 1;
  const lineEnd = source.indexOf('\n', tab);
  return offset <= (lineEnd === -1 ? source.length : lineEnd) && source.slice(offset, lineStart).trim() === '';
}

function yamlErrors(source: string, lines: LineIndex, map: SourceMap, errors: readonly YAMLError[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let structural = false;
  const ordered = [...errors].sort((a, b) => a.pos[0] - b.pos[0]).map((error) => describeYamlError(source, error, map));
  const tabs = ordered.filter((described) => described.rule === 'yaml/tab');
  const tabsSeen = new Set<number>();
  for (const described of ordered) {
    if (out.length >= PARSE_LIMITS.maxSyntaxFindings) break;
    if (described.rule === 'yaml/tab') {
      // The parser reports one tab several times (as indentation, then as the broken key it makes).
      if (tabsSeen.has(described.span[0])) continue;
      tabsSeen.add(described.span[0]);
      // A tab stops Kometa's loader like a structural slip: what the parser says after it is an echo.
      structural = true;
    } else if (described.structural) {
      // After the first structural slip the parser's later messages are echoes of it, as Kometa's own loader
      // stops at the first one; independent findings (duplicates, tabs, tags) are all kept.
      if (structural || tabs.some((tab) => echoesTab(source, described.span[0], tab.span[0]))) continue;
      structural = true;
    }
    const span: Span = described.span;
    out.push(yamlDiagnostic(described.rule, described.severity, described.message, soundPointer(map, source, pointerAt(map, described.nodeOffset ?? span[0])), toRange(lines, span), described.hint));
  }
  return out;
}
