export { createTestRuleContext } from './rule-context';
export type { TestRuleContext, TestRuleContextOptions } from './rule-context';
