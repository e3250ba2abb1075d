import type { LintRule, Severity } from '@pmm-config/plugin';
import { isMapping, isSet, libraries, type Mapping } from './config-walk';

/**
 * `core/plex-connection`: every library needs a Plex url and token, globally or at library level.
 * A key that is absent everywhere cannot work (error); a key written but left blank is how shared and
 * template configs hide credentials, so it is a warning that Kometa needs it filled by run time.
 */
export const plexConnection: LintRule = {
  id: 'core/plex-connection',
  description: 'Each library needs plex url and token, set under the global plex section or under the library.',
  check(context) {
    const config = context.config;
    const global: Mapping = isMapping(config) && isMapping(config.plex) ? config.plex : {};
    const all = libraries(config);
    for (const key of ['url', 'token'] as const) {
      if (isSet(global[key])) continue;
      const localPlex = (body: Mapping | null): Mapping => (body && isMapping(body.plex) ? body.plex : {});
      const lacking = all.filter((library) => !isSet(localPlex(library.body)[key]));
      if (lacking.length === 0) continue;
      const kometa = `"${key} attribute must be set under plex globally or under this specific Library"`;
      const hint = `Set \`${key}:\` under the top-level \`plex:\` section (\`env\` or a \`<<SECRET>>\` placeholder is fine).`;
      const blankGlobally = key in global;
      const severity = (blank: boolean): Severity => (blank ? 'warning' : 'error');
      const state = (blank: boolean): string => (blank ? 'is blank' : 'is not set');
      // When no library sets it, one finding at the global section says it all.
      if (lacking.length === all.length) {
        const blank = blankGlobally || lacking.some((library) => key in localPlex(library.body));
        context.report({ severity: severity(blank), pointer: `/plex/${key}`, message: `The Plex ${key} ${state(blank)}, globally and in every library: Kometa skips every library with ${kometa}.`, hint });
        continue;
      }
      for (const library of lacking) {
        const blank = blankGlobally || key in localPlex(library.body);
        context.report({ severity: severity(blank), pointer: `${library.pointer}/plex/${key}`, message: `Library '${library.name}': the Plex ${key} ${state(blank)}; Kometa skips it with ${kometa}.`, hint });
      }
    }
  },
};
