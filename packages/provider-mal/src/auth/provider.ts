import { AuthError, AuthErrorCode } from '@pmm-config/plugin';
import type { AuthContext, AuthOutcome, AuthProvider } from '@pmm-config/plugin';
import { malCredentials, malFlows, malHosts } from './declarations';

type FlowRunner = (context: AuthContext) => Promise<AuthOutcome>;

/*
 * The flows (and through them @pmm-config/oauth) load on the first `run`: every `validate` builds this
 * plugin for its lint rules, and must not pay for the OAuth code it never calls.
 */
function flowRunners(): Readonly<Record<string, FlowRunner>> {
  const flows = require('./flows') as typeof import('./flows');
  return {
    authorize: flows.runAuthorizeFlow,
    refresh: flows.runRefreshFlow,
    check: flows.runCheckFlow,
  };
}

/** MyAnimeList authorization: authorize with a pasted redirect URL (default), refresh and check. MAL has no revoke endpoint. */
export const malAuthProvider: AuthProvider = {
  displayName: 'MyAnimeList',
  credentials: malCredentials,
  hosts: malHosts,
  flows: malFlows,
  async run(context) {
    if (context.signal.aborted) throw new AuthError(AuthErrorCode.Cancelled, 'cancelled');
    const runners = flowRunners();
    const flow = Object.hasOwn(runners, context.flow) ? runners[context.flow] : undefined;
    if (!flow) throw new AuthError(AuthErrorCode.InvalidInput, `MyAnimeList has no flow \`${context.flow}\`; choose one of: ${Object.keys(runners).join(', ')}`);
    return flow(context);
  },
};
