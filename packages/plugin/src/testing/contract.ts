import { isAuthError } from '../auth';
import type { AuthFlow, AuthOutcome, AuthProvider, PromptRequest } from '../auth';
import type { Plugin } from '../plugin';
import type { RuleReport } from '../rule';
import { isSecretKey } from '../secrets';
import { pluginProblems } from '../validate-plugin';
import { createAuthTestContext } from './auth-context';
import type { AuthTestContext } from './auth-context';
import { createTestRuleContext } from './rule-context';

/** A running mock of the plugin's service, started by the harness for the auth contract. */
export interface ContractMock {
  readonly urls: { readonly auth: string; readonly api: string };
  /**
   * Plays the user for prompts (e.g. "open the URL, approve, paste where you landed"). The context
   * holds the URLs the flow opened and the lines it printed. Not needed for flows that never prompt.
   */
  answer?(request: PromptRequest, context: AuthTestContext): Promise<string>;
  stop(): Promise<void>;
}

/** What a plugin brings to the contract suite. */
export interface PluginContractHarness {
  /** Starts the mock (auto-approving any authorization); required when the plugin has `auth`. */
  startMock?(): Promise<ContractMock>;
  /** Credentials the mock accepts, by credential field key; required with `startMock`. */
  readonly credentials?: Readonly<Record<string, string>>;
  /** Credentials the mock rejects, to prove refusals surface as `AUTH_REFUSED` without echoing them. */
  readonly rejectedCredentials?: Readonly<Record<string, string>>;
  /** A config the rules accept without any error-level finding. */
  readonly validConfig?: Readonly<Record<string, unknown>>;
  /** A config on which the rules must report at least one finding. */
  readonly invalidConfig?: Readonly<Record<string, unknown>>;
  /** Inputs to give the default flow when it needs some (e.g. nothing for a device flow). */
  readonly defaultFlowInputs?: Readonly<Record<string, string>>;
}

const CANARY = 'CANARY-5ec3e7-do-not-print';
/** A sleep short enough for polling mocks, still honouring the abort signal. */
const fastSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, Math.min(ms, 20));
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/** Odd but loadable shapes of a section that rules must survive without throwing. */
function oddSections(): unknown[] {
  return [null, '', 'text', 42, true, [], [1, 'a'], {}, { authorization: 'x' }, { authorization: [] }, { authorization: { access_token: 5 } }, { client_id: { nested: [null] } }];
}

function sectionWithSecrets(): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const key of ['client_id', 'client_secret', 'pin', 'apikey', 'token', 'password', 'localhost_url']) section[key] = `${key}-${CANARY}`;
  section['authorization'] = { access_token: `a-${CANARY}`, refresh_token: `r-${CANARY}`, token_type: 'Bearer', expires_in: 1, created_at: 1 };
  return section;
}

function runRules(plugin: Plugin, config: unknown): RuleReport[] {
  const context = createTestRuleContext({ config });
  for (const rule of plugin.rules ?? []) rule.check(context);
  return context.reports;
}

function secretValues(outcome: AuthOutcome | undefined, credentials: Readonly<Record<string, string>>, provider: AuthProvider): string[] {
  const secrets = provider.credentials.filter((field) => field.secret).map((field) => credentials[field.key]);
  for (const [key, value] of outcome?.update?.authorization ?? []) if (isSecretKey(key) && typeof value === 'string' && value.length >= 6) secrets.push(value);
  return secrets.filter((value): value is string => typeof value === 'string' && value.length > 0);
}

function sectionFrom(outcome: AuthOutcome, credentials: Readonly<Record<string, string>>): Record<string, unknown> {
  return { ...credentials, authorization: Object.fromEntries(outcome.update?.authorization ?? []) };
}

function flowOfKind(provider: AuthProvider, kind: AuthFlow['kind']): AuthFlow | undefined {
  return provider.flows.find((flow) => flow.kind === kind);
}

