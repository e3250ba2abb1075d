import type { Fix, RuleEdit, RuleFix, RuleSuggestion, Suggestion, TextEdit } from '@pmm-config/plugin';
import { parentPointer } from '../pointer';
import type { SourceMap, Span } from '../yaml/source-map';

/** Why a rule's fix could not be offered; the note is added to the finding's hint. */
export type FixRefusal = 'shared' | 'not-in-source';

export const REFUSAL_NOTES: Record<FixRefusal, string> = {
  shared: 'Not fixed automatically: it is written inside a YAML anchor (`&name`) that `*name` or `<<` reuses elsewhere, so an edit there would change those places too; change it by hand.',
  'not-in-source': 'Not fixed automatically: it comes in through an alias (`*name`) or a `<<` merge, so the text to change is elsewhere; change it there by hand.',
};

/** A rule's fix and suggestions turned into offsets, or the reason the fix was refused. */
export interface ResolvedFixes {
  readonly fix?: Fix;
  readonly suggestions?: readonly Suggestion[];
  readonly refused?: FixRefusal;
}

/** The written span of a pointer's key or value; `undefined` when the pointer is not written at its own place. */
export function writtenSpan(map: SourceMap, pointer: string, at: 'key' | 'value'): Span | undefined {
  const entry = map.entries.get(pointer);
  return entry ? (at === 'key' ? entry.key : entry.value) : undefined;
}

/** Spans of nodes that carry an anchor: text there is also what every alias of it loads. */
function anchoredSpans(map: SourceMap): Span[] {
  return map.anchors.map((pointer) => map.entries.get(pointer)?.value).filter((span): span is Span => span !== undefined);
}

/** Whether an edit touches a span; an insertion counts when it lands on the span or at either end of it. */
const touches = (edit: Span, span: Span): boolean => (edit[0] === edit[1] ? span[0] <= edit[0] && edit[0] <= span[1] : edit[0] < span[1] && span[0] < edit[1]);

/**
 * Whether a pointer's text is written elsewhere: it is reached through an alias or a merge (some node on its
 * path is not written where it is), or, for its value, the value is itself an alias (`*name`).
 */
function borrowed(map: SourceMap, pointer: string, at: 'key' | 'value'): boolean {
  let current = pointer;
  for (;;) {
    const entry = map.entries.get(current);
    if (!entry) return true;
    if (entry.alias && (current !== pointer || at === 'value')) return true;
    if (current === '') return false;
    current = parentPointer(current);
  }
}

type Resolved = { readonly edits: TextEdit[]; readonly pointers: string[] } | FixRefusal;

function resolveEdits(map: SourceMap, reportPointer: string, edits: readonly RuleEdit[]): Resolved {
  const out: TextEdit[] = [];
  const pointers: string[] = [];
  const shared = anchoredSpans(map);
  for (const edit of edits) {
    let span: Span;
    if ('pointer' in edit) {
      if (borrowed(map, edit.pointer, edit.at)) return 'not-in-source';
      const written = writtenSpan(map, edit.pointer, edit.at);
      if (!written) return 'not-in-source';
      span = written;
      pointers.push(edit.pointer);
    } else {
      if (borrowed(map, reportPointer, 'value')) return 'not-in-source';
      span = [edit.start, edit.end];
      pointers.push(reportPointer);
    }
    if (shared.some((anchor) => touches(span, anchor))) return 'shared';
    out.push({ start: span[0], end: span[1], text: edit.text });
  }
  return { edits: out, pointers };
}

/** Turns a report's pointer and range edits into offsets; a fix that would land in shared or borrowed text is refused. */
export function resolveFixes(map: SourceMap, reportPointer: string, fix: RuleFix | undefined, suggestions: readonly RuleSuggestion[] | undefined): ResolvedFixes {
  const out: { fix?: Fix; suggestions?: Suggestion[]; refused?: FixRefusal } = {};
  if (fix && fix.edits.length > 0) {
    const resolved = resolveEdits(map, reportPointer, fix.edits);
    if (typeof resolved === 'string') out.refused = resolved;
    else out.fix = { edits: resolved.edits, pointers: [...new Set([...resolved.pointers, ...(fix.changes ?? [])])] };
  }
  const offered = (suggestions ?? []).flatMap((suggestion): Suggestion[] => {
    const resolved = resolveEdits(map, reportPointer, suggestion.edits);
    return typeof resolved === 'string' ? [] : [{ message: suggestion.message, edits: resolved.edits }];
  });
  if (offered.length > 0) out.suggestions = offered;
  return out;
}
