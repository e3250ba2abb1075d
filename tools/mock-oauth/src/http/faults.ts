import { cloudflarePage, json, type MockReply } from './reply';

/** A misbehaviour the server can be told to show. */
export type Fault =
  /** Answer this status (500/502/503…) with a short plain body, and `Retry-After` when given. */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  /** 429 JSON with `Retry-After` (seconds or an HTTP date) when given. */
  | { readonly kind: 'rate-limit'; readonly retryAfter?: string }
  /** A Cloudflare HTML page, 403 or 429, optionally with `Retry-After`. */
  | { readonly kind: 'cloudflare'; readonly status: 403 | 429; readonly retryAfter?: string }
  /** Hold the answer back for `delayMs` (wall time) before sending it. */
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** Destroy the connection without answering. */
  | { readonly kind: 'drop' }
  /** 200 with a body that is not valid JSON. */
  | { readonly kind: 'malformed-json' };

/** When and where a fault applies. */
export interface FaultRule {
  readonly fault: Fault;
  /** Only requests to this path (default: any path). */
  readonly path?: string;
  /** How many matching requests it affects (default 1). */
  readonly times?: number;
  /**
   * `before` (default): the request is not processed, as if a proxy failed. `after`: the server
   * processes it (a code is consumed, tokens are issued) and then the answer goes wrong.
   */
  readonly when?: 'before' | 'after';
}

interface ActiveRule {
  readonly rule: FaultRule;
  remaining: number;
}

/** A queue of fault rules, consumed in the order they were added. */
export class FaultQueue {
  private readonly rules: ActiveRule[] = [];

  /** Adds a rule. */
  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? 1 });
  }

  /** Drops every pending rule. */
  clear(): void {
    this.rules.length = 0;
  }

  /** Rules not yet used up. */
  pending(): number {
    return this.rules.reduce((sum, active) => sum + active.remaining, 0);
  }

  /** Takes the first rule matching `path`, or `undefined`. */
  take(path: string): FaultRule | undefined {
    const active = this.rules.find((candidate) => candidate.remaining > 0 && (candidate.rule.path === undefined || candidate.rule.path === path));
    if (active === undefined) return undefined;
    active.remaining--;
    if (active.remaining === 0) this.rules.splice(this.rules.indexOf(active), 1);
    return active.rule;
  }
}

/** The answer a replacing fault sends; `undefined` for faults that do not replace the answer. */
export function faultReply(fault: Fault): MockReply | undefined {
  switch (fault.kind) {
    case 'status':
      return {
        status: fault.status,
        headers: { 'Content-Type': 'text/plain', ...(fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter }) },
        body: `mock fault: HTTP ${fault.status}`,
      };
    case 'rate-limit':
      return json(
        429,
        { error: 'rate_limited' },
        {
          ...(fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter }),
          'X-Ratelimit': JSON.stringify({ name: 'UNAUTHED_API_GET_LIMIT', period: 300, limit: 1000, remaining: 0 }),
        },
      );
    case 'cloudflare':
      return cloudflarePage(fault.status, fault.retryAfter);
    case 'malformed-json':
      return { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{"access_token": "trunc' };
    case 'slow':
    case 'drop':
      return undefined;
  }
}
