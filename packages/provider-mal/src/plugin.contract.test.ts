import { startMalMock } from '@pmm-config/mock-oauth';
import type { PromptRequest } from '@pmm-config/plugin';
import { describePluginContract, type AuthTestContext } from '@pmm-config/plugin/testing';
import { malPlugin } from './plugin';

const CLIENT_ID = '0123456789abcdef0123456789abcdef';
const CLIENT_SECRET = 'f'.repeat(16) + '0123456789abcdef'.repeat(3);

/** Plays the user: opens the authorize URL the flow printed, clicks "Allow", pastes where the browser landed. */
function authorizeUrlFrom(context: AuthTestContext): string {
  const printed = [...context.opened, ...context.output.map((line) => line.trim())].find((text) => text.includes('/v1/oauth2/authorize?'));
  if (printed === undefined) throw new Error('the flow showed no authorize URL');
  return printed;
}

describePluginContract(malPlugin, {
  credentials: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
  rejectedCredentials: { client_id: CLIENT_ID, client_secret: 'e'.repeat(64) },
  validConfig: { mal: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, cache_expiration: 60, authorization: null } },
  invalidConfig: { mal: { client_secret: CLIENT_SECRET, cache_expiration: 0 } },
  async startMock() {
    const mock = await startMalMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    return {
      urls: { auth: mock.authUrl, api: mock.apiUrl },
      answer: (_request: PromptRequest, context: AuthTestContext) => mock.approve(authorizeUrlFrom(context)),
      stop: () => mock.close(),
    };
  },
});
