import { authCommand, type LintRule, type RuleContext, type Severity } from '@pmm-config/plugin';
import { TRAKT_DOCS_URL } from './links';
import { findTraktUsage } from './trakt-usage';
import { describeType, isBlank, isMapping } from './values';

const AUTH = '/trakt/authorization';
/** The fix for a broken block, for the file being checked. */
const fix = (context: RuleContext): string => `Run \`${authCommand('trakt', context.file)}\` to write a complete block.`;

/** The six keys Kometa writes, in its order, with the YAML type each must have. */
const AUTHORIZATION_KEYS = [
  { key: 'access_token', type: 'string' },
  { key: 'token_type', type: 'string' },
  { key: 'expires_in', type: 'integer' },
  { key: 'refresh_token', type: 'string' },
  { key: 'scope', type: 'string' },
  { key: 'created_at', type: 'integer' },
] as const;

/** The authorization block when it is a non-empty mapping, the only shape in which Kometa reads its keys. */
function filledAuthorization(context: RuleContext): Record<string, unknown> | undefined {
  const block = context.get(AUTH);
  return isMapping(block) && Object.keys(block).length > 0 ? block : undefined;
}

/** A scalar or list where the block should be: Kometa indexes it like a mapping and crashes. */
export const authorizationShapeRule: LintRule = {
  id: 'trakt/authorization-shape',
  description: 'trakt.authorization must be a mapping',
  docsUrl: TRAKT_DOCS_URL,
  check(context) {
    if (!context.has(AUTH)) return;
    const block = context.get(AUTH);
    if (block === null || isMapping(block) || context.isPlaceholder(block)) return;
    context.report({
      severity: 'error',
      pointer: AUTH,
      message: `\`trakt.authorization\` is ${describeType(block)}, not a mapping of tokens: Kometa stops when it reads it.`,
      hint: fix(context),
    });
  },
};

const MISSING: Record<string, { severity: Severity; why: string }> = {
  access_token: { severity: 'error', why: 'Kometa stops with a KeyError when it checks the token' },
  refresh_token: { severity: 'warning', why: 'the token cannot be renewed when it expires' },
  token_type: { severity: 'info', why: 'Kometa does not need it, but writes it back on every renewal' },
  scope: { severity: 'info', why: 'Kometa does not need it, but writes it back on every renewal' },
  expires_in: { severity: 'info', why: 'the token expiry cannot be checked' },
  created_at: { severity: 'info', why: 'the token expiry cannot be checked' },
};

/**
 * A filled-in block without one of the six keys. Only a missing `access_token` stops Kometa; real configs
 * run with four keys, so the expiry fields are info.
 */
export const authorizationMissingKeyRule: LintRule = {
  id: 'trakt/authorization-missing-key',
  description: 'trakt.authorization should hold access_token, token_type, expires_in, refresh_token, scope and created_at',
  docsUrl: TRAKT_DOCS_URL,
  check(context) {
    const block = filledAuthorization(context);
    if (!block) return;
    for (const { key } of AUTHORIZATION_KEYS) {
      if (Object.prototype.hasOwnProperty.call(block, key)) continue;
      const { severity, why } = MISSING[key];
      context.report({ severity, pointer: `${AUTH}/${key}`, message: `\`trakt.authorization\` has no \`${key}\`: ${why}.`, hint: fix(context) });
    }
  },
};

function hasType(value: unknown, type: 'string' | 'integer'): boolean {
  return type === 'string' ? typeof value === 'string' : typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A token field of the wrong type: Kometa sends it as-is, so Trakt rejects the token or the expiry is nonsense. */
export const authorizationTypeRule: LintRule = {
  id: 'trakt/authorization-type',
  description: 'trakt.authorization values must have the types Trakt returns',
  docsUrl: TRAKT_DOCS_URL,
  check(context) {
    const block = filledAuthorization(context);
    if (!block) return;
    for (const { key, type } of AUTHORIZATION_KEYS) {
      const value = block[key];
      if (value === null || value === undefined || context.isPlaceholder(value) || hasType(value, type)) continue;
      context.report({
        severity: 'warning',
        pointer: `${AUTH}/${key}`,
        at: 'value',
        message: `\`trakt.authorization.${key}\` is ${describeType(value)}; Trakt returns ${type === 'string' ? 'a string' : 'a whole number of seconds'}.`,
        hint: fix(context),
      });
    }
  },
};

/**
 * Credentials are set but no token is stored. Kometa then prompts for a PIN, which fails in Docker and on a
 * NAS ("Input Failed"); with Trakt-based collections configured that breaks them.
 */
export const notAuthorizedRule: LintRule = {
  id: 'trakt/not-authorized',
  description: 'trakt: has credentials but no access token yet',
  docsUrl: TRAKT_DOCS_URL,
  check(context) {
    const section = context.get('/trakt');
    if (!isMapping(section)) return;
    const credentials = [section['client_id'], section['client_secret']];
    if (credentials.some((value) => isBlank(value) || typeof value !== 'string')) return;
    if (context.has('/trakt/pin') && !isBlank(context.get('/trakt/pin'))) return;
    const block = context.get(AUTH);
    if (block !== null && block !== undefined) {
      if (!isMapping(block)) return;
      const hasToken = Object.prototype.hasOwnProperty.call(block, 'access_token');
      if (hasToken ? !isBlank(block['access_token']) : Object.keys(block).length > 0) return;
    }
    const usage = findTraktUsage(context);
    context.report({
      severity: usage ? 'warning' : 'info',
      pointer: context.has(AUTH) ? AUTH : '/trakt',
      message: `Trakt is not authorized yet: Kometa will ask for a PIN interactively, which fails in Docker or on a NAS${
        usage ? ` and breaks ${usage.description}` : ''
      }.`,
      hint: `Run \`${authCommand('trakt', context.file)}\` to authorize and write the tokens into this file.`,
    });
  },
};
