import type { AuthHost, AuthProvider } from '@pmm-config/plugin';
import { AuthCommandError } from './errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function normalize(raw: string, source: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AuthCommandError('AUTH_BAD_URL', `${source} is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    // Over plain http Trakt redirects, and clients replay the POST as a GET (a confusing 404).
    throw new AuthCommandError('AUTH_BAD_URL', `${source} must use https (plain http is only allowed for a local mock): ${url.origin}`);
  }
  if (url.search || url.hash) throw new AuthCommandError('AUTH_BAD_URL', `${source} must be a base URL without ?query or #fragment`);
  return url.href.replace(/\/+$/, '');
}

function resolveHost(host: AuthHost, flagName: string, flag: unknown, env: Readonly<Record<string, string | undefined>>): string {
  if (typeof flag === 'string' && flag.trim() !== '') return normalize(flag.trim(), `--${flagName}`);
  const fromEnv = env[host.env];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return normalize(fromEnv.trim(), host.env);
  return normalize(host.default, `the default ${host.description}`);
}

/** Base URLs: `--auth-url`/`--api-url`, else the provider's env vars, else its defaults. */
export function resolveUrls(provider: AuthProvider, flags: { authUrl?: unknown; apiUrl?: unknown }, env: Readonly<Record<string, string | undefined>>): { auth: string; api: string } {
  return {
    auth: resolveHost(provider.hosts.auth, 'auth-url', flags.authUrl, env),
    api: resolveHost(provider.hosts.api, 'api-url', flags.apiUrl, env),
  };
}
