import { createPkcePair, pkceChallenge } from './pkce';
import { OAuthErrorCode } from './errors';

describe('PKCE', () => {
  it('derives the RFC 7636 appendix B challenge for S256', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'S256')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('uses the verifier itself for plain', () => {
    expect(pkceChallenge('abc', 'plain')).toBe('abc');
  });

  it('makes verifiers of the asked length from the unreserved alphabet, using the injected bytes', () => {
    const sizes: number[] = [];
    const bytes = (size: number) => {
      sizes.push(size);
      return new Uint8Array(size).fill(0xfb);
    };
    const pair = createPkcePair(bytes, 'S256', 43);
    expect(pair.verifier).toMatch(/^[A-Za-z0-9\-_]{43}$/);
    expect(pair.challenge).toBe(pkceChallenge(pair.verifier, 'S256'));
    expect(createPkcePair(bytes, 'plain', 128).verifier).toHaveLength(128);
    expect(sizes).toEqual([33, 96]);
  });

  it('refuses lengths RFC 7636 forbids', () => {
    const bytes = (size: number) => new Uint8Array(size);
    expect(() => createPkcePair(bytes, 'S256', 42)).toThrow(expect.objectContaining({ code: OAuthErrorCode.InvalidOptions }));
    expect(() => createPkcePair(bytes, 'S256', 129)).toThrow(expect.objectContaining({ code: OAuthErrorCode.InvalidOptions }));
  });
});
