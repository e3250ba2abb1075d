import { makeJwt } from '../../test/helpers/jwt';
import { runRules, type Finding, type RunOptions } from '../../test/helpers/rule-context';
import { malPlugin } from '../plugin';

const NOW = new Date('2026-11-28T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;
const validToken = makeJwt({ iat: nowSeconds - 86_400, exp: nowSeconds + 30 * 86_400 });
const authorized = { access_token: validToken, token_type: 'Bearer', expires_in: 2678400, refresh_token: 'def50200refresh' };
const good = { client_id: '3f9a'.repeat(8), client_secret: 'c0ffee12'.repeat(8), cache_expiration: 60, authorization: authorized };

function lint(config: unknown, linkedFiles: RunOptions['linkedFiles'] = []): Finding[] {
  return runRules(malPlugin.rules, config, { now: NOW, linkedFiles });
}
const brief = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.rule} ${f.pointer}`);
const animeLibrary = { libraries: { Anime: { collection_files: [{ default: 'myanimelist' }] } } };

describe('malPlugin', () => {
  it('owns the mal section and prefixes every rule id with mal/', () => {
    expect(malPlugin.configKey).toBe('mal');
    expect(malPlugin.meta.id).toBe('mal');
    expect(malPlugin.rules.length).toBeGreaterThan(0);
    for (const rule of malPlugin.rules) expect(rule.id).toMatch(/^mal\/[a-z-]+$/);
    expect(new Set(malPlugin.rules.map((rule) => rule.id)).size).toBe(malPlugin.rules.length);
  });

  it('reports nothing for a complete, fresh mal section or a config without one', () => {
    expect(lint({ mal: good })).toEqual([]);
    expect(lint({ libraries: { Movies: { collection_files: [{ default: 'imdb' }] } } })).toEqual([]);
  });
});

describe('mal/missing-attribute', () => {
  it('errors on a missing client_id or client_secret key', () => {
    const findings = lint({ mal: { client_secret: '0f'.repeat(32) } });
    expect(brief(findings)).toEqual(['error mal/missing-attribute /mal/client_id']);
    expect(findings[0]?.message).toContain('mal sub-attribute client_id not found');
  });
  it('errors on both keys for a blank section and on a section that is not a mapping', () => {
    expect(brief(lint({ mal: null }))).toEqual(['error mal/missing-attribute /mal/client_id', 'error mal/missing-attribute /mal/client_secret']);
    expect(brief(lint({ mal: ['x'] }))).toEqual(['error mal/missing-attribute /mal']);
  });
});

describe('mal/blank-credential', () => {
  it('only warns on blank credentials when nothing uses MyAnimeList, as Kometa does', () => {
    const findings = lint({ mal: { client_id: null, client_secret: '  ', authorization: null } });
    expect(brief(findings)).toEqual(['warning mal/blank-credential /mal/client_id', 'warning mal/blank-credential /mal/client_secret']);
    expect(findings[0]?.message).toContain('My Anime List Connection Failed');
  });

  it('treats template text like a blank value', () => {
    for (const text of ['<client id>', 'Client ID here', 'your_client_id', '(redacted)', 'XXXX', '####']) {
      expect(brief(lint({ mal: { ...good, client_id: text } }))).toEqual(['warning mal/blank-credential /mal/client_id']);
    }
  });

  it('escalates blank credentials to errors when the config uses MyAnimeList, naming the use', () => {
    const findings = lint({ ...animeLibrary, mal: { client_id: null, client_secret: null } });
    expect(brief(findings)).toEqual(['error mal/blank-credential /mal/client_id', 'error mal/blank-credential /mal/client_secret']);
    expect(findings[0]?.message).toContain('`default: myanimelist` at /libraries/Anime/collection_files/0/default');
  });

  it('escalates when a linked file uses a mal_* builder', () => {
    const findings = lint({ mal: { client_id: '', client_secret: 's' } }, [
      { path: 'config/anime.yml', from: '/libraries/Anime/collection_files/0/file', data: { collections: { Top: { mal_all: 20 } } } },
    ]);
    expect(brief(findings)).toEqual(['error mal/blank-credential /mal/client_id']);
    expect(findings[0]?.message).toContain('`mal_all` in config/anime.yml');
  });

  it('never judges placeholders', () => {
    for (const placeholder of ['<<MAL_CLIENT_ID>>', '${MAL_ID}', '{{ .MAL_ID }}']) {
      expect(lint({ ...animeLibrary, mal: { ...good, client_id: placeholder, client_secret: placeholder } })).toEqual([]);
    }
  });

  it('errors on a list or mapping credential', () => {
    expect(brief(lint({ mal: { ...good, client_id: ['a'], client_secret: { a: 1 } } }))).toEqual([
      'error mal/blank-credential /mal/client_id',
      'error mal/blank-credential /mal/client_secret',
    ]);
  });
});

describe('mal/required-section', () => {
  it('errors at each use when there is no mal section at all', () => {
    const findings = lint({ libraries: { Anime: { collection_files: [{ default: 'myanimelist' }], operations: { mass_genre_update: 'mal' } } } });
    expect(brief(findings)).toEqual([
      'error mal/required-section /libraries/Anime/collection_files/0/default',
      'error mal/required-section /libraries/Anime/operations/mass_genre_update',
    ]);
  });
  it('stays quiet when the section exists (the credential rule takes over)', () => {
    expect(lint({ ...animeLibrary, mal: good })).toEqual([]);
  });
});

describe('mal/localhost-url', () => {
  it('errors when the URL has no code= and no token is stored', () => {
    const findings = lint({ mal: { ...good, authorization: null, localhost_url: 'http://localhost/?state=x' } });
    expect(brief(findings)).toEqual(['error mal/localhost-url /mal/localhost_url']);
    expect(findings[0]?.at).toBe('value');
    expect(findings[0]?.message).toContain('MyAnimeList Error: Invalid URL');
  });
  it('only warns about a URL without code= when a token is stored', () => {
    expect(brief(lint({ mal: { ...good, localhost_url: 'http://localhost/' } }))).toEqual(['warning mal/localhost-url /mal/localhost_url']);
    expect(brief(lint({ mal: { ...good, localhost_url: 'http://localhost/?code=' } }))).toEqual(['warning mal/localhost-url /mal/localhost_url']);
  });
  it('explains the fixed-verifier constraint for a usable URL and a stale one', () => {
    const unauthorized = lint({ mal: { ...good, authorization: null, localhost_url: 'http://localhost/?code=abc&state=1' } });
    expect(brief(unauthorized)).toEqual(['info mal/localhost-url /mal/localhost_url']);
    expect(unauthorized[0]?.message).toContain('verifier that produced it');
    const stale = lint({ mal: { ...good, localhost_url: 'http://localhost/?code=abc' } });
    expect(stale[0]?.message).toContain('single-use');
  });
  it('ignores blank, placeholder and redacted URLs and errors on a non-string', () => {
    for (const url of [null, '', '<<MAL_URL>>', '(redacted)', '<REDACTED>']) expect(lint({ mal: { ...good, localhost_url: url } })).toEqual([]);
    expect(brief(lint({ mal: { ...good, localhost_url: 42 } }))).toEqual(['error mal/localhost-url /mal/localhost_url']);
  });
});

describe('mal/cache-expiration', () => {
  it.each([[0], [-5], [1.5], ['60'], [true], [[60]]])('warns on %p', (value) => {
    const findings = lint({ mal: { ...good, cache_expiration: value } });
    expect(brief(findings)).toEqual(['warning mal/cache-expiration /mal/cache_expiration']);
    expect(findings[0]?.message).toContain('uses 60');
  });
  it.each([[1], [60], [null], ['<<CACHE>>']])('accepts %p', (value) => {
    expect(lint({ mal: { ...good, cache_expiration: value } })).toEqual([]);
  });
});

describe('mal/authorization', () => {
  it('errors when a non-empty block has no access_token', () => {
    const findings = lint({ mal: { ...good, authorization: { token_type: 'Bearer', expires_in: 2678400, refresh_token: 'r' } } });
    expect(brief(findings)).toEqual(['error mal/authorization /mal/authorization/access_token']);
  });
  it('suggests the intended key for a typo', () => {
    const findings = lint({ mal: { ...good, authorization: { acess_token: validToken, token_type: 'Bearer', expires_in: 1, refresh_token: 'r' } } });
    expect(brief(findings)).toEqual(['warning mal/authorization /mal/authorization/acess_token', 'error mal/authorization /mal/authorization/access_token']);
    expect(findings[0]?.message).toContain('did you mean `access_token`');
  });
  it('warns when the token cannot be refreshed', () => {
    expect(brief(lint({ mal: { ...good, authorization: { ...authorized, refresh_token: null } } }))).toEqual(['warning mal/authorization /mal/authorization/refresh_token']);
    const withoutRefresh = { access_token: authorized.access_token, token_type: authorized.token_type, expires_in: authorized.expires_in };
    expect(brief(lint({ mal: { ...good, authorization: withoutRefresh } }))).toEqual(['warning mal/authorization /mal/authorization/refresh_token']);
  });
  it('notes missing token_type/expires_in and Trakt-only keys as info', () => {
    const findings = lint({ mal: { ...good, authorization: { access_token: validToken, refresh_token: 'r', scope: 'public', created_at: 1 } } });
    expect(brief(findings)).toEqual([
      'info mal/authorization /mal/authorization/scope',
      'info mal/authorization /mal/authorization/created_at',
      'info mal/authorization /mal/authorization/token_type',
    ]);
    expect(findings[2]?.message).toBe('`mal.authorization` has no `token_type` and `expires_in`; Kometa does not need them, but the block looks partly pasted.');
  });
  it('names every missing key of a partial block in one finding', () => {
    const findings = lint({ mal: { ...good, authorization: { access_token: validToken } } });
    expect(brief(findings)).toEqual(['warning mal/authorization /mal/authorization/refresh_token']);
    expect(findings[0]?.message).toBe(
      '`mal.authorization` has an access token but no `refresh_token`, `token_type` and `expires_in`: when the token expires Kometa cannot renew it and has to authorize again.',
    );
  });
  it('warns on a non-numeric expires_in', () => {
    expect(brief(lint({ mal: { ...good, authorization: { ...authorized, expires_in: 'a month' } } }))).toEqual(['warning mal/authorization /mal/authorization/expires_in']);
  });
  it('errors on tokens written directly under mal and on a non-mapping block', () => {
    expect(brief(lint({ mal: { ...good, access_token: 'x', refresh_token: 'y' } }))).toEqual([
      'error mal/authorization /mal/access_token',
      'error mal/authorization /mal/refresh_token',
    ]);
    expect(brief(lint({ mal: { ...good, authorization: 'token' } }))).toEqual(['error mal/authorization /mal/authorization']);
  });
  it('says that Kometa will prompt when credentials are set but nothing is authorized yet', () => {
    const template = { access_token: null, token_type: null, expires_in: null, refresh_token: null };
    expect(brief(lint({ mal: { ...good, authorization: template } }))).toEqual(['info mal/authorization /mal/authorization']);
    expect(brief(lint({ mal: { ...good, authorization: undefined } }))).toEqual(['info mal/authorization /mal/authorization']);
    expect(lint({ mal: { client_id: '<<ID>>', client_secret: '<<SECRET>>', authorization: template } })).toEqual([
      expect.objectContaining({ rule: 'mal/authorization', severity: 'info' }),
    ]);
  });
  it('leaves a fully redacted or placeholder block alone', () => {
    const redacted = { access_token: '(redacted)', token_type: 'Bearer', expires_in: 2678400, refresh_token: '(redacted)' };
    expect(lint({ mal: { ...good, authorization: redacted, localhost_url: '(redacted)' } })).toEqual([]);
    expect(lint({ mal: { ...good, authorization: '<<MAL_AUTH>>' } })).toEqual([]);
  });
});

describe('mal/token-expiry', () => {
  it('warns on an expired JWT access token with its age and the refresh advice', () => {
    const expired = makeJwt({ iat: nowSeconds - 40 * 86_400, exp: nowSeconds - 9 * 86_400 });
    const findings = lint({ mal: { ...good, authorization: { ...authorized, access_token: expired } } });
    expect(brief(findings)).toEqual(['warning mal/token-expiry /mal/authorization/access_token']);
    expect(findings[0]?.message).toContain('expired 9 days ago');
    expect(findings[0]?.hint).toContain('--refresh');
  });
  it('says when nothing can be refreshed', () => {
    const expired = makeJwt({ exp: nowSeconds - 3600 });
    const findings = lint({ mal: { ...good, authorization: { ...authorized, access_token: expired, refresh_token: '' } } });
    expect(findings.find((f) => f.rule === 'mal/token-expiry')?.message).toContain('expired 1 hour ago');
    expect(findings.find((f) => f.rule === 'mal/token-expiry')?.hint).toContain('pmm-config auth mal');
  });
  it('uses created_at + expires_in when a block carries them', () => {
    const findings = lint({ mal: { ...good, authorization: { ...authorized, access_token: 'opaque', created_at: nowSeconds - 100, expires_in: 50 } } });
    expect(brief(findings)).toContain('warning mal/token-expiry /mal/authorization/access_token');
  });
  it('says the age is unknown for an opaque token, and nothing for a fresh, redacted or placeholder one', () => {
    const findings = lint({ mal: { ...good, authorization: { ...authorized, access_token: 'opaque-token' } } });
    expect(brief(findings)).toEqual(['info mal/token-expiry /mal/authorization/access_token']);
    expect(findings[0]?.message).toContain('created_at');
    for (const token of [validToken, '<<MAL_TOKEN>>', '(redacted)']) expect(lint({ mal: { ...good, authorization: { ...authorized, access_token: token } } })).toEqual([]);
  });
});
