import type { LinkedFile, LintRule, RuleReport } from '@pmm-config/plugin';
import { createTestRuleContext } from '@pmm-config/plugin/testing';

/** A report with the id of the rule that made it. */
export type Finding = RuleReport & { readonly rule: string };

/** Options for {@link runRules}. */
export interface RunOptions {
  readonly now?: Date;
  readonly linkedFiles?: readonly LinkedFile[];
}

/** Runs rules in order against plain config data through the plugin API's test context, tagging each report with its rule id. */
export function runRules(rules: readonly LintRule[], config: unknown, options: RunOptions = {}): Finding[] {
  return rules.flatMap((rule) => {
    const context = createTestRuleContext({ config, ...options });
    rule.check(context);
    return context.reports.map((report) => ({ rule: rule.id, ...report }));
  });
}
