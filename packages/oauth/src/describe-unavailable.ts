import { OAuthErrorCode } from './errors';
import type { OAuthError } from './errors';

/** Where a failed request went, for {@link describeUnavailable}. */
export interface FailedRequest {
  /** The service's display name: `Trakt`. */
  readonly service: string;
  /** The step that failed, as the user knows it: `device`, `refresh`, `check`. */
  readonly step: string;
  /** The host the step talked to, so "could not reach" names the one to check. */
  readonly host: string;
  /** What to run to start over, e.g. "run `pmm-config auth trakt` for a new device code". */
  readonly restart: string;
}

/**
 * One sentence for a request that got no usable answer — rate limited, unreachable, timed out, an unexpected
 * HTTP status, repeated server errors — saying what to do next, and warning when the lost request may have
 * spent a single-use code or refresh token. Providers phrase the service's own decisions (a refused grant,
 * a denied device code) themselves and hand everything else here, so every provider words these alike.
 */
export function describeUnavailable(error: OAuthError, request: FailedRequest): string {
  const { service, step, host, restart } = request;
  const consumed = error.grantMayBeConsumed ? ` The ${step === 'refresh' ? 'refresh token' : 'code'} may have been used up by the lost request; ${restart}.` : '';
  switch (error.code) {
    case OAuthErrorCode.RateLimited: {
      const wait = error.retryAfterMs === undefined ? '' : ` (it asks to wait ${Math.ceil(error.retryAfterMs / 1000)}s)`;
      return `${service} is rate limiting requests${wait}; try again later${consumed}`;
    }
    case OAuthErrorCode.Network:
    case OAuthErrorCode.Timeout:
      return `could not reach ${service} at ${host} (${error.code === OAuthErrorCode.Timeout ? 'timed out' : 'connection failed'}); check your network, or --auth-url/--api-url.${consumed}`;
    case OAuthErrorCode.HttpError:
      return `${service} answered HTTP ${error.status ?? '?'} to the ${step} request; try again later${consumed}`;
    case OAuthErrorCode.ServerError:
      return `${service} kept failing with server errors${error.status ? ` (HTTP ${error.status})` : ''}; try again later${consumed}`;
    default:
      return `${service} ${step} failed: ${error.message}${consumed}`;
  }
}
