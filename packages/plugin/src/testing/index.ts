export { createTestRuleContext } from './rule-context';
export type { TestRuleContext, TestRuleContextOptions } from './rule-context';
export { createAuthTestContext } from './auth-context';
export type { AuthTestContext, AuthTestContextOptions } from './auth-context';
export { describePluginContract } from './contract';
export type { ContractMock, PluginContractHarness } from './contract';
