import type { IncomingHttpHeaders } from 'node:http';

/** One request the server received, as received (tests compare secrets, so nothing is masked here). */
export interface RequestLogEntry {
  /** Mock clock time when it arrived. */
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** Decoded body, or `undefined` when absent or unreadable. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /** Status sent, or `'dropped'` when the connection was destroyed. */
  readonly status: number | 'dropped';
  /** The fault that shaped the answer, if any. */
  readonly fault?: string;
}

/** Keys whose values a printed log line masks. */
const SECRET_KEYS = new Set(['client_id', 'client_secret', 'code', 'device_code', 'code_verifier', 'refresh_token', 'access_token', 'token', 'pin', 'password']);
const SECRET_HEADERS = new Set(['authorization', 'trakt-api-key']);

/**
 * One printable line for `entry`, every secret value masked: for the command-line mock, whose
 * output ends up in terminals and bug reports.
 */
export function formatLogLine(entry: RequestLogEntry): string {
  const time = new Date(entry.at).toISOString().slice(11, 19);
  const body = Object.entries(entry.body ?? {})
    .map(([key, value]) => `${key}=${SECRET_KEYS.has(key) ? '********' : JSON.stringify(value)}`)
    .join(' ');
  const headers = Object.keys(entry.headers)
    .filter((name) => SECRET_HEADERS.has(name))
    .map((name) => `${name}: ********`)
    .join(' ');
  const query = Object.keys(entry.query).length === 0 ? '' : ` ?${Object.keys(entry.query).join('&')}`;
  const parts = [`${time} ${entry.method} ${entry.path}${query} -> ${entry.status}`, body, headers];
  if (entry.fault !== undefined) parts.push(`(fault: ${entry.fault})`);
  return parts.filter((part) => part !== '').join('  ');
}
