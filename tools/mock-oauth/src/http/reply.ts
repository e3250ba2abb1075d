import type { IncomingHttpHeaders } from 'node:http';

/** A request as a route handler sees it: fully read, headers lower-cased. */
export interface MockRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  /** The body decoded per its Content-Type (JSON object or form), or `undefined`. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
}

/** What a handler answers. */
export interface MockReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** A route handler. */
export type MockHandler = (request: MockRequest) => MockReply | Promise<MockReply>;

/** JSON answer. */
export function json(status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): MockReply {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

/** Answer with no body. */
export function empty(status: number, headers: Readonly<Record<string, string>> = {}): MockReply {
  return { status, headers };
}

/** HTML answer. */
export function html(status: number, markup: string, headers: Readonly<Record<string, string>> = {}): MockReply {
  return { status, headers: { 'Content-Type': 'text/html; charset=UTF-8', ...headers }, body: markup };
}

/** Redirect. */
export function redirect(location: string, status = 302): MockReply {
  return { status, headers: { Location: location } };
}

/** A Cloudflare-style block page: HTML, `Server: cloudflare`, a `cf-ray`, no API headers. */
export function cloudflarePage(status: 403 | 429, retryAfter?: string): MockReply {
  const title = status === 403 ? 'Sorry, you have been blocked' : 'Too many requests';
  return html(
    status,
    `<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><h1>${title}</h1><p>Ray ID: 8f1c2d3e4a5b6c7d</p></body></html>`,
    { Server: 'cloudflare', 'cf-ray': '8f1c2d3e4a5b6c7d-FRA', ...(retryAfter === undefined ? {} : { 'Retry-After': retryAfter }) },
  );
}

/** Decodes a body by Content-Type; anything unreadable is `undefined`. */
export function decodeBody(contentType: string | undefined, raw: string): Record<string, unknown> | undefined {
  if (raw === '') return undefined;
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  if (!type.startsWith('application/json')) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
