import { any, bool, nul, nullable, number, object, openObject, string, union, type TSchema } from '../builder';
import { cacheExpiration } from './common';

/** Scalars a token field may hold; the Trakt/MAL plugins judge the exact shape, so the schema stays loose. */
function looseScalar(description: string): TSchema<string | number | null> {
  return union([string(), number(), nul()], { description });
}

/** `trakt.authorization` as Kometa writes it (extra keys allowed; the Trakt plugin judges them). */
export const traktAuthorization = nullable(
  openObject(
    {
      access_token: looseScalar('OAuth access token.'),
      token_type: looseScalar('Token type, normally bearer.'),
      expires_in: looseScalar('Lifetime of the access token in seconds.'),
      refresh_token: looseScalar('OAuth refresh token (single use).'),
      scope: looseScalar('Granted scope, normally public.'),
      created_at: looseScalar('Unix time the token was issued.'),
    },
    any(),
    { description: 'Trakt OAuth tokens. Written by `pmm-config auth trakt`.' },
  ),
);

/** `trakt`: described loosely; the Trakt plugin's lint rules judge this section precisely. */
export const trakt = nullable(
  object(
    {
      client_id: looseScalar('Client ID of your Trakt API application.'),
      client_secret: looseScalar('Client secret of your Trakt API application.'),
      pin: looseScalar('One-time PIN from the Trakt authorize page (quote it). Cleared after use.'),
      force_refresh: union([bool(), string(), nul()], {
        description: 'true forces a token refresh on every run.',
      }),
      authorization: traktAuthorization,
    },
    { description: 'Trakt connection.' },
  ),
);

/** `mal.authorization` as Kometa writes it (extra keys allowed; the MAL plugin judges them). */
export const malAuthorization = nullable(
  openObject(
    {
      access_token: looseScalar('OAuth access token.'),
      token_type: looseScalar('Token type, normally Bearer.'),
      expires_in: looseScalar('Lifetime of the access token in seconds.'),
      refresh_token: looseScalar('OAuth refresh token.'),
    },
    any(),
    { description: 'MyAnimeList OAuth tokens. Written by `pmm-config auth mal`.' },
  ),
);

/** `mal`: described loosely; the MAL plugin's lint rules judge this section precisely. */
export const mal = nullable(
  object(
    {
      client_id: looseScalar('Client ID of your MyAnimeList API application.'),
      client_secret: looseScalar('Client secret of your MyAnimeList API application.'),
      localhost_url: looseScalar('The full http://localhost/?code=... URL MyAnimeList redirected to.'),
      cache_expiration: cacheExpiration('MyAnimeList'),
      authorization: malAuthorization,
    },
    { description: 'MyAnimeList connection.' },
  ),
);
