import type { LinkedFile, LintRule, RuleContext, RuleReport } from '@pmm-config/plugin';

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function lookup(root: unknown, pointer: string): { found: boolean; value: unknown } {
  if (pointer === '') return { found: true, value: root };
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const token = unescape(raw);
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, token)) return { found: false, value: undefined };
    node = (node as Record<string, unknown>)[token];
  }
  return { found: true, value: node };
}

/** A report with the id of the rule that made it. */
export type Finding = RuleReport & { readonly rule: string };

/** Options for {@link runRules}. */
export interface RunOptions {
  readonly now?: Date;
  readonly linkedFiles?: readonly LinkedFile[];
}

/** Runs rules against plain config data with a minimal RuleContext (the engine's positions are not needed here). */
export function runRules(rules: readonly LintRule[], config: unknown, options: RunOptions = {}): Finding[] {
  const reports: Finding[] = [];
  let current = '';
  const context: RuleContext = {
    config,
    file: 'config.yml',
    get: (pointer) => lookup(config, pointer).value,
    has: (pointer) => lookup(config, pointer).found,
    scalarStyle: () => undefined,
    isPlaceholder: (value) => typeof value === 'string' && /<<[^<>]+>>|\$\{[^}]+\}|\{\{[^}]*\}\}/.test(value),
    linkedFiles: () => options.linkedFiles ?? [],
    now: () => options.now ?? new Date('2026-11-28T12:00:00Z'),
    report: (report) => reports.push({ rule: current, ...report }),
  };
  for (const rule of rules) {
    current = rule.id;
    rule.check(context);
  }
  return reports;
}
