import { DEFAULT_SPECS } from './catalog';
import type { DefaultsData } from './model';
import { COMMON, DYNAMIC_OVERRIDES, OTHER_FILES, SHARED_SETS, TYPES } from './shared';

/** Bump when the shape of `dist/defaults.json` changes. */
export const DEFAULTS_FORMAT_VERSION = 1;

/** What the build writes to `dist/defaults.json` (scripts/generate-schema-files.cjs). */
export const defaultsData: DefaultsData = {
  formatVersion: DEFAULTS_FORMAT_VERSION,
  kometaVersion: '2.4.4-build33',
  kometaCommit: '5e1771a4c3a9b916d84253e36bd26438839d69c3',
  defaults: DEFAULT_SPECS,
  sets: SHARED_SETS,
  dynamicOverrides: DYNAMIC_OVERRIDES,
  common: COMMON,
  types: TYPES,
  otherFiles: OTHER_FILES,
};
