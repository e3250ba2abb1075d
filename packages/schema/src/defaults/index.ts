export { acceptsVariable, compareKometaVersions, defaultNames, describeType, findDefault, loadDefaults, parseKometaVersion, variableCandidates } from './api';
export type { DefaultLookup, VariableCheck, VariableCheckOptions } from './api';
export type { DefaultKind, DefaultSpec, DefaultsData, SharedSetName, TypedVariable, VariableType } from './model';
