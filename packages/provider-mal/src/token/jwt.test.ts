import { makeJwt } from '../../test/helpers/jwt';
import { readJwtTimes } from './jwt';

describe('readJwtTimes', () => {
  it('reads iat and exp from a JWT payload', () => {
    expect(readJwtTimes(makeJwt({ iat: 1_700_000_000, exp: 1_702_678_400, sub: '1' }))).toEqual({ issuedAt: 1_700_000_000, expiresAt: 1_702_678_400 });
  });
  it('ignores surrounding whitespace', () => {
    expect(readJwtTimes(`  ${makeJwt({ exp: 5 })}\n`)).toEqual({ expiresAt: 5 });
  });
  it.each([
    ['an opaque token', 'def50200abcdef'],
    ['two segments', 'abc.def'],
    ['a payload that is not JSON', 'a.bm90IGpzb24.c'],
    ['a payload without time claims', makeJwt({ sub: '1' })],
    ['string time claims', makeJwt({ exp: '1700000000' })],
    ['a JSON array payload', `a.${Buffer.from('[1]').toString('base64url')}.c`],
  ])('returns undefined for %s', (_label, token) => {
    expect(readJwtTimes(token)).toBeUndefined();
  });
});
