// A complete pmm-config plugin for "Example TV", a made-up service with an RFC 8628 device flow.
// Load it with `pmm-config validate --plugin ./examples/plugins/example-plugin` or
// `pmm-config auth example-tv --plugin ./examples/plugins/example-plugin`.
'use strict';

const { AuthError, AuthErrorCode, definePlugin, isConfigPlaceholder } = require('@pmm-config/plugin');

const AUTHORIZATION_KEYS = ['access_token', 'token_type', 'expires_in', 'refresh_token', 'created_at'];

/** @param {unknown} value */
const isMapping = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
/** @param {unknown} value */
const isBlank = (value) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** @type {import('@pmm-config/plugin').LintRule} */
const missingClientId = {
  id: 'example-tv/missing-client-id',
  description: 'example_tv: needs a client_id',
  check(ctx) {
    const section = ctx.get('/example_tv');
    if (!ctx.has('/example_tv') || (section !== null && !isMapping(section))) return;
    const value = isMapping(section) ? section.client_id : undefined;
    if (ctx.isPlaceholder(value)) return;
    if (!isMapping(section) || !('client_id' in section)) {
      ctx.report({ severity: 'error', pointer: '/example_tv/client_id', message: '`example_tv` has no `client_id`', hint: 'copy it from your Example TV app page' });
    } else if (isBlank(value)) {
      ctx.report({ severity: 'warning', pointer: '/example_tv/client_id', at: 'value', message: '`example_tv.client_id` is blank' });
    }
  },
};

/** @type {import('@pmm-config/plugin').LintRule} */
const tokenExpired = {
  id: 'example-tv/token-expired',
  description: 'the stored Example TV token has expired',
  check(ctx) {
    const block = ctx.get('/example_tv/authorization');
    if (!isMapping(block) || typeof block.created_at !== 'number' || typeof block.expires_in !== 'number') return;
    const expiry = (block.created_at + block.expires_in) * 1000;
    if (expiry > ctx.now().getTime()) return;
    ctx.report({
      severity: 'warning',
      pointer: '/example_tv/authorization/created_at',
      at: 'value',
      message: `The Example TV token expired on ${new Date(expiry).toISOString().slice(0, 10)}`,
      hint: 'run `pmm-config auth example-tv --refresh --plugin <this plugin>`',
    });
  },
};

/**
 * Posts JSON and returns status and parsed body (undefined when the body is not JSON). Secrets go only in
 * the body, never into a message.
 * @param {import('@pmm-config/plugin').AuthContext} ctx
 */
async function post(ctx, url, body) {
  let response;
  try {
    response = await ctx.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': `pmm-config/${ctx.version}` },
      body: JSON.stringify(body),
      signal: ctx.signal,
    });
  } catch (error) {
    if (ctx.signal.aborted) throw new AuthError(AuthErrorCode.Cancelled, 'cancelled', { cause: error });
    throw new AuthError(AuthErrorCode.Unavailable, `could not reach Example TV at ${new URL(url).origin}`, { cause: error });
  }
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

function toUpdate(tokens, ctx) {
  const createdAt = Math.floor(ctx.now() / 1000);
  const values = { ...tokens, created_at: createdAt };
  return { authorization: AUTHORIZATION_KEYS.map((key) => [key, values[key] ?? null]) };
}

async function whoAmI(ctx, accessToken) {
  const response = await ctx.fetch(`${ctx.urls.api}/me`, { headers: { Authorization: `Bearer ${accessToken}` }, signal: ctx.signal });
  if (response.status !== 200) return undefined;
  const body = await response.json();
  return typeof body.name === 'string' ? body.name : undefined;
}

/** @param {import('@pmm-config/plugin').AuthContext} ctx */
async function deviceFlow(ctx) {
  const { client_id, client_secret } = ctx.credentials;
  const start = await post(ctx, `${ctx.urls.auth}/device/code`, { client_id });
  if (start.status !== 200 || !start.json) throw new AuthError(AuthErrorCode.Refused, 'Example TV refused the client: check client_id');
  const { device_code, user_code, verification_uri, interval = 5, expires_in = 600 } = start.json;
  ctx.print(`Open ${verification_uri} and enter the code ${user_code}`);
  ctx.showQrCode(verification_uri);
  const status = ctx.status('Waiting for approval…');
  const deadline = ctx.now() + expires_in * 1000;
  try {
    for (;;) {
      if (ctx.now() > deadline) throw new AuthError(AuthErrorCode.Refused, 'the code expired; run the command again');
      try {
        await ctx.sleep(interval * 1000, ctx.signal);
      } catch (error) {
        throw new AuthError(AuthErrorCode.Cancelled, 'cancelled', { cause: error });
      }
      const poll = await post(ctx, `${ctx.urls.auth}/token`, {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        device_code,
        client_id,
        client_secret,
      });
      if (poll.status === 200) {
        status.stop('Approved.');
        const account = await whoAmI(ctx, poll.json.access_token);
        if (!account) throw new AuthError(AuthErrorCode.Refused, 'Example TV issued a token it does not accept; nothing was saved');
        return { ok: true, summary: `Authorized Example TV account ${account}`, account, update: toUpdate(poll.json, ctx) };
      }
      const error = poll.json && poll.json.error;
      if (error === 'authorization_pending') continue;
      if (error === 'invalid_client') throw new AuthError(AuthErrorCode.Refused, 'Example TV refused the client: check client_id and client_secret');
      throw new AuthError(AuthErrorCode.Refused, `Example TV ended the authorization (${error || `HTTP ${poll.status}`})`);
    }
  } finally {
    status.stop();
  }
}

