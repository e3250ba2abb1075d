import { createHash, createHmac } from 'node:crypto';

/**
 * The PKCE pair of pmm-config's PIN requests. Since July 2026 Trakt adds a challenge of its own to an authorize
 * request without one, and nobody holds that verifier, so every PIN must come from a request with ours. The PIN
 * page carries no state to find a stored verifier by, so the verifier is derived from the client secret: a later
 * `--pin` run (a headless user, or one who stopped at the prompt) can finish what an earlier run printed. It is as
 * private as the secret it comes from, and only the challenge (its hash) is ever shown.
 */
export function pinPkce(clientSecret: string): { readonly verifier: string; readonly challenge: string } {
  const verifier = createHmac('sha256', clientSecret).update('pmm-config trakt pin code_verifier').digest('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier, 'ascii').digest('base64url') };
}
