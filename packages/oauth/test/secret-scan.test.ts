import { OAuthError, OAuthErrorCode } from '../src/index';
import { leakedSecrets, textsOf } from './harness';

describe('the secret scanner itself', () => {
  it('finds a secret in a message, an enumerable property, or deep in the cause chain', () => {
    const secret = 'deadbeefcafe1234';
    const inMessage = new OAuthError(OAuthErrorCode.Network, `boom ${secret}`);
    const inProperty = Object.assign(new OAuthError(OAuthErrorCode.Network, 'boom'), { extra: { nested: secret.toUpperCase() } });
    const inCause = new OAuthError(OAuthErrorCode.Network, 'boom', { cause: new Error('inner', { cause: { detail: secret } }) });
    for (const error of [inMessage, inProperty, inCause]) {
      expect(leakedSecrets(textsOf(error), [secret])).toHaveLength(1);
    }
    expect(leakedSecrets(textsOf(new OAuthError(OAuthErrorCode.Network, 'clean')), [secret])).toEqual([]);
  });
});
