import { authCommand, joinPointer, type LintRule, type RuleContext } from '@pmm-config/plugin';
import { MAL_AUTHORIZATION_KEYS, MAL_DOCS_URL } from '../constants';
import { describeType, isBlank, isMap, isTemplateText, type YamlMap } from './values';

/** The fix for a missing or broken block, for the file being checked. */
const authHint = (context: RuleContext): string => `Run \`${authCommand('mal', context.file)}\` to fill in \`mal.authorization\`.`;
/** Keys Trakt stores but MyAnimeList does not; Kometa drops them the next time it saves. */
const TRAKT_ONLY_KEYS = new Set(['scope', 'created_at']);

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function closestKey(key: string): string | undefined {
  const ranked = MAL_AUTHORIZATION_KEYS.map((known) => ({ known, distance: editDistance(key.toLowerCase(), known) })).sort((a, b) => a.distance - b.distance);
  return ranked[0] && ranked[0].distance <= 3 ? ranked[0].known : undefined;
}

function checkMisplacedKeys(context: RuleContext, section: YamlMap): void {
  for (const key of MAL_AUTHORIZATION_KEYS) {
    if (!(key in section)) continue;
    context.report({
      severity: 'error',
      pointer: `/mal/${key}`,
      message: `\`${key}\` belongs under \`mal.authorization\`: Kometa ignores it directly under \`mal\`.`,
      hint: `Move it into \`mal.authorization\`, or run \`${authCommand('mal', context.file)}\`.`,
    });
  }
}

function checkUnknownKeys(context: RuleContext, authorization: YamlMap): void {
  for (const key of Object.keys(authorization)) {
    if ((MAL_AUTHORIZATION_KEYS as readonly string[]).includes(key)) continue;
    const at = joinPointer('mal', 'authorization', key);
    if (TRAKT_ONLY_KEYS.has(key)) {
      context.report({ severity: 'info', pointer: at, message: `MyAnimeList stores no \`${key}\`: Kometa ignores it and drops it when it saves a new token.` });
      continue;
    }
    const suggestion = closestKey(key);
    context.report({
      severity: 'warning',
      pointer: at,
      message: `Unknown key \`${key}\` in \`mal.authorization\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`,
      hint: `\`mal.authorization\` holds ${MAL_AUTHORIZATION_KEYS.join(', ')}.`,
    });
  }
}

function checkBlock(context: RuleContext, authorization: YamlMap): void {
  const placeholder = (key: string) => context.isPlaceholder(authorization[key]);
  if (!('access_token' in authorization)) {
    context.report({
      severity: 'error',
      pointer: '/mal/authorization/access_token',
      message: '`mal.authorization` has no `access_token`: Kometa discards the block and has to authorize again.',
      hint: authHint(context),
    });
    return;
  }
  const access = authorization['access_token'];
  if (isBlank(access)) return;
  if (typeof access !== 'string' && !placeholder('access_token')) {
    context.report({ severity: 'error', pointer: '/mal/authorization/access_token', at: 'value', message: `\`mal.authorization.access_token\` must be a string, not ${describeType(access)}.` });
  }
  // One finding names every missing key: they sit at the same place and have the same fix.
  const noRefresh = !('refresh_token' in authorization) || (isBlank(authorization['refresh_token']) && !placeholder('refresh_token'));
  const missing = [...(noRefresh ? ['refresh_token'] : []), ...(['token_type', 'expires_in'] as const).filter((key) => !(key in authorization))];
  if (missing.length > 0) {
    const keys = listKeys(missing);
    context.report({
      severity: noRefresh ? 'warning' : 'info',
      pointer: `/mal/authorization/${missing[0]}`,
      message: noRefresh
        ? `\`mal.authorization\` has an access token but no ${keys}: when the token expires Kometa cannot renew it and has to authorize again.`
        : `\`mal.authorization\` has no ${keys}; Kometa does not need ${missing.length === 1 ? 'it' : 'them'}, but the block looks partly pasted.`,
      hint: authHint(context),
    });
  }
  const expiresIn = authorization['expires_in'];
  if (!isBlank(expiresIn) && !placeholder('expires_in') && !(typeof expiresIn === 'number' && Number.isInteger(expiresIn) && expiresIn > 0)) {
    context.report({
      severity: 'warning',
      pointer: '/mal/authorization/expires_in',
      at: 'value',
      message: `\`mal.authorization.expires_in\` should be a number of seconds, not ${describeType(expiresIn)} (${JSON.stringify(expiresIn)}).`,
      hint: authHint(context),
    });
  }
}

/** `a`, `b` and `c`: each key in its own backticks. */
function listKeys(keys: readonly string[]): string {
  const quoted = keys.map((key) => `\`${key}\``);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

function credentialsFilled(section: YamlMap): boolean {
  return ['client_id', 'client_secret'].every((key) => !isBlank(section[key]) && !isTemplateText(section[key]));
}

/**
 * `mal.authorization` holds Kometa's four keys with an access token; tokens written directly under `mal` are
 * misplaced; an unfilled block means Kometa will stop and ask for a URL on its first run (which fails headless).
 */
export const authorizationRule: LintRule = {
  id: 'mal/authorization',
  description: 'mal.authorization holds access_token, token_type, expires_in and refresh_token',
  docsUrl: MAL_DOCS_URL,
  check(context) {
    const section = context.get('/mal');
    if (!isMap(section)) return;
    checkMisplacedKeys(context, section);
    const authorization = section['authorization'];
    if (context.isPlaceholder(authorization)) return;
    if (authorization !== undefined && authorization !== null && !isMap(authorization)) {
      context.report({
        severity: 'error',
        pointer: '/mal/authorization',
        at: 'value',
        message: `\`mal.authorization\` must be a mapping of ${MAL_AUTHORIZATION_KEYS.join(', ')}, not ${describeType(authorization)}.`,
        hint: authHint(context),
      });
      return;
    }
    const filled = isMap(authorization) && Object.values(authorization).some((value) => !isBlank(value));
    if (isMap(authorization)) {
      checkUnknownKeys(context, authorization);
      if (filled || (Object.keys(authorization).length > 0 && !('access_token' in authorization))) checkBlock(context, authorization);
    }
    // With a localhost_url Kometa does not prompt; the localhost-url rule explains what happens instead.
    if (!filled && credentialsFilled(section) && isBlank(section['localhost_url'])) {
      context.report({
        severity: 'info',
        pointer: '/mal/authorization',
        message: 'No MyAnimeList token is stored: on its first run Kometa stops and asks for a URL, which fails in Docker without `-it`.',
        hint: authHint(context),
      });
    }
  },
};
