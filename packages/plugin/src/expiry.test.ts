import { describeExpiry } from './expiry';

describe('describeExpiry', () => {
  const at = new Date('2026-12-05T13:49:30Z');
  it('says until when a token is still valid, in UTC to the minute', () => {
    expect(describeExpiry(at, at.getTime() - 1)).toBe('valid until 2026-12-05 13:49 UTC');
  });
  it('says since when a token has expired', () => {
    expect(describeExpiry(at, at.getTime())).toBe('expired on 2026-12-05 13:49 UTC');
  });
});
