import type { RandomBytes } from './types';

/** URL-safe base64 without padding: the alphabet RFC 7636 allows for verifiers and state. */
export function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** A random URL-safe string of exactly `length` characters. */
export function randomUrlSafe(randomBytes: RandomBytes, length: number): string {
  return base64Url(randomBytes(Math.ceil((length * 3) / 4))).slice(0, length);
}

/** A random number in [0, 1), from the injected byte source so tests can fix it. */
export function randomUnit(randomBytes: RandomBytes): number {
  return Buffer.from(randomBytes(4)).readUInt32BE(0) / 2 ** 32;
}
