/**
 * The auth half of the plugin API. An {@link AuthProvider} declares, as data, what it needs (credentials,
 * hosts, flows and their inputs) so the CLI can build flags, env lookups, prompts and `--help` for any
 * provider without knowing it; its flows then run against an injected {@link AuthContext} and return an
 * {@link AuthOutcome}. Providers never touch the file system, the process or the terminal directly.
 */

/** A `fetch` compatible function (the global one in production, a stand-in in tests). */
export type AuthFetch = (input: string, init: RequestInit) => Promise<Response>;

/** A credential the provider needs from the user, e.g. Trakt's `client_id`. */
export interface CredentialField {
  /** Key under the provider's config section: `client_id`. */
  readonly key: string;
  /** Human label for prompts and messages: `Client ID`. */
  readonly label: string;
  /** Long CLI flag without dashes: `client-id`. Shared by every provider with the same field. */
  readonly flag: string;
  /** Environment variable: `PMM_CONFIG_TRAKT_CLIENT_ID`. */
  readonly env: string;
  /** Masked when echoed, never printed. */
  readonly secret: boolean;
  /** Where the user gets it, shown when it is missing. */
  readonly help?: string;
}

/** A host the provider talks to, overridable for tests, mocks and proxies. */
export interface AuthHost {
  /** The built-in base URL (no trailing slash). */
  readonly default: string;
  /** Other known good values, listed in `--help`: Trakt's `https://auth.trakt.tv`. */
  readonly alternatives?: readonly string[];
  /** Environment variable that overrides it: `PMM_CONFIG_TRAKT_AUTH_URL`. */
  readonly env: string;
  readonly description: string;
}

/** The two hosts every provider has; overridden with `--auth-url` and `--api-url`. */
export interface AuthHosts {
  /** OAuth endpoints (authorize, token, device, revoke). */
  readonly auth: AuthHost;
  /** The service API, used to verify tokens and name the account. */
  readonly api: AuthHost;
}

/** What a flow does, which decides its CLI shortcut and how the CLI treats its outcome. */
export type AuthFlowKind = 'authorize' | 'refresh' | 'check' | 'revoke';

/** A value a flow takes from the user besides the credentials, e.g. a PIN or a pasted redirect URL. */
export interface AuthInput {
  /** Key in {@link AuthContext.inputs}: `pin`. */
  readonly name: string;
  readonly description: string;
  /** Long CLI flag without dashes (`pin`); giving it selects the flow that declares it. */
  readonly flag: string;
  /** Environment variable, if any. */
  readonly env?: string;
  /** Key under the provider's config section that supplies it when the flow is chosen explicitly: `pin`. */
  readonly configKey?: string;
  readonly secret: boolean;
}

/** One way to run the provider, e.g. the device flow. */
export interface AuthFlow {
  /** Stable id used by `--flow`: `device`, `pin`, `refresh`. */
  readonly id: string;
  readonly kind: AuthFlowKind;
  /** One line for `--help`. */
  readonly description: string;
  /** The flow used when the user picks none; exactly one `authorize` flow is the default. */
  readonly default?: boolean;
  readonly inputs?: readonly AuthInput[];
}

/** One key/value of the new `authorization` block; the array order is the order written. */
export type AuthorizationEntry = readonly [key: string, value: string | number | null];

/** What to change in the provider's config section; nothing else in the file may change. */
export interface SectionUpdate {
  /** The complete new `authorization` block, in the service's key order. */
  readonly authorization: readonly AuthorizationEntry[];
  /** Keys of the section to set to blank, e.g. a spent `pin`. Only keys that exist are touched. */
  readonly blank?: readonly string[];
}

/** How a flow ended. The CLI maps `ok` to exit 0 and a refusal to exit 1. */
export interface AuthOutcome {
  readonly ok: boolean;
  /** One line for people, no secrets: "Authorized as pmmtester; the token is valid until 2026-12-05". */
  readonly summary: string;
  /** The account the token belongs to, when known. */
  readonly account?: string;
  /** When the stored or new access token expires, when known. */
  readonly expiresAt?: Date;
  /**
   * The config change to make. May be present even when `ok` is false: a refresh spends the old refresh
   * token, so the new pair must be saved even if the verification that follows fails.
   */
  readonly update?: SectionUpdate;
}

/** A question for the user. The CLI answers from the terminal, or fails when there is none. */
export interface PromptRequest {
  readonly message: string;
  /** Do not echo the answer. */
  readonly secret?: boolean;
  /** Flag and env var that give the same value without a prompt, named in the headless error. */
  readonly flag?: string;
  readonly env?: string;
}

/** A one-line live status (spinner) that the provider updates while waiting. */
export interface AuthStatus {
  update(text: string): void;
  /** Removes the status line; `finalText` is printed in its place when given. */
  stop(finalText?: string): void;
}

