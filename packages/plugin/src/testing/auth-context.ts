import { setTimeout as delay } from 'node:timers/promises';
import { AuthError, AuthErrorCode } from '../auth';
import type { AuthContext, AuthFetch, AuthStatus, PromptRequest } from '../auth';

/** Options for {@link createAuthTestContext}. */
export interface AuthTestContextOptions {
  readonly flow: string;
  readonly urls: { readonly auth: string; readonly api: string };
  readonly credentials: Readonly<Record<string, string>>;
  readonly inputs?: Readonly<Record<string, string | undefined>>;
  readonly section?: unknown;
  readonly isTTY?: boolean;
  readonly signal?: AbortSignal;
  /** Answers prompts; without it every prompt fails with `AUTH_INPUT_REQUIRED`, as headless. */
  readonly answer?: (request: PromptRequest, context: AuthTestContext) => Promise<string>;
  readonly fetch?: AuthFetch;
  readonly now?: () => number;
  /** Defaults to a real timer sleep that honours the signal. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** An {@link AuthContext} that records what the flow showed the user. */
export interface AuthTestContext extends AuthContext {
  /** Every line printed and every status text, in order. */
  readonly output: string[];
  /** Every URL the flow asked to open. */
  readonly opened: string[];
  /** Every prompt the flow asked. */
  readonly prompts: PromptRequest[];
}

/** Builds a context for running a provider's flows in tests, against a loopback mock. */
export function createAuthTestContext(options: AuthTestContextOptions): AuthTestContext {
  const output: string[] = [];
  const opened: string[] = [];
  const prompts: PromptRequest[] = [];
  const context: AuthTestContext = {
    flow: options.flow,
    credentials: options.credentials,
    inputs: options.inputs ?? {},
    section: options.section,
    urls: options.urls,
    isTTY: options.isTTY ?? false,
    version: '0.0.0-test',
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now: options.now ?? Date.now,
    sleep: options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
    signal: options.signal ?? new AbortController().signal,
    output,
    opened,
    prompts,
    async prompt(request) {
      prompts.push(request);
      if (context.signal.aborted) throw new AuthError(AuthErrorCode.Cancelled, 'cancelled');
      if (!options.answer) {
        const how = [request.flag && `--${request.flag}`, request.env].filter(Boolean).join(' or ');
        throw new AuthError(AuthErrorCode.InputRequired, `${request.message}: no terminal to ask on${how ? `; pass ${how}` : ''}`);
      }
      return options.answer(request, context);
    },
    async openUrl(url) {
      opened.push(url);
      return false;
    },
    print(line) {
      output.push(line);
    },
    showQrCode(url) {
      output.push(`[QR code of ${url}]`);
    },
    status(text): AuthStatus {
      output.push(text);
      return {
        update: (next) => void output.push(next),
        stop: (finalText) => void (finalText === undefined ? undefined : output.push(finalText)),
      };
    },
  };
  return context;
}
