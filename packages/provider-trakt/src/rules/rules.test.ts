import type { LinkedFile, LintRule, ScalarStyle } from '@pmm-config/plugin';
import { createTestRuleContext } from '@pmm-config/plugin/testing';
import { traktPlugin } from '../plugin';
import { authorizationMissingKeyRule, authorizationShapeRule, authorizationTypeRule, notAuthorizedRule } from './authorization';
import { blankCredentialRule, missingAttributeRule } from './credentials';
import { forceRefreshTypeRule } from './force-refresh';
import { missingSectionRule } from './missing-section';
import { pinTypeRule } from './pin';
import { tokenExpiredRule } from './token-expired';

const ID = 'a'.repeat(64);
const SECRET = 'b'.repeat(64);
const TOKEN = 'c'.repeat(64);
const REFRESH = 'd'.repeat(64);
const NOW = new Date('2026-11-28T12:00:00Z');

interface RunOptions {
  scalarStyles?: Record<string, ScalarStyle>;
  linkedFiles?: LinkedFile[];
}

function run(rule: LintRule, config: unknown, options: RunOptions = {}) {
  const context = createTestRuleContext({ config, now: NOW, ...options });
  rule.check(context);
  return context.reports;
}

const auth = (overrides: Record<string, unknown> = {}) => ({
  access_token: TOKEN,
  token_type: 'Bearer',
  expires_in: 604800,
  refresh_token: REFRESH,
  scope: 'public',
  created_at: Math.floor(NOW.getTime() / 1000) - 3600,
  ...overrides,
});

const movies = (...collectionFiles: unknown[]) => ({ Movies: { collection_files: collectionFiles } });

function expectNoSecrets(messages: readonly { message: string; hint?: string }[]) {
  for (const { message, hint } of messages) {
    for (const secret of [ID, SECRET, TOKEN, REFRESH]) {
      expect(message).not.toContain(secret);
      expect(hint ?? '').not.toContain(secret);
    }
  }
}

describe('traktPlugin', () => {
  it('owns trakt: and prefixes every rule id with trakt/', () => {
    expect(traktPlugin.configKey).toBe('trakt');
    expect(traktPlugin.apiVersion).toBe(1);
    const ids = (traktPlugin.rules ?? []).map((rule) => rule.id);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^trakt\/[a-z-]+$/);
  });

  it('reports nothing on a complete, fresh trakt section', () => {
    const config = { trakt: { client_id: ID, client_secret: SECRET, pin: null, authorization: auth() } };
    for (const rule of traktPlugin.rules ?? []) expect(run(rule, config)).toEqual([]);
  });

  it('never puts a secret value into a message, whatever goes wrong', () => {
    const config = {
      libraries: movies({ default: 'trakt' }),
      trakt: { client_id: ID, pin: 12345678, force_refresh: 'yes', authorization: { access_token: 5, refresh_token: [REFRESH], created_at: 1, expires_in: 1 } },
    };
    const all = (traktPlugin.rules ?? []).flatMap((rule) => run(rule, config));
    expect(all.length).toBeGreaterThan(3);
    expectNoSecrets(all);
  });
});

describe('trakt/missing-attribute', () => {
  it('errors at trakt: for each missing credential key, linking to the Trakt app page', () => {
    const reports = run(missingAttributeRule, { trakt: { pin: null } });
    expect(reports.map((r) => [r.severity, r.pointer])).toEqual([
      ['error', '/trakt/client_id'],
      ['error', '/trakt/client_secret'],
    ]);
    expect(reports[0].message).toContain('client_id');
    expect(reports[0].hint).toContain('https://app.trakt.tv/settings/apps/api');
    expect(reports[0].hint).toContain('VIP');
  });
  it('treats an empty trakt: as missing both keys', () => {
    expect(run(missingAttributeRule, { trakt: null })).toHaveLength(2);
  });
  it('accepts present keys even when blank (that is the blank-credential rule)', () => {
    expect(run(missingAttributeRule, { trakt: { client_id: null, client_secret: null } })).toEqual([]);
  });
  it('ignores configs without trakt: and leaves wrong section types to the schema', () => {
    expect(run(missingAttributeRule, { tmdb: { apikey: 'x' } })).toEqual([]);
    expect(run(missingAttributeRule, { trakt: 'oops' })).toEqual([]);
  });
});

