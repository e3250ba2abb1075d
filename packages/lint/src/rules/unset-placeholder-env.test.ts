import { findings, lintText } from '../../test/helpers';
import { lintFiles } from '../lint';
import { UNSET_PLACEHOLDER_ENV_RULE } from './unset-placeholder-env';

const CONFIG = [
  'plex:',
  '  url: http://<<PLEX_HOST>>:32400',
  '  token: <<PLEX_TOKEN>>',
  'tmdb:',
  '  apikey: <<tmdb-key>>',
  'trakt:',
  '  client_id: <<trakt_client_id>>',
  'libraries:',
  '  Movies:',
  '    template_variables:',
  '      use_x: <<NOT_A_SECRET>>',
  '',
].join('\n');

describe(UNSET_PLACEHOLDER_ENV_RULE, () => {
  it('checks nothing without --check-env', () => {
    expect(findings(lintText(CONFIG), UNSET_PLACEHOLDER_ENV_RULE)).toEqual([]);
  });

  it('notes each <<NAME>> whose KOMETA_NAME is unset, at its value, and skips template_variables', () => {
    const result = lintText(CONFIG, { kometaEnv: { KOMETA_PLEX_HOST: 'plex.lan', PMM_TMDB_KEY: ' ', OTHER: 'x' } });
    expect(findings(result, UNSET_PLACEHOLDER_ENV_RULE)).toEqual([
      {
        line: 3,
        column: 10,
        severity: 'info',
        pointer: '/plex/token',
        message: '`plex.token` uses <<PLEX_TOKEN>>, but KOMETA_PLEX_TOKEN is not set in this environment.',
        hint: 'Kometa fills it from KOMETA_PLEX_TOKEN (or --kometa-plex-token); without it the placeholder stays, and a value that is only the placeholder is read as blank.',
      },
      expect.objectContaining({ line: 5, pointer: '/tmdb/apikey', message: '`tmdb.apikey` uses <<tmdb-key>>, but KOMETA_TMDB_KEY is not set in this environment.' }),
      expect.objectContaining({
        line: 7,
        pointer: '/trakt/client_id',
        message: '`trakt.client_id` uses <<trakt_client_id>>, which no KOMETA_ variable fills: Kometa matches <<TRAKT_CLIENT_ID>> or <<trakt-client-id>> only.',
        hint: 'Write it as <<TRAKT_CLIENT_ID>> and set KOMETA_TRAKT_CLIENT_ID where Kometa runs.',
      }),
    ]);
  });

  it('is quiet when every placeholder has its variable, in either of Kometa’s prefixes', () => {
    const env = { KOMETA_PLEX_HOST: 'h', kometa_plex_token: 't', PMM_TMDB_KEY: 'k', KOMETA_TRAKT_CLIENT_ID: 'i' };
    const text = CONFIG.replace('<<trakt_client_id>>', '<<TRAKT_CLIENT_ID>>');
    expect(findings(lintText(text, { kometaEnv: env }), UNSET_PLACEHOLDER_ENV_RULE)).toEqual([]);
  });

  it('runs through lintFiles with the environment, for the config only (linked files use <<…>> as template syntax)', () => {
    const [withEnv] = lintFiles([{ file: 'config.yml', text: CONFIG }], { kometaEnv: {} });
    expect(withEnv?.diagnostics.filter((d) => d.rule === UNSET_PLACEHOLDER_ENV_RULE)).toHaveLength(4);
    const [without] = lintFiles([{ file: 'config.yml', text: CONFIG }]);
    expect(without?.diagnostics.filter((d) => d.rule === UNSET_PLACEHOLDER_ENV_RULE)).toEqual([]);
    const [collection] = lintFiles([{ file: 'movies.yml', text: 'collections:\n  Best:\n    plex_search:\n      all:\n        title: <<title>>\n' }], { kometaEnv: {} });
    expect(collection?.diagnostics.filter((d) => d.rule === UNSET_PLACEHOLDER_ENV_RULE)).toEqual([]);
  });
});
