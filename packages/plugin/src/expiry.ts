/** `2026-12-05 13:49 UTC`: unambiguous for people anywhere. */
function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * "valid until …" or "expired on …", for the one-line summary of an `AuthOutcome`. Shared so every
 * provider words token expiry the same way.
 */
export function describeExpiry(expiresAt: Date, nowMs: number): string {
  return expiresAt.getTime() > nowMs ? `valid until ${formatTime(expiresAt)}` : `expired on ${formatTime(expiresAt)}`;
}