/** @param {import('@pmm-config/plugin').AuthContext} ctx */
async function refreshFlow(ctx) {
  const block = isMapping(ctx.section) && isMapping(ctx.section.authorization) ? ctx.section.authorization : {};
  if (isBlank(block.refresh_token) || isConfigPlaceholder(block.refresh_token)) {
    throw new AuthError(AuthErrorCode.InvalidInput, 'example_tv.authorization has no refresh_token');
  }
  const answer = await post(ctx, `${ctx.urls.auth}/token`, {
    grant_type: 'refresh_token',
    refresh_token: block.refresh_token,
    client_id: ctx.credentials.client_id,
    client_secret: ctx.credentials.client_secret,
  });
  if (answer.status !== 200) throw new AuthError(AuthErrorCode.Refused, 'Example TV rejected the refresh token; run `pmm-config auth example-tv`');
  return { ok: true, summary: 'Refreshed the Example TV token', update: toUpdate(answer.json, ctx) };
}

/** @param {import('@pmm-config/plugin').AuthContext} ctx */
async function checkFlow(ctx) {
  const block = isMapping(ctx.section) && isMapping(ctx.section.authorization) ? ctx.section.authorization : {};
  if (isBlank(block.access_token)) return { ok: false, summary: 'No Example TV token is stored' };
  const account = await whoAmI(ctx, block.access_token);
  return account ? { ok: true, summary: `The token works for Example TV account ${account}`, account } : { ok: false, summary: 'Example TV rejected the stored token' };
}

const flows = { device: deviceFlow, refresh: refreshFlow, check: checkFlow };

/**
 * The builders Example TV serves in linked collection files (`example_tv_list: <url>`), and the check that the
 * config can run them. The engine calls it only for a file linked from a config, with every use of a builder
 * matching `builders`; what it reports lands in that file, at the builder.
 * @type {import('@pmm-config/plugin').BuilderService}
 */
const exampleBuilders = {
  ruleId: 'example-tv/builder-needs-example-tv',
  description: 'example_tv_* builders need an example_tv: section with a client_id in the config',
  builders: ['example_tv_*'],
  check(ctx) {
    const section = ctx.config.get('/example_tv');
    const clientId = isMapping(section) ? section.client_id : undefined;
    if (ctx.config.isPlaceholder(clientId) || !isBlank(clientId)) return;
    const where = ctx.config.has('/example_tv') ? `\`example_tv.client_id\` is blank (${ctx.config.where('/example_tv')})` : `${ctx.config.file} has no \`example_tv:\` section`;
    for (const use of ctx.uses) {
      ctx.report({ severity: 'error', pointer: use.pointer, message: `\`${use.builder}\` needs Example TV, but ${where}`, hint: `add example_tv.client_id to ${ctx.config.file}` });
    }
  },
};

module.exports = definePlugin({
  apiVersion: 1,
  meta: { id: 'example-tv', name: 'Example TV', docsUrl: 'https://example.invalid/docs' },
  configKey: 'example_tv',
  rules: [missingClientId, tokenExpired],
  builders: exampleBuilders,
  auth: {
    displayName: 'Example TV',
    credentials: [
      { key: 'client_id', label: 'Example TV Client ID', flag: 'client-id', env: 'PMM_CONFIG_EXAMPLE_TV_CLIENT_ID', secret: true },
      { key: 'client_secret', label: 'Example TV Client Secret', flag: 'client-secret', env: 'PMM_CONFIG_EXAMPLE_TV_CLIENT_SECRET', secret: true },
    ],
    hosts: {
      auth: { default: 'https://auth.example.invalid', env: 'PMM_CONFIG_EXAMPLE_TV_AUTH_URL', description: 'Example TV OAuth host' },
      api: { default: 'https://api.example.invalid', env: 'PMM_CONFIG_EXAMPLE_TV_API_URL', description: 'Example TV API host' },
    },
    flows: [
      { id: 'device', kind: 'authorize', default: true, description: 'enter a code on the Example TV website' },
      { id: 'refresh', kind: 'refresh', description: 'renew the stored token' },
      { id: 'check', kind: 'check', description: 'verify the stored token' },
    ],
    async run(ctx) {
      if (ctx.signal.aborted) throw new AuthError(AuthErrorCode.Cancelled, 'cancelled');
      const flow = flows[ctx.flow];
      if (!flow) throw new AuthError(AuthErrorCode.InvalidInput, `Example TV has no flow ${ctx.flow}`);
      return flow(ctx);
    },
  },
});
