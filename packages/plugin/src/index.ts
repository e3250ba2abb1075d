export type { Diagnostic, Fix, Severity, Suggestion, TextEdit } from './diagnostic';
export type { LinkedFile, LintRule, RuleContext, RuleEdit, RuleFix, RuleReport, RuleSuggestion, ScalarStyle } from './rule';
export type { Plugin, PluginMeta } from './plugin';
export type { BuilderCheckContext, BuilderService, BuilderUse, ConfigView, FileKind, LinkingLibrary } from './builders';
export { servesBuilder } from './builders';
export { authorizedServiceBuilders } from './service-builders';
export type { AuthorizedServiceSpec } from './service-builders';
export { PLUGIN_API_VERSION, definePlugin } from './plugin';
export type {
  AuthContext,
  AuthFetch,
  AuthFlow,
  AuthFlowKind,
  AuthHost,
  AuthHosts,
  AuthInput,
  AuthOutcome,
  AuthProvider,
  AuthStatus,
  AuthorizationEntry,
  CredentialField,
  FlowSelection,
  PromptRequest,
  SectionUpdate,
} from './auth';
export { AuthError, AuthErrorCode, isAuthError, selectFlow } from './auth';
export { PluginLoadError, PluginLoadErrorCode, loadPlugin } from './load-plugin';
export type { LoadedPlugin } from './load-plugin';
export { isPlugin, pluginProblems } from './validate-plugin';
export { isSecretKey, maskSecret } from './secrets';
export { describeExpiry } from './expiry';
export { isConfigPlaceholder } from './placeholder';
export { authCommand } from './auth-command';
export { joinPointer, parsePointer, resolvePointer } from './pointer';
export { renameKeyFix, renameKeySuggestion, replaceValueSuggestion, yamlText } from './fixes';
export { fillableSpelling, findKometaSecret, kometaPlaceholderOf, kometaPlaceholdersIn } from './kometa-secrets';
export type { KometaPlaceholder, KometaSecret } from './kometa-secrets';
