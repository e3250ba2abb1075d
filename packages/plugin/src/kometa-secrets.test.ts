import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findKometaSecret, kometaPlaceholderOf, kometaPlaceholdersIn } from './kometa-secrets';

describe('Kometa config secrets', () => {
  it('reads a whole-value <<NAME>> in both spellings Kometa matches, and knows the ones it never fills', () => {
    expect(kometaPlaceholderOf(' <<TRAKT_CLIENT_ID>> ')).toEqual({ written: 'TRAKT_CLIENT_ID', key: 'trakt-client-id', variable: 'KOMETA_TRAKT_CLIENT_ID' });
    expect(kometaPlaceholderOf('<<trakt-client-id>>')).toEqual({ written: 'trakt-client-id', key: 'trakt-client-id', variable: 'KOMETA_TRAKT_CLIENT_ID' });
    expect(kometaPlaceholderOf('<<trakt_client_id>>')).toEqual({ written: 'trakt_client_id' });
    expect(kometaPlaceholderOf('<<Trakt-Id>>')).toEqual({ written: 'Trakt-Id' });
    expect(kometaPlaceholderOf('${TRAKT_CLIENT_ID}')).toBeUndefined();
    expect(kometaPlaceholderOf('http://<<HOST>>:32400')).toBeUndefined();
    expect(kometaPlaceholdersIn('http://<<HOST>>:<<plex-port>>').map((found) => found.variable)).toEqual(['KOMETA_HOST', 'KOMETA_PLEX_PORT']);
  });

  it('takes the value the way Kometa keys its secrets: KOMETA_ or PMM_, any case, non-blank, the last one winning', () => {
    const id = kometaPlaceholderOf('<<TRAKT_CLIENT_ID>>');
    if (!id) throw new Error('not a placeholder');
    expect(findKometaSecret(id, { KOMETA_TRAKT_CLIENT_ID: 'a' })).toEqual({ variable: 'KOMETA_TRAKT_CLIENT_ID', value: 'a' });
    expect(findKometaSecret(id, { kometa_trakt_client_id: 'b' })).toEqual({ variable: 'kometa_trakt_client_id', value: 'b' });
    expect(findKometaSecret(id, { PMM_TRAKT_CLIENT_ID: 'c' })).toEqual({ variable: 'PMM_TRAKT_CLIENT_ID', value: 'c' });
    expect(findKometaSecret(id, { KOMETA_TRAKT_CLIENT_ID: 'first', PMM_TRAKT_CLIENT_ID: 'last' })?.value).toBe('last');
    expect(findKometaSecret(id, { KOMETA_TRAKT_CLIENT_ID: ' ', TRAKT_CLIENT_ID: 'x', KOMETA_TRAKT_CLIENT: 'y' })).toBeUndefined();
    expect(findKometaSecret({ written: 'trakt_client_id' }, { KOMETA_TRAKT_CLIENT_ID: 'a' })).toBeUndefined();
  });

  /** Kometa's rule as the reference states it (kometa-config.md §5.1, from kometa.py and modules/config.py). */
  const reference = resolve(__dirname, '../../../../shared/reference/kometa-config.md');
  (existsSync(reference) ? it : it.skip)('agrees with the reference facts (skipped without ../shared/reference)', () => {
    const text = readFileSync(reference, 'utf8');
    expect(text).toContain('env `KOMETA_<NAME>` (legacy `PMM_<NAME>`)');
    expect(text).toContain('Key normalisation: env `KOMETA_MY_KEY` → secret name `my-key`. In the config either `<<my-key>>` or `<<MY_KEY>>` matches');
    expect(text).toContain('`<<my_secret>>` lower-case never matches');
    const env = { KOMETA_MY_KEY: 'value', KOMETA_MY_SECRET: 'value' };
    for (const written of ['<<my-key>>', '<<MY_KEY>>']) expect(findKometaSecret(kometaPlaceholderOf(written) ?? { written }, env)?.variable).toBe('KOMETA_MY_KEY');
    expect(findKometaSecret(kometaPlaceholderOf('<<my_secret>>') ?? { written: '' }, env)).toBeUndefined();
  });
});
