import { AuthError, AuthErrorCode } from '@pmm-config/plugin';
import type { AuthContext, AuthOutcome, AuthProvider } from '@pmm-config/plugin';
import { traktCredentials, traktFlows, traktHosts } from './declarations';
import { runCheckFlow, runDeviceFlow, runPinFlow, runRefreshFlow, runRevokeFlow } from './flows';

const FLOWS: Readonly<Record<string, (context: AuthContext) => Promise<AuthOutcome>>> = {
  device: runDeviceFlow,
  pin: runPinFlow,
  refresh: runRefreshFlow,
  check: runCheckFlow,
  revoke: runRevokeFlow,
};

/** Trakt authorization: device (default), PIN, refresh, check and revoke. */
export const traktAuthProvider: AuthProvider = {
  displayName: 'Trakt',
  credentials: traktCredentials,
  hosts: traktHosts,
  flows: traktFlows,
  async run(context) {
    if (context.signal.aborted) throw new AuthError(AuthErrorCode.Cancelled, 'cancelled');
    const flow = FLOWS[context.flow];
    if (!flow) throw new AuthError(AuthErrorCode.InvalidInput, `Trakt has no flow \`${context.flow}\`; choose one of: ${Object.keys(FLOWS).join(', ')}`);
    return flow(context);
  },
};
