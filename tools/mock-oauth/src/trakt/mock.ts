import { randomBytes } from 'node:crypto';
import { systemClock } from '../http/clock';
import type { FaultRule } from '../http/faults';
import { json, type MockReply, type MockRequest } from '../http/reply';
import type { RequestLogEntry } from '../http/request-log';
import { startMockServer } from '../http/server';
import { authorize, nativePage } from './authorize-routes';
import type { TraktConfig, TraktContext } from './context';
import { deviceCode, deviceToken } from './device-routes';
import type { SettingsOutcome, TraktErrorStyle, TraktMockOptions } from './options';
import { usersSettings } from './settings-route';
import { TraktState, type DeviceStatus } from './state';
import { revoke, token } from './token-routes';

/** A device code as the handle shows it (the secret device code itself stays inside). */
export interface DeviceCodeView {
  readonly userCode: string;
  readonly status: DeviceStatus;
  readonly polls: number;
}

/** Scripts and inspects a running Trakt mock. */
export interface TraktMockHandle {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Every request so far, bodies and headers as received. */
  readonly requests: readonly RequestLogEntry[];
  /** Requests to one path. */
  requestsTo(path: string): RequestLogEntry[];
  /** A PIN as if the user authorized in a browser with the OOB redirect (and PKCE, if given). */
  issuePin(options?: { readonly codeChallenge?: string; readonly codeChallengeMethod?: 'S256' | 'plain'; readonly redirectUri?: string }): string;
  /** A token pair as if an earlier authorization happened; for refresh and settings tests. */
  issueTokens(): { readonly access_token: string; readonly refresh_token: string };
  /** Device codes issued so far, oldest first. */
  deviceCodes(): DeviceCodeView[];
  approveDevice(userCode: string): void;
  denyDevice(userCode: string): void;
  expireDevice(userCode: string): void;
  /** Scripts the next device code: after `afterPolls` polls it is approved, denied or expired. */
  scriptNextDevice(afterPolls: number, outcome: 'approve' | 'deny' | 'expire'): void;
  /** What the simulated user does on `/oauth/authorize`. */
  setAuthorizeOutcome(outcome: 'approve' | 'deny'): void;
  setSettingsOutcome(outcome: SettingsOutcome): void;
  setErrorStyle(style: TraktErrorStyle): void;
  /** Queues a fault; see `FaultRule`. */
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  close(): Promise<void>;
}

/**
 * Starts a Trakt look-alike on 127.0.0.1 that answers both the OAuth paths and `/users/settings`,
 * so one URL serves as `--auth-url` and `--api-url`.
 */
export async function startTraktMock(options: TraktMockOptions = {}): Promise<{ readonly url: string; readonly handle: TraktMockHandle }> {
  const clock = options.clock ?? systemClock;
  const state = new TraktState(clock);
  const config: TraktConfig = {
    clientId: options.clientId ?? randomBytes(32).toString('hex'),
    clientSecret: options.clientSecret ?? randomBytes(32).toString('hex'),
    redirectUris: options.redirectUris ?? ['urn:ietf:wg:oauth:2.0:oob'],
    errorStyle: options.errorStyle ?? '2026',
    deviceErrorBodies: options.deviceErrorBodies ?? false,
    codeTtlSeconds: options.codeTtlSeconds ?? 600,
    deviceExpiresIn: options.deviceExpiresIn ?? 600,
    deviceInterval: options.deviceInterval ?? 5,
    enforceInterval: options.enforceInterval ?? true,
    autoApproveAfterPolls: options.autoApproveAfterPolls,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 604800,
    tokenType: options.tokenType ?? 'bearer',
    scope: options.scope ?? 'public',
    requirePkce: options.requirePkce ?? true,
    verificationUrl: options.verificationUrl ?? '',
    settingsOutcome: options.settingsOutcome ?? 200,
    username: options.username ?? 'pmmtester',
    authorizeOutcome: 'approve',
    nextDeviceScript: undefined,
  };
  let baseUrl = '';
  const context: TraktContext = { config, state, clock, baseUrl: () => baseUrl };
  const routes: Readonly<Record<string, (request: MockRequest) => MockReply>> = {
    'POST /oauth/device/code': (request) => deviceCode(context, request),
    'POST /oauth/device/token': (request) => deviceToken(context, request),
    'POST /oauth/token': (request) => token(context, request),
    'POST /oauth/revoke': (request) => revoke(context, request),
    'GET /oauth/authorize': (request) => authorize(context, request),
    'GET /oauth/authorize/native': (request) => nativePage(request),
    'GET /users/settings': (request) => usersSettings(context, request),
  };
  const server = await startMockServer({
    clock,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }),
    handler: (request) => {
      const route = routes[`${request.method} ${request.path}`];
      if (route !== undefined) return route(request);
      const known = Object.keys(routes).some((key) => key.endsWith(` ${request.path}`));
      return known ? json(405, { error: 'method_not_allowed' }) : json(404, { error: 'not_found' });
    },
  });
  baseUrl = server.url;

  const device = (userCode: string) => {
    const record = state.findDeviceByUserCode(userCode);
    if (record === undefined) throw new Error(`No device code with user code ${userCode}`);
    return record;
  };
  const handle: TraktMockHandle = {
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    requests: server.log,
    requestsTo: (path) => server.log.filter((entry) => entry.path === path),
    issuePin: (pin = {}) =>
      state.issueCode(
        {
          redirectUri: pin.redirectUri ?? 'urn:ietf:wg:oauth:2.0:oob',
          ...(pin.codeChallenge === undefined ? {} : { challenge: pin.codeChallenge, challengeMethod: pin.codeChallengeMethod ?? 'plain' }),
        },
        config.codeTtlSeconds,
      ).code,
    issueTokens: () => {
      const record = state.issueTokens(config.accessTokenTtlSeconds);
      return { access_token: record.accessToken, refresh_token: record.refreshToken };
    },
    deviceCodes: () => [...state.devices.values()].map((record) => ({ userCode: record.userCode, status: record.status, polls: record.polls })),
    approveDevice: (userCode) => void (device(userCode).status = 'approved'),
    denyDevice: (userCode) => void (device(userCode).status = 'denied'),
    expireDevice: (userCode) => void (device(userCode).status = 'expired'),
    scriptNextDevice: (afterPolls, outcome) => void (config.nextDeviceScript = { afterPolls, outcome }),
    setAuthorizeOutcome: (outcome) => void (config.authorizeOutcome = outcome),
    setSettingsOutcome: (outcome) => void (config.settingsOutcome = outcome),
    setErrorStyle: (style) => void (config.errorStyle = style),
    addFault: (rule) => server.faults.add(rule),
    clearFaults: () => server.faults.clear(),
    close: () => server.close(),
  };
  return { url: server.url, handle };
}
