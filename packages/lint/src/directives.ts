import type { Diagnostic } from '@pmm-config/plugin';

/*
 * Comments that switch findings off where a config does something on purpose, in yamllint's and ESLint's
 * style:
 *   key: value  # pmm-config-disable-line schema/unknown-key
 *   # pmm-config-disable-next-line core/deprecated-key
 *   # pmm-config-disable trakt/token-expired     ...     # pmm-config-enable trakt/token-expired
 * Without rule ids a comment covers every rule. Rule ids are separated by spaces or commas, and `--` starts a
 * free-text reason (`# pmm-config-disable-line schema/unknown-key -- read by our own script`).
 */

export type DirectiveKind = 'disable-line' | 'disable-next-line' | 'disable' | 'enable';

/** One directive comment: where it is and which rules it names (none: every rule). */
export interface Directive {
  readonly kind: DirectiveKind;
  /** 1-based line and column of the `pmm-config-…` word. */
  readonly line: number;
  readonly column: number;
  readonly rules: readonly { readonly id: string; readonly column: number }[];
}

/** A `#` that starts a comment (at the line start or after a space), then a directive word. */
const DIRECTIVE = /(?:^|\s)#\s*(pmm-config-(?:disable-next-line|disable-line|disable|enable))(?=\s|$)([^\n]*)/;

/** Finds the directive comments of a config. Only a `#` at the line start or after a space opens a comment. */
export function findDirectives(source: string): Directive[] {
  const directives: Directive[] = [];
  // Most configs have no directive at all: one search avoids splitting the file into lines.
  if (!source.includes('pmm-config-')) return directives;
  const lines = source.split('\n');
  lines.forEach((text, index) => {
    const match = DIRECTIVE.exec(text);
    if (!match) return;
    const wordColumn = match.index + match[0].indexOf(match[1]) + 1;
    const listStart = wordColumn - 1 + match[1].length;
    const list = match[2].split(/\s--\s|\s--$/)[0];
    const rules: { id: string; column: number }[] = [];
    for (const found of list.matchAll(/[^\s,]+/g)) rules.push({ id: found[0], column: listStart + (found.index ?? 0) + 1 });
    directives.push({ kind: match[1].slice('pmm-config-'.length) as DirectiveKind, line: index + 1, column: wordColumn, rules });
  });
  return directives;
}

const names = (directive: Directive, rule: string): boolean => directive.rules.length === 0 || directive.rules.some((entry) => entry.id === rule);

/** Whether the directives switch a finding off. */
export function isSuppressed(directives: readonly Directive[], diagnostic: Pick<Diagnostic, 'rule' | 'line'>): boolean {
  let disabled = false;
  for (const directive of directives) {
    if (!names(directive, diagnostic.rule)) continue;
    if (directive.kind === 'disable-line' && directive.line === diagnostic.line) return true;
    if (directive.kind === 'disable-next-line' && directive.line + 1 === diagnostic.line) return true;
    // Directives are in line order: the last block directive at or before the finding's line decides.
    if (directive.kind === 'disable' && directive.line <= diagnostic.line) disabled = true;
    if (directive.kind === 'enable' && directive.line <= diagnostic.line) disabled = false;
  }
  return disabled;
}
