import { AuthError, AuthErrorCode } from '@pmm-config/plugin';
import type { AuthContext, AuthOutcome, AuthProvider } from '@pmm-config/plugin';
import { malCredentials, malFlows, malHosts } from './declarations';
import { runAuthorizeFlow, runCheckFlow, runRefreshFlow } from './flows';

const FLOWS: Readonly<Record<string, (context: AuthContext) => Promise<AuthOutcome>>> = {
  authorize: runAuthorizeFlow,
  refresh: runRefreshFlow,
  check: runCheckFlow,
};

/** MyAnimeList authorization: authorize with a pasted redirect URL (default), refresh and check. MAL has no revoke endpoint. */
export const malAuthProvider: AuthProvider = {
  displayName: 'MyAnimeList',
  credentials: malCredentials,
  hosts: malHosts,
  flows: malFlows,
  async run(context) {
    if (context.signal.aborted) throw new AuthError(AuthErrorCode.Cancelled, 'cancelled');
    const flow = FLOWS[context.flow];
    if (!flow) throw new AuthError(AuthErrorCode.InvalidInput, `MyAnimeList has no flow \`${context.flow}\`; choose one of: ${Object.keys(FLOWS).join(', ')}`);
    return flow(context);
  },
};
