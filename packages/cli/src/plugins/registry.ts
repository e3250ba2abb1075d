import type { Plugin } from '@pmm-config/plugin';
import { malPlugin } from '@pmm-config/provider-mal';
import { traktPlugin } from '@pmm-config/provider-trakt';

/**
 * The plugins that ship with pmm-config, in the order their rules run. Each provider package adds its
 * `Plugin` object here; plugins named with `--plugin` are loaded on top of these.
 */
export const builtinPlugins: readonly Plugin[] = [traktPlugin, malPlugin];
