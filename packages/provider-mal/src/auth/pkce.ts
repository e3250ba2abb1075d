import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * MyAnimeList accepts only plain PKCE, so the verifier is the challenge and travels in the authorize URL anyway.
 * That lets pmm-config derive it instead of storing it: the verifier is an HMAC of the `state` nonce keyed with the
 * client secret, and `state` carries a MAC of its nonce. A redirect URL pasted in a later run (headless: print the
 * URL in one run, pass `--url` in the next) is then checked and exchanged without any state kept on disk, and a
 * URL from someone else's attempt fails the state check.
 */
const VERIFIER_LABEL = 'pmm-config/mal/pkce/v1';
const STATE_LABEL = 'pmm-config/mal/state/v1';
const VERIFIER_LENGTH = 128;

function mac(secret: string, label: string, message: string): Buffer {
  return createHmac('sha256', secret).update(`${label}|${message}`).digest();
}

/** A fresh `state`: a random nonce and its MAC. */
export function createState(clientSecret: string, random: (size: number) => Buffer = randomBytes): string {
  const nonce = random(16).toString('base64url');
  return `${nonce}.${mac(clientSecret, STATE_LABEL, nonce).toString('base64url').slice(0, 22)}`;
}

/** Whether `state` was made by {@link createState} with this client secret. */
export function isOwnState(state: string, clientSecret: string): boolean {
  const [nonce, tag, ...rest] = state.split('.');
  if (nonce === undefined || tag === undefined || rest.length > 0 || nonce === '') return false;
  const expected = Buffer.from(mac(clientSecret, STATE_LABEL, nonce).toString('base64url').slice(0, 22));
  const given = Buffer.from(tag);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The 128-character plain-PKCE verifier that belongs to `state`. */
export function verifierFor(state: string, clientSecret: string): string {
  let verifier = '';
  for (let block = 0; verifier.length < VERIFIER_LENGTH; block++) verifier += mac(clientSecret, VERIFIER_LABEL, `${state}|${block}`).toString('base64url');
  return verifier.slice(0, VERIFIER_LENGTH);
}