describe('trakt/blank-credential', () => {
  it('warns on a blank client_id when nothing uses Trakt', () => {
    const reports = run(blankCredentialRule, { trakt: { client_id: null, client_secret: SECRET } });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ severity: 'warning', pointer: '/trakt/client_id', at: 'value' });
    expect(reports[0].message).toContain('is blank');
  });
  it.each([['<client id>'], ['Client ID here'], ['your_client_id'], ['(redacted)'], ['xxxxxxxx'], ['  ']])(
    'treats template text %j as not filled in',
    (value) => {
      const reports = run(blankCredentialRule, { trakt: { client_id: ID, client_secret: value } });
      expect(reports.map((r) => r.pointer)).toEqual(['/trakt/client_secret']);
    },
  );
  it('escalates to an error when a default needs Trakt, naming where', () => {
    const reports = run(blankCredentialRule, {
      libraries: movies({ default: 'imdb' }, { default: 'trakt' }),
      trakt: { client_id: '', client_secret: '' },
    });
    expect(reports.map((r) => r.severity)).toEqual(['error', 'error']);
    expect(reports[0].message).toContain('`default: trakt`');
    expect(reports[0].message).toContain('/libraries/Movies/collection_files/1/default');
  });
  it('escalates for trakt_* builders in linked local files', () => {
    const linkedFiles = [{ path: 'config/movies.yml', from: '/libraries/Movies/collection_files/0/file', data: { collections: { Top: { trakt_list: 'https://trakt.tv/users/x/lists/y' } } } }];
    const reports = run(blankCredentialRule, { libraries: movies({ file: 'config/movies.yml' }), trakt: { client_id: null, client_secret: SECRET } }, { linkedFiles });
    expect(reports[0].severity).toBe('error');
    expect(reports[0].message).toContain('`trakt_list` in config/movies.yml');
  });
  it('escalates for Trakt operation sources', () => {
    const config = { libraries: { Movies: { operations: { mass_user_rating_update: 'trakt_user' } } }, trakt: { client_id: null, client_secret: SECRET } };
    expect(run(blankCredentialRule, config)[0].severity).toBe('error');
  });
  it('never judges secret placeholders', () => {
    expect(run(blankCredentialRule, { trakt: { client_id: '<<TRAKT_ID>>', client_secret: '${TRAKT_SECRET}' } })).toEqual([]);
  });
  it('accepts real-looking values', () => {
    expect(run(blankCredentialRule, { libraries: movies({ default: 'trakt' }), trakt: { client_id: ID, client_secret: SECRET } })).toEqual([]);
  });
});

describe('trakt/pin-type', () => {
  it('warns when an unquoted PIN loads as a number', () => {
    const reports = run(pinTypeRule, { trakt: { pin: 12345678 } });
    expect(reports).toEqual([expect.objectContaining({ severity: 'warning', pointer: '/trakt/pin', at: 'value' })]);
    expect(reports[0].message).not.toContain('12345678');
  });
  it('warns on Infinity from `pin: 1e999`', () => {
    expect(run(pinTypeRule, { trakt: { pin: Infinity } })).toHaveLength(1);
  });
  it('accepts a quoted or blank PIN', () => {
    expect(run(pinTypeRule, { trakt: { pin: '12345678' } }, { scalarStyles: { '/trakt/pin': 'double-quoted' } })).toEqual([]);
    expect(run(pinTypeRule, { trakt: { pin: null } })).toEqual([]);
    expect(run(pinTypeRule, { trakt: {} })).toEqual([]);
  });
});

