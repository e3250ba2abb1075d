import type { Deprecation } from './deprecations';

/*
 * The table of `src/deprecations.ts` as the build writes it (`dist/deprecations.json`, ~30 KB). Computing it
 * at run time would load the section builders (for the library setting names) and cost every run ~8 ms for
 * a list that never changes. The literal `../dist/` path resolves the same from `src/` and `dist/`, and lets
 * bundlers inline the JSON.
 */
export const deprecations: readonly Deprecation[] = require('../dist/deprecations.json') as readonly Deprecation[];
