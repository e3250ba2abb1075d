import type { LintRule } from '@pmm-config/plugin';
import { isMapping, isSet } from './config-walk';

/** `core/required-section`: the settings Kometa cannot start without (`tmdb.apikey`, at least one library). */
export const requiredSection: LintRule = {
  id: 'core/required-section',
  description: 'Kometa stops without a tmdb apikey or without at least one library.',
  check(context) {
    const config = context.config;
    if (!isMapping(config)) return;
    if (!('tmdb' in config)) {
      context.report({
        severity: 'error',
        pointer: '/tmdb',
        message: 'There is no `tmdb` section: Kometa stops with "tmdb sub-attribute apikey not found".',
        hint: 'Add `tmdb:` with your TMDb `apikey:` (a free key from themoviedb.org).',
      });
    } else if (!isMapping(config.tmdb) || !('apikey' in config.tmdb)) {
      context.report({ severity: 'error', pointer: '/tmdb/apikey', message: '`tmdb` has no `apikey`: Kometa stops at startup.', hint: 'Add `apikey:` under `tmdb`.' });
    } else if (!isSet(config.tmdb.apikey)) {
      // Blank is how shared and template configs hide the key, so it is a reminder rather than an error.
      context.report({
        severity: 'warning',
        pointer: '/tmdb/apikey',
        at: 'value',
        message: '`tmdb.apikey` is blank: Kometa stops at startup unless it is filled in before it runs.',
        hint: 'Fill in your TMDb API key, or a config secret such as `<<TMDB_APIKEY>>`.',
      });
    }
    if (!('libraries' in config) || (isMapping(config.libraries) && Object.keys(config.libraries).length === 0)) {
      context.report({ severity: 'error', pointer: '/libraries', message: 'No libraries were found in the config: Kometa stops at startup.', hint: 'Add `libraries:` with one entry per Plex library, e.g. `Movies:`.' });
    } else if (config.libraries === null) {
      context.report({ severity: 'error', pointer: '/libraries', message: '`libraries` is blank: Kometa stops at startup.', hint: 'Add one entry per Plex library under it, e.g. `Movies:`.' });
    }
  },
};