describe('trakt/force-refresh-type', () => {
  it('warns on a quoted "true"', () => {
    expect(run(forceRefreshTypeRule, { trakt: { force_refresh: 'true' } })).toHaveLength(1);
  });
  it('accepts booleans and blank', () => {
    expect(run(forceRefreshTypeRule, { trakt: { force_refresh: true } })).toEqual([]);
    expect(run(forceRefreshTypeRule, { trakt: { force_refresh: null } })).toEqual([]);
  });
});

describe('trakt/authorization-shape', () => {
  it('errors when authorization is a scalar or list', () => {
    expect(run(authorizationShapeRule, { trakt: { authorization: 'token' } })[0]).toMatchObject({ severity: 'error', pointer: '/trakt/authorization' });
    expect(run(authorizationShapeRule, { trakt: { authorization: [TOKEN] } })).toHaveLength(1);
  });
  it('accepts a blank block and a mapping', () => {
    expect(run(authorizationShapeRule, { trakt: { authorization: null } })).toEqual([]);
    expect(run(authorizationShapeRule, { trakt: { authorization: auth() } })).toEqual([]);
  });
});

describe('trakt/authorization-missing-key', () => {
  it('errors on a missing access_token at authorization: (Kometa KeyError)', () => {
    const block = auth();
    delete (block as Record<string, unknown>)['access_token'];
    expect(run(authorizationMissingKeyRule, { trakt: { authorization: block } })).toEqual([
      expect.objectContaining({ severity: 'error', pointer: '/trakt/authorization/access_token' }),
    ]);
  });
  it('warns on a missing refresh_token', () => {
    const block: Record<string, unknown> = auth();
    delete block['refresh_token'];
    expect(run(authorizationMissingKeyRule, { trakt: { authorization: block } })).toEqual([
      expect.objectContaining({ severity: 'warning', pointer: '/trakt/authorization/refresh_token' }),
    ]);
  });
  it('gives only info for the four-key blocks real configs run with', () => {
    const reports = run(authorizationMissingKeyRule, { trakt: { authorization: { access_token: TOKEN, token_type: 'Bearer', refresh_token: REFRESH, scope: 'public' } } });
    expect(reports.map((r) => [r.severity, r.pointer])).toEqual([
      ['info', '/trakt/authorization/expires_in'],
      ['info', '/trakt/authorization/created_at'],
    ]);
  });
  it('ignores blank and empty blocks (not authorized yet)', () => {
    expect(run(authorizationMissingKeyRule, { trakt: { authorization: null } })).toEqual([]);
    expect(run(authorizationMissingKeyRule, { trakt: { authorization: {} } })).toEqual([]);
  });
});

describe('trakt/authorization-type', () => {
  it('warns on each wrong type', () => {
    const reports = run(authorizationTypeRule, { trakt: { authorization: auth({ expires_in: '7889238', created_at: 1.5, access_token: 42 }) } });
    expect(reports.map((r) => r.pointer).sort()).toEqual(['/trakt/authorization/access_token', '/trakt/authorization/created_at', '/trakt/authorization/expires_in']);
    expect(reports.every((r) => r.severity === 'warning')).toBe(true);
  });
  it('accepts blanks and placeholders', () => {
    expect(run(authorizationTypeRule, { trakt: { authorization: auth({ access_token: null, refresh_token: '<<TRAKT_REFRESH>>' }) } })).toEqual([]);
  });
});

