import { createHash } from 'node:crypto';
import { base64Url, randomUrlSafe } from './random';
import { OAuthError, OAuthErrorCode } from './errors';
import type { PkceMethod, RandomBytes } from './types';

/** A PKCE verifier and the challenge derived from it (RFC 7636). */
export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
  readonly method: PkceMethod;
}

/** The `code_challenge` for `verifier`: its SHA-256 in base64url for S256, itself for plain. */
export function pkceChallenge(verifier: string, method: PkceMethod): string {
  return method === 'S256' ? base64Url(createHash('sha256').update(verifier, 'ascii').digest()) : verifier;
}

/** A fresh PKCE pair; `length` must be 43..128 as RFC 7636 §4.1 demands. */
export function createPkcePair(randomBytes: RandomBytes, method: PkceMethod, length: number): PkcePair {
  if (!Number.isInteger(length) || length < 43 || length > 128) {
    throw new OAuthError(OAuthErrorCode.InvalidOptions, `PKCE verifier length must be an integer from 43 to 128, got ${length}`);
  }
  const verifier = randomUrlSafe(randomBytes, length);
  return { verifier, challenge: pkceChallenge(verifier, method), method };
}
