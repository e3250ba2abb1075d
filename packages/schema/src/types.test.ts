import {
  validateConfig,
  type FileBlockConfig,
  type KometaConfig,
  type LibraryConfig,
  type MalAuthorization,
  type OperationsConfig,
  type SonarrConfig,
  type TraktAuthorization,
  type TraktConfig,
} from './index';

// Type-level checks run in the typecheck target; the runtime assertions keep the values honest.
const authorization: TraktAuthorization = {
  access_token: 'a',
  token_type: 'bearer',
  expires_in: 86400,
  refresh_token: 'r',
  scope: 'public',
  created_at: 1767225600,
};

const trakt: TraktConfig = { client_id: 'id', client_secret: 'secret', pin: null, authorization };

const movies: LibraryConfig = {
  collection_files: [{ default: 'basic' }, 'config/Movies.yml'],
  overlay_files: [{ default: 'ribbon', template_variables: { use_all: true } }],
  operations: { mass_genre_update: ['tmdb', ['Unknown']], delete_collections: { managed: false } },
  settings: { asset_depth: 1, sync_mode: 'sync' },
  reset_overlays: ['tmdb'],
};

const block: FileBlockConfig = { default: 'imdb', template_variables: { use_separator: false }, schedule: null };
const operations: OperationsConfig = { schedule: 'weekly(sunday)', assets_for_all: true };

const config: KometaConfig = {
  libraries: { Movies: movies, Music: null, Shows: { collection_files: block, operations: [operations] } },
  tmdb: { apikey: 'k', region: 'US' },
  trakt,
  mal: { authorization: { access_token: 'a' } satisfies MalAuthorization },
  sonarr: { monitor: 'pilot', series_type: 'anime' } satisfies SonarrConfig,
};

describe('exported types', () => {
  it('describe configs the validator accepts', () => {
    expect(validateConfig(config)).toEqual([]);
  });

  it('reject wrong shapes at compile time', () => {
    // @ts-expect-error sync_mode is an enum
    const badSync: LibraryConfig = { settings: { sync_mode: 'mirror' } };
    // @ts-expect-error tmdb.apikey is required
    const noApikey: KometaConfig = { libraries: {}, tmdb: {} };
    // @ts-expect-error unknown keys are not part of a file block
    const typo: FileBlockConfig = { defualt: 'basic' };
    // @ts-expect-error operations take booleans where Kometa does
    const op: OperationsConfig = { assets_for_all: 'yes' };
    expect(validateConfig({ libraries: { M: badSync }, tmdb: { apikey: 'k' } })).not.toEqual([]);
    expect(validateConfig(noApikey)).not.toEqual([]);
    expect([typo, op]).toHaveLength(2);
  });
});
