import { startTraktMock } from '@pmm-config/mock-oauth';
import { describePluginContract } from '@pmm-config/plugin/testing';
import { traktPlugin } from '../src';

jest.setTimeout(20_000);

const CLIENT_ID = 'a1'.repeat(32);
const CLIENT_SECRET = 'b2'.repeat(32);

describePluginContract(traktPlugin, {
  credentials: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
  rejectedCredentials: { client_id: CLIENT_ID, client_secret: 'f0'.repeat(32) },
  async startMock() {
    const { url, handle } = await startTraktMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, autoApproveAfterPolls: 2, enforceInterval: false });
    return { urls: { auth: url, api: url }, stop: () => handle.close() };
  },
  validConfig: {
    libraries: { Movies: { collection_files: [{ default: 'trakt' }] } },
    trakt: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, pin: null },
  },
  invalidConfig: { libraries: { Movies: { collection_files: [{ default: 'trakt' }] } }, trakt: { client_id: null } },
});
