import { createState, isOwnState, verifierFor } from './pkce';

const SECRET = 'c0ffee'.repeat(10);

describe('stateless plain-PKCE pairing', () => {
  it('makes states it recognises, for its own client secret only', () => {
    const state = createState(SECRET);
    expect(isOwnState(state, SECRET)).toBe(true);
    expect(isOwnState(state, `${SECRET}x`)).toBe(false);
    expect(isOwnState(createState(SECRET), SECRET)).toBe(true);
    expect(createState(SECRET)).not.toBe(state);
  });

  it.each([['tampered tag', (s: string) => `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`], ['no tag', (s: string) => s.split('.')[0] ?? ''], ['extra part', (s: string) => `${s}.x`], ['empty', () => '']])(
    'refuses a state with %s',
    (_label, mutate) => {
      expect(isOwnState(mutate(createState(SECRET)), SECRET)).toBe(false);
    },
  );

  it('derives a 128-character RFC 7636 verifier that depends on the state and the secret', () => {
    const state = createState(SECRET);
    const verifier = verifierFor(state, SECRET);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{128}$/);
    expect(verifierFor(state, SECRET)).toBe(verifier);
    expect(verifierFor(createState(SECRET), SECRET)).not.toBe(verifier);
    expect(verifierFor(state, `${SECRET}x`)).not.toBe(verifier);
  });
});