describe('trakt/not-authorized', () => {
  it('is info when credentials are set but no token is stored', () => {
    const reports = run(notAuthorizedRule, { trakt: { client_id: ID, client_secret: SECRET, authorization: auth({ access_token: null }) } });
    expect(reports).toEqual([expect.objectContaining({ severity: 'info', pointer: '/trakt/authorization' })]);
    expect(reports[0].hint).toContain('pmm-config auth trakt');
  });
  it('is a warning when Trakt collections depend on it', () => {
    const reports = run(notAuthorizedRule, { libraries: movies({ default: 'trakt' }), trakt: { client_id: ID, client_secret: SECRET } });
    expect(reports).toEqual([expect.objectContaining({ severity: 'warning', pointer: '/trakt' })]);
  });
  it('stays quiet with a PIN waiting, a token, or no credentials', () => {
    expect(run(notAuthorizedRule, { trakt: { client_id: ID, client_secret: SECRET, pin: 'ABCD1234' } })).toEqual([]);
    expect(run(notAuthorizedRule, { trakt: { client_id: ID, client_secret: SECRET, authorization: auth() } })).toEqual([]);
    expect(run(notAuthorizedRule, { trakt: { client_id: null, client_secret: null } })).toEqual([]);
  });
});

describe('trakt/token-expired', () => {
  it('warns when created_at + expires_in has passed, naming the fix', () => {
    const reports = run(tokenExpiredRule, { trakt: { authorization: auth({ created_at: 1704487820, expires_in: 7889238 }) } });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ severity: 'warning', pointer: '/trakt/authorization/created_at' });
    expect(reports[0].message).toContain('2024-04-06');
    expect(reports[0].hint).toContain('pmm-config auth trakt');
  });
  it('says when no refresh token can renew it', () => {
    const reports = run(tokenExpiredRule, { trakt: { authorization: auth({ created_at: 1, expires_in: 1, refresh_token: null }) } });
    expect(reports[0].message).toContain('no refresh token');
  });
  it('is quiet for a fresh token, a missing expiry, or a blank token', () => {
    expect(run(tokenExpiredRule, { trakt: { authorization: auth() } })).toEqual([]);
    expect(run(tokenExpiredRule, { trakt: { authorization: auth({ created_at: null }) } })).toEqual([]);
    expect(run(tokenExpiredRule, { trakt: { authorization: auth({ access_token: null, created_at: 1, expires_in: 1 }) } })).toEqual([]);
  });
  it('counts a token as expired from its expiry second on', () => {
    const created = Math.floor(NOW.getTime() / 1000) - 100;
    expect(run(tokenExpiredRule, { trakt: { authorization: auth({ created_at: created, expires_in: 100 }) } })).toHaveLength(1);
    expect(run(tokenExpiredRule, { trakt: { authorization: auth({ created_at: created, expires_in: 101 }) } })).toEqual([]);
  });
});

describe('trakt/missing-section', () => {
  it('errors at the first Trakt-based collection when there is no trakt:', () => {
    const reports = run(missingSectionRule, { libraries: movies({ default: 'imdb' }, { default: 'trakt' }) });
    expect(reports).toEqual([expect.objectContaining({ severity: 'error', pointer: '/libraries/Movies/collection_files/1/default' })]);
  });
  it('errors at the linking entry for builders in linked files', () => {
    const linkedFiles = [{ path: 'movies.yml', from: '/libraries/Movies/collection_files/0/file', data: { collections: { X: { trakt_chart: { chart: 'trending' } } } } }];
    const reports = run(missingSectionRule, { libraries: movies({ file: 'movies.yml' }) }, { linkedFiles });
    expect(reports[0].pointer).toBe('/libraries/Movies/collection_files/0/file');
    expect(reports[0].message).toContain('`trakt_chart` in movies.yml');
  });
  it('recognises PMM 1.x git defaults', () => {
    expect(run(missingSectionRule, { libraries: { Movies: { metadata_path: [{ git: 'PMM/chart/trakt' }] } } })).toHaveLength(1);
  });
  it('is quiet when trakt: exists or nothing needs Trakt', () => {
    expect(run(missingSectionRule, { libraries: movies({ default: 'trakt' }), trakt: null })).toEqual([]);
    expect(run(missingSectionRule, { libraries: movies({ default: 'imdb' }, { default: 'tmdb' }) })).toEqual([]);
  });
});