/**
 * The contract every pmm-config plugin keeps, as a jest `describe` block: call it from a test file of the
 * plugin with a harness that starts the plugin's mock. It checks the plugin's shape, that its rules
 * survive odd configs and never print secrets, and, for an auth provider, that the default flow, refresh,
 * check and revoke work against the mock, that refusals and Ctrl-C surface as typed errors, that nothing
 * waits for input without a terminal, and that no secret reaches the user's screen.
 */
export function describePluginContract(plugin: Plugin, harness: PluginContractHarness = {}): void {
  describe(`plugin contract: ${plugin.meta?.id ?? '(no id)'}`, () => {
    it('is a valid plugin of this API version', () => {
      expect(pluginProblems(plugin)).toEqual([]);
    });

    it('prefixes rule ids with the plugin id and describes each rule', () => {
      for (const rule of plugin.rules ?? []) {
        expect(rule.id.startsWith(`${plugin.meta.id}/`)).toBe(true);
        expect(rule.description.trim().length).toBeGreaterThan(0);
      }
    });

    it('has rules that survive odd section shapes and report pointers', () => {
      for (const section of oddSections()) {
        const reports = runRules(plugin, { [plugin.configKey]: section });
        for (const report of reports) {
          expect(report.pointer === '' || report.pointer.startsWith('/')).toBe(true);
          expect(['error', 'warning', 'info']).toContain(report.severity);
        }
      }
      expect(() => runRules(plugin, {})).not.toThrow();
    });

    it('never puts a secret value into a rule message', () => {
      const reports = runRules(plugin, { [plugin.configKey]: sectionWithSecrets() });
      for (const report of reports) expect(`${report.message} ${report.hint ?? ''}`).not.toContain(CANARY);
    });

    if (harness.validConfig) {
      const validConfig = harness.validConfig;
      it('reports no error on a valid config', () => {
        expect(runRules(plugin, validConfig).filter((report) => report.severity === 'error')).toEqual([]);
      });
    }
    if (harness.invalidConfig) {
      const invalidConfig = harness.invalidConfig;
      it('reports findings on an invalid config', () => {
        expect(runRules(plugin, invalidConfig).length).toBeGreaterThan(0);
      });
    }

    const provider = plugin.auth;
    if (!provider) return;

    describe('auth provider', () => {
      let mock: ContractMock;
      let authorized: AuthOutcome | undefined;
      const credentials = harness.credentials ?? {};

      beforeAll(async () => {
        if (!harness.startMock || !harness.credentials) throw new Error('describePluginContract: a plugin with auth needs harness.startMock and harness.credentials');
        mock = await harness.startMock();
      });
      afterAll(async () => {
        await mock?.stop();
      });

      const contextFor = (flow: AuthFlow, extra: { section?: unknown; credentials?: Readonly<Record<string, string>>; signal?: AbortSignal; headless?: boolean } = {}) =>
        createAuthTestContext({
          flow: flow.id,
          urls: mock.urls,
          credentials: extra.credentials ?? credentials,
          inputs: flow.default ? (harness.defaultFlowInputs ?? {}) : {},
          section: extra.section,
          isTTY: !extra.headless,
          sleep: fastSleep,
          ...(extra.signal ? { signal: extra.signal } : {}),
          ...(mock.answer && !extra.headless ? { answer: mock.answer.bind(mock) } : {}),
        });

      it('declares credentials and hosts with PMM_CONFIG_ env vars, and one default authorize flow', () => {
        for (const field of provider.credentials) expect(field.env.startsWith('PMM_CONFIG_')).toBe(true);
        expect(provider.hosts.auth.env.startsWith('PMM_CONFIG_')).toBe(true);
        expect(provider.hosts.api.env.startsWith('PMM_CONFIG_')).toBe(true);
        expect(provider.flows.filter((flow) => flow.default)).toHaveLength(1);
      });

      it('authorizes with the default flow and returns an authorization block', async () => {
        const flow = provider.flows.find((candidate) => candidate.default) as AuthFlow;
        const context = contextFor(flow);
        authorized = await provider.run(context);
        expect(authorized.ok).toBe(true);
        const keys = (authorized.update?.authorization ?? []).map(([key]) => key);
        expect(keys).toContain('access_token');
        expect(new Set(keys).size).toBe(keys.length);
        // A URL the flow asks the user to open may carry the client id (an authorize page needs it); nothing else may.
        const shown = context.opened.reduce((text, url) => text.split(url).join('<opened url>'), [...context.output, authorized.summary].join('\n'));
        for (const secret of secretValues(authorized, credentials, provider)) expect(shown).not.toContain(secret);
      });

      it('never waits for input without a terminal', async () => {
        const flow = provider.flows.find((candidate) => candidate.default) as AuthFlow;
        const context = contextFor(flow, { headless: true });
        const settled = await provider.run(context).then(
          (outcome) => ({ outcome, error: undefined as unknown }),
          (error: unknown) => ({ outcome: undefined, error }),
        );
        if (settled.error !== undefined) {
          expect(isAuthError(settled.error)).toBe(true);
          expect((settled.error as { code: string }).code).toBe('AUTH_INPUT_REQUIRED');
        } else {
          expect(settled.outcome?.ok).toBe(true);
        }
      });

      it('stops with AUTH_CANCELLED when the signal is already aborted', async () => {
        const flow = provider.flows.find((candidate) => candidate.default) as AuthFlow;
        const controller = new AbortController();
        controller.abort();
        await expect(provider.run(contextFor(flow, { signal: controller.signal }))).rejects.toMatchObject({ name: 'AuthError', code: 'AUTH_CANCELLED' });
      });

      const rejected = harness.rejectedCredentials;
      if (rejected) {
        it('reports refused credentials as AUTH_REFUSED without echoing them', async () => {
          const flow = provider.flows.find((candidate) => candidate.default) as AuthFlow;
          const error = await provider.run(contextFor(flow, { credentials: rejected })).then(
            () => undefined,
            (caught: unknown) => caught,
          );
          expect(isAuthError(error)).toBe(true);
          expect((error as { code: string }).code).toBe('AUTH_REFUSED');
          for (const field of provider.credentials.filter((candidate) => candidate.secret)) {
            expect((error as Error).message).not.toContain(rejected[field.key]);
          }
        });
      }

      const check = flowOfKind(provider, 'check');
      const refresh = flowOfKind(provider, 'refresh');
      const revoke = flowOfKind(provider, 'revoke');

      if (check) {
        it('checks the stored token', async () => {
          expect(authorized).toBeDefined();
          const outcome = await provider.run(contextFor(check, { section: sectionFrom(authorized as AuthOutcome, credentials) }));
          expect(outcome.ok).toBe(true);
          expect(outcome.update).toBeUndefined();
        });
      }

      if (refresh) {
        it('refreshes into a new token pair', async () => {
          expect(authorized).toBeDefined();
          const before = Object.fromEntries((authorized as AuthOutcome).update?.authorization ?? []);
          const outcome = await provider.run(contextFor(refresh, { section: sectionFrom(authorized as AuthOutcome, credentials) }));
          expect(outcome.ok).toBe(true);
          const after = Object.fromEntries(outcome.update?.authorization ?? []);
          expect(after['access_token']).toEqual(expect.any(String));
          expect(after['access_token']).not.toBe(before['access_token']);
          authorized = outcome;
        });
      }

      if (revoke) {
        it('revokes the token, after which a check fails', async () => {
          expect(authorized).toBeDefined();
          const section = sectionFrom(authorized as AuthOutcome, credentials);
          const outcome = await provider.run(contextFor(revoke, { section }));
          expect(outcome.ok).toBe(true);
          if (check) {
            const checked = await provider.run(contextFor(check, { section })).then(
              (result) => result.ok,
              () => false,
            );
            expect(checked).toBe(false);
          }
        });
      }
    });
  });
}
