import { randomBytes } from 'node:crypto';
import { systemClock } from '../http/clock';
import { startMockServer, type MockServer } from '../http/server';
import type { MalMockOptions } from './options';
import { malRoutes, type MalRouteConfig } from './routes';
import { MalState } from './state';

/** A running MyAnimeList mock. OAuth (`/v1/oauth2/*`) and API (`/v2/*`) share one loopback server. */
export interface MalMock extends MockServer {
  /** Base URL to use in place of `https://myanimelist.net`. */
  readonly authUrl: string;
  /** Base URL to use in place of `https://api.myanimelist.net`. */
  readonly apiUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Codes and tokens the mock has issued. */
  readonly state: MalState;
  /**
   * Plays the user's part on the authorize page: opens `authorizeUrl` (which must point at this mock) and returns
   * the URL the browser would be redirected to, e.g. `http://localhost/?code=...&state=...`.
   */
  approve(authorizeUrl: string): Promise<string>;
  /** An authorization code for this challenge, as if the user had opened an authorize URL carrying it (e.g. Kometa's fixed one). */
  issueCode(challenge: string): string;
  /** A token pair as if an earlier authorization happened; for refresh and check tests. */
  issueTokens(): { readonly access_token: string; readonly refresh_token: string };
  /** What the simulated user does on the authorize page from now on. */
  setAuthorizeOutcome(outcome: 'approve' | 'deny'): void;
}

/** Starts a MyAnimeList mock on 127.0.0.1, faithful to `trakt-mal-oauth.md` §6. */
export async function startMalMock(options: MalMockOptions = {}): Promise<MalMock> {
  const clock = options.clock ?? systemClock;
  const config: MalRouteConfig & { authorizeOutcome: 'approve' | 'deny' } = {
    clientId: options.clientId ?? randomBytes(16).toString('hex'),
    clientSecret: options.clientSecret ?? randomBytes(32).toString('hex'),
    redirectUris: options.redirectUris ?? ['http://localhost/'],
    codeTtlSeconds: options.codeTtlSeconds ?? 600,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 2_678_400,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 2_678_400,
    rotateRefreshTokens: options.rotateRefreshTokens ?? true,
    authorizeOutcome: options.authorizeOutcome ?? 'approve',
    username: options.username ?? 'pmmtester',
  };
  const state = new MalState(clock, config.clientId);
  const server = await startMockServer({
    handler: malRoutes(config, state, clock),
    clock,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }),
  });
  return {
    url: server.url,
    log: server.log,
    faults: server.faults,
    close: () => server.close(),
    authUrl: server.url,
    apiUrl: server.url,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    state,
    async approve(authorizeUrl) {
      const response = await fetch(authorizeUrl, { redirect: 'manual' });
      const location = response.headers.get('location');
      if (location === null) throw new Error(`the authorize page answered ${response.status}: ${await response.text()}`);
      return location;
    },
    issueCode: (challenge) => state.issueCode(challenge, undefined, config.codeTtlSeconds).code,
    issueTokens() {
      const tokens = state.issueTokens(config.accessTokenTtlSeconds, config.refreshTokenTtlSeconds);
      return { access_token: tokens.accessToken, refresh_token: tokens.refreshToken };
    },
    setAuthorizeOutcome(outcome) {
      config.authorizeOutcome = outcome;
    },
  };
}
