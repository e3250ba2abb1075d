import { randomBytes } from 'node:crypto';
import { html, redirect, type MockReply, type MockRequest } from '../http/reply';
import { checkCommonHeaders, type TraktContext } from './context';

const OOB = 'urn:ietf:wg:oauth:2.0:oob';

/**
 * `GET /oauth/authorize`: the simulated user approves (or denies) at once. OOB redirects land on a
 * page that shows the PIN; other redirect URIs get `?code=…&state=…`. Like post-migration Trakt,
 * a request without PKCE gets a server-made challenge nobody holds the verifier for.
 */
export function authorize(context: TraktContext, request: MockRequest): MockReply {
  const bad = checkCommonHeaders(request, false);
  if (bad) return bad;
  const { config, state } = context;
  const query = request.query;
  if (query.get('client_id') !== config.clientId) {
    return html(400, '<h1>OAUTH ERROR</h1><p>Client authentication failed due to unknown client.</p>');
  }
  const redirectUri = query.get('redirect_uri') ?? '';
  if (!config.redirectUris.includes(redirectUri)) {
    return html(400, "<h1>OAUTH ERROR</h1><p>The requested redirect uri is malformed or doesn't match client redirect URI.</p>");
  }
  const stateParam = query.get('state');
  const back = (params: Record<string, string>): MockReply => {
    const target = new URL(redirectUri === OOB ? `${context.baseUrl()}/oauth/authorize/native` : redirectUri);
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
    if (stateParam !== null) target.searchParams.set('state', stateParam);
    return redirect(target.toString());
  };
  if (query.get('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
  let challenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method') ?? 'plain';
  if (challenge !== undefined && method !== 'S256' && method !== 'plain') {
    return back({ error: 'invalid_request', error_description: 'unsupported code_challenge_method' });
  }
  if (challenge === undefined && (query.get('scope') ?? '').split(/[\s+]/).includes('offline_access')) {
    return back({ error: 'invalid_request', error_description: 'pkce is required when requesting offline_access scope' });
  }
  if (challenge === undefined && config.requirePkce) challenge = randomBytes(32).toString('base64url');
  if (config.authorizeOutcome === 'deny') return back({ error: 'access_denied' });
  const record = state.issueCode(
    {
      redirectUri,
      ...(challenge === undefined ? {} : { challenge, challengeMethod: challenge === query.get('code_challenge') ? (method as 'S256' | 'plain') : 'S256' }),
    },
    config.codeTtlSeconds,
  );
  return back({ code: record.code });
}

/** `GET /oauth/authorize/native`: the page that shows an OOB code as a PIN. */
export function nativePage(request: MockRequest): MockReply {
  const code = request.query.get('code');
  if (code === null) return html(400, '<h1>OAUTH ERROR</h1>');
  return html(200, `<h1>Authorization code</h1><p>Copy this code into the app:</p><code id="pin">${code}</code>`);
}