/** Everything a flow may touch. The CLI builds it; the contract suite builds one against a mock. */
export interface AuthContext {
  /** The flow being run (one of the provider's flow ids). */
  readonly flow: string;
  /** Resolved credentials by field key (flags, env, config, prompt), never placeholders. */
  readonly credentials: Readonly<Record<string, string>>;
  /** Inputs given for this flow by flag, env or config, by input name. */
  readonly inputs: Readonly<Record<string, string | undefined>>;
  /** The provider's config section as parsed (`undefined` when absent). Read only. */
  readonly section: unknown;
  /** Resolved base URLs, overrides applied, no trailing slash. */
  readonly urls: { readonly auth: string; readonly api: string };
  /** Whether a person is at a terminal: prompts, QR codes and spinners only then. */
  readonly isTTY: boolean;
  /** Our version, for `User-Agent: pmm-config/<version>`. */
  readonly version: string;
  readonly fetch: AuthFetch;
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, rejects promptly when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Fires on Ctrl-C; flows stop waiting and reject with an `AUTH_CANCELLED` {@link AuthError}. */
  readonly signal: AbortSignal;
  /** Asks the user; rejects with `AUTH_INPUT_REQUIRED` when there is no terminal. */
  prompt(request: PromptRequest): Promise<string>;
  /** Opens a URL in a browser when one is available; resolves false when it could not. */
  openUrl(url: string): Promise<boolean>;
  /** Prints a line for people (stderr, so stdout stays clean for `--print`/`--json`). Never pass secrets. */
  print(line: string): void;
  /** Starts a live status line; on a non-TTY each update is printed at most once per distinct text. */
  status(text: string): AuthStatus;
  /** Draws a QR code of the URL for a phone camera when at a terminal; does nothing otherwise. */
  showQrCode(url: string): void;
}

/** A provider: declarations plus one function that runs a flow. */
export interface AuthProvider {
  /** The service's name in messages: `Trakt`. */
  readonly displayName: string;
  readonly credentials: readonly CredentialField[];
  readonly hosts: AuthHosts;
  readonly flows: readonly AuthFlow[];
  /** Runs the flow named by `context.flow`. Throws {@link AuthError} when it cannot even start or is refused. */
  run(context: AuthContext): Promise<AuthOutcome>;
}

/** Stable codes of {@link AuthError}. */
export const AuthErrorCode = {
  /** The service refused: bad credentials, invalid/used grant, denied, expired, locked account. Exit 1. */
  Refused: 'AUTH_REFUSED',
  /** The user must give something (a flag, env var or answer) that is missing. Exit 2. */
  InputRequired: 'AUTH_INPUT_REQUIRED',
  /** Input given but unusable (malformed PIN or URL, unknown flow). Exit 2. */
  InvalidInput: 'AUTH_INVALID_INPUT',
  /** The service could not be reached or kept failing (network, 5xx, rate limit). Exit 2. */
  Unavailable: 'AUTH_UNAVAILABLE',
  /** The user pressed Ctrl-C. */
  Cancelled: 'AUTH_CANCELLED',
} as const;

/** One of the {@link AuthErrorCode} values. */
export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode];

/**
 * The error flows throw. The message says what happened and what to do, and never holds a secret; the
 * underlying error (e.g. an `OAuthError`) is chained as `cause`.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly code: AuthErrorCode;

  constructor(code: AuthErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/** Narrowing helper that survives duplicate module copies (an external plugin may bundle its own). */
export function isAuthError(value: unknown): value is AuthError {
  return value instanceof Error && value.name === 'AuthError' && typeof (value as { code?: unknown }).code === 'string';
}

/** How the user asked for a flow. */
export interface FlowSelection {
  /** `--flow <id>`. */
  readonly flowId?: string;
  /** A kind shortcut: `--refresh`, `--check`, `--revoke`. */
  readonly kind?: AuthFlowKind;
  /** Input flags the user gave (`pin` for `--pin`). */
  readonly inputFlags?: readonly string[];
}

/**
 * The flow to run: the one named, else the first of the asked kind, else the one whose input flag was
 * given, else the default. Conflicting choices are an `AUTH_INVALID_INPUT` error naming them.
 */
export function selectFlow(provider: AuthProvider, selection: FlowSelection = {}): AuthFlow {
  const fail = (message: string): never => {
    throw new AuthError(AuthErrorCode.InvalidInput, message);
  };
  const byInput = provider.flows.filter((flow) => flow.inputs?.some((input) => selection.inputFlags?.includes(input.flag)));
  const candidates: AuthFlow[] = [];
  if (selection.flowId !== undefined) {
    const named = provider.flows.find((flow) => flow.id === selection.flowId);
    if (!named) fail(`${provider.displayName} has no flow \`${selection.flowId}\`; choose one of: ${provider.flows.map((flow) => flow.id).join(', ')}`);
    candidates.push(named as AuthFlow);
  }
  if (selection.kind !== undefined) {
    const ofKind = provider.flows.find((flow) => flow.kind === selection.kind);
    if (!ofKind) fail(`${provider.displayName} cannot ${selection.kind}`);
    candidates.push(ofKind as AuthFlow);
  }
  if (byInput.length > 1) fail(`the options given select several ${provider.displayName} flows (${byInput.map((flow) => flow.id).join(', ')}); give one`);
  candidates.push(...byInput);
  const distinct = [...new Set(candidates)];
  if (distinct.length > 1) fail(`the options given ask for different flows (${distinct.map((flow) => flow.id).join(' and ')}); choose one`);
  if (distinct.length === 1) return distinct[0];
  const fallback = provider.flows.find((flow) => flow.default) ?? provider.flows.find((flow) => flow.kind === 'authorize');
  if (!fallback) return fail(`${provider.displayName} declares no authorize flow`);
  return fallback;
}
