import { librarySettingProperties } from './sections/settings';

/** A legacy key Kometa migrates, ignores or warns about. */
export interface Deprecation {
  /** Segments from the root; `*` matches any key or list index. */
  readonly path: readonly string[];
  /** What to use instead, as the user would write it. */
  readonly replacement?: string;
  /** One sentence: what Kometa does with the key. */
  readonly message: string;
  /**
   * Set when Kometa itself renames the key in the same mapping, keeping its value: the new name, or names
   * when Kometa copies the value into each (`metadata_path`). `--fix` makes the same change in the file.
   */
  readonly renameTo?: readonly string[];
  /**
   * Set when Kometa itself moves the key, keeping its value, into a sibling section of the mapping that holds
   * it (`plex.sync_mode` -> `settings.sync_mode`): that section and the key's name there.
   */
  readonly moveTo?: readonly [section: string, key: string];
}

const LIBRARY = ['libraries', '*'] as const;

/** Settings Kometa reads from `libraries.<name>.settings` (and only there, per library). */
const LIBRARY_SETTING_KEYS: readonly string[] = Object.keys(librarySettingProperties);

/** Keys Kometa moves from `plex` into `settings` (globally and per library), with their new names. */
const PLEX_TO_SETTINGS: readonly (readonly [string, string])[] = [
  ['asset_directory', 'asset_directory'],
  ['sync_mode', 'sync_mode'],
  ['show_unmanaged', 'show_unmanaged'],
  ['show_filtered', 'show_filtered'],
  ['show_unfiltered', 'show_unfiltered'],
  ['show_missing', 'show_missing'],
  ['save_missing', 'save_report'],
];

const plexMoves: Deprecation[] = PLEX_TO_SETTINGS.flatMap(([key, target]) => [
  {
    path: ['plex', key],
    replacement: `settings.${target}`,
    // Kometa moves it under its own name; a later pass renames what settings renames (save_missing).
    moveTo: ['settings', key] as const,
    message: `Kometa silently moves plex.${key} to settings.${target}.`,
  },
  {
    path: [...LIBRARY, 'plex', key],
    replacement: `libraries.<name>.settings.${target}`,
    moveTo: ['settings', key] as const,
    message: `Kometa silently moves the library's plex.${key} to its settings.${target}.`,
  },
]);

/** Settings renamed or dropped; the same keys appear globally and in library settings. */
const SETTINGS_RENAMED: readonly (readonly [string, string, 'renamed' | 'ignored'])[] = [
  ['collection_minimum', 'minimum_items', 'renamed'],
  ['save_missing', 'save_report', 'renamed'],
  ['released_missing_only', 'missing_only_released', 'ignored'],
  ['overlay_filetype', 'overlay_artwork_filetype', 'ignored'],
  ['overlay_quality', 'overlay_artwork_quality', 'ignored'],
];

const settingsRenames: Deprecation[] = SETTINGS_RENAMED.flatMap(([key, target, kind]) =>
  [
    ['settings', key],
    [...LIBRARY, 'settings', key],
  ].map((path) => ({
    path,
    replacement: target,
    ...(kind === 'renamed' ? { renameTo: [target] } : {}),
    message:
      kind === 'renamed'
        ? `Kometa silently renames ${key} to ${target}.`
        : `Kometa no longer reads ${key}; the setting is now ${target}.`,
  })),
);

const settingsReportPath: Deprecation[] = [
  ['settings', 'report_path'],
  [...LIBRARY, 'settings', 'report_path'],
].map((path) => ({
  path,
  replacement: 'libraries.<name>.report_path',
  message: 'Kometa ignores report_path in settings; it is read directly under the library.',
}));

const missingPath: Deprecation[] = [
  ['settings', 'missing_path'],
  [...LIBRARY, 'settings', 'missing_path'],
  [...LIBRARY, 'missing_path'],
].map((path) => ({
  path,
  replacement: 'libraries.<name>.report_path',
  message: 'Kometa no longer reads missing_path; missing items go to the library report (report_path).',
}));

const globalSettings: Deprecation[] = [
  {
    path: ['settings', 'playlist_sync_to_user'],
    replacement: 'playlist_sync_to_users',
    renameTo: ['playlist_sync_to_users'],
    message: 'Kometa silently renames playlist_sync_to_user to playlist_sync_to_users.',
  },
  {
    path: ['settings', 'playlist_exclude_user'],
    replacement: 'playlist_exclude_users',
    message: 'Kometa no longer reads playlist_exclude_user; the setting is now playlist_exclude_users.',
  },
  {
    path: ['settings', 'check_nightly'],
    message: 'Kometa no longer reads check_nightly; remove it.',
  },
  {
    path: ['settings', 'cache_builders'],
    replacement: 'settings.cache_expiration',
    message: 'Kometa no longer reads cache_builders.',
  },
  ...['notifiarr_collection_creation', 'notifiarr_collection_addition', 'notifiarr_collection_removing'].map(
    (key): Deprecation => ({
      path: ['settings', key],
      replacement: 'webhooks.changes',
      message: `Kometa no longer reads ${key}; collection changes are sent through webhooks.changes.`,
    }),
  ),
  ...['assets_for_all', 'assets_for_all_collections'].map(
    (key): Deprecation => ({
      path: ['settings', key],
      replacement: `libraries.<name>.operations.${key}`,
      message: `Kometa still reads ${key} in settings, but it is a library operation now.`,
    }),
  ),
];

const topLevel: Deprecation[] = [
  {
    path: ['cache'],
    replacement: 'settings.cache and settings.cache_expiration',
    message: 'Kometa silently moves the top-level cache section into settings.',
  },
];

const FILE_LISTS = ['collection_files', 'metadata_files', 'overlay_files', 'image_files', 'metadata_path', 'overlay_path'];

/** `pmm:` is the legacy name of `default:` in every file list (list entry or single block). */
const pmmAlias: Deprecation[] = [
  ...FILE_LISTS.flatMap((list) => [
    [...LIBRARY, list, '*', 'pmm'],
    [...LIBRARY, list, 'pmm'],
  ]),
  ['playlist_files', '*', 'pmm'],
  ['playlist_files', 'pmm'],
].map((path) => ({ path, replacement: 'default', renameTo: ['default'], message: 'Kometa reads pmm as the legacy name of default.' }));

const metadataDefaults: Deprecation[] = [
  [...LIBRARY, 'metadata_files', '*', 'default'],
  [...LIBRARY, 'metadata_files', 'default'],
].map((path) => ({
  path,
  replacement: 'collection_files',
  message: 'Kometa silently ignores default files in metadata_files; load them in collection_files.',
}));

/** Overlay flags that old configs put inside an overlay_files entry. */
const OVERLAY_BLOCK_FLAGS: readonly (readonly [string, string])[] = [
  ['remove_overlays', 'remove_overlays'],
  ['remove_overlay', 'remove_overlays'],
  ['revert_overlays', 'remove_overlays'],
  ['reapply_overlays', 'reapply_overlays'],
  ['reapply_overlay', 'reapply_overlays'],
  ['reset_overlays', 'reset_overlays'],
  ['reset_overlay', 'reset_overlays'],
  ['schedule', 'schedule_overlays'],
];

const overlayBlockFlags: Deprecation[] = ['overlay_files', 'overlay_path'].flatMap((list) =>
  OVERLAY_BLOCK_FLAGS.flatMap(([key, target]) =>
    [
      [...LIBRARY, list, '*', key],
      [...LIBRARY, list, key],
    ].map((path) => ({
      path,
      replacement: `libraries.<name>.${target}`,
      message: `Kometa warns that ${target === 'schedule_overlays' ? key : target} under ${list} is deprecated and now goes directly under the library${
        key === 'schedule' ? ' as schedule_overlays' : ''
      }.`,
    })),
  ),
);

const libraryKeys: Deprecation[] = [
  {
    path: [...LIBRARY, 'metadata_path'],
    replacement: 'collection_files and metadata_files',
    renameTo: ['collection_files', 'metadata_files'],
    message:
      'Kometa warns that metadata_path has been deprecated and split into collection_files and metadata_files, and copies it into both.',
  },
  {
    path: [...LIBRARY, 'overlay_path'],
    replacement: 'overlay_files',
    renameTo: ['overlay_files'],
    message: 'Kometa warns that overlay_path has been deprecated in favor of overlay_files, and renames it.',
  },
  {
    path: [...LIBRARY, 'library_type'],
    message: 'Kometa ignores library_type; it reads the library type from Plex.',
  },
  {
    path: [...LIBRARY, 'radarr_add_all'],
    replacement: 'operations.radarr_add_all_existing',
    message: 'Kometa renames radarr_add_all on a library but only runs radarr_add_all_existing under operations.',
  },
  {
    path: [...LIBRARY, 'sonarr_add_all'],
    replacement: 'operations.sonarr_add_all_existing',
    message: 'Kometa renames sonarr_add_all on a library but only runs sonarr_add_all_existing under operations.',
  },
  {
    path: [...LIBRARY, 'split_duplicates'],
    replacement: 'operations.split_duplicates',
    message: 'Kometa ignores split_duplicates directly on a library; it is a library operation.',
  },
  {
    path: [...LIBRARY, 'delete_unmanaged_collections'],
    replacement: 'operations.delete_collections',
    message: 'Kometa ignores delete_unmanaged_collections directly on a library; use the delete_collections operation.',
  },
  ...LIBRARY_SETTING_KEYS.map(
    (key): Deprecation => ({
      path: [...LIBRARY, key],
      replacement: `libraries.<name>.settings.${key}`,
      message: `Kometa ignores ${key} directly on a library; it is read from the library's settings.`,
    }),
  ),
];

const operationKeys: Deprecation[] = [
  ['radarr_add_all', 'radarr_add_all_existing'],
  ['sonarr_add_all', 'sonarr_add_all_existing'],
].flatMap(([key, target]) =>
  [
    [...LIBRARY, 'operations', key],
    [...LIBRARY, 'operations', '*', key],
  ].map((path) => ({
    path,
    replacement: target,
    // Kometa renames the key only in an operations mapping, not inside a list of operation blocks.
    ...(path.length === 4 ? { renameTo: [target] } : {}),
    message: `Kometa silently renames ${key} to ${target}.`,
  })),
);

const operationOverlayFlags: Deprecation[] = [
  [...LIBRARY, 'operations', 'reapply_overlays'],
  [...LIBRARY, 'operations', '*', 'reapply_overlays'],
].map((path) => ({
  path,
  replacement: 'libraries.<name>.reapply_overlays',
  message: 'Kometa ignores reapply_overlays among the operations; it is a library attribute.',
}));

const deleteOperations: Deprecation[] = [
  ['delete_unmanaged_collections', 'delete_collections with managed: false'],
  ['delete_collections_with_less', 'delete_collections with less: <n>'],
].flatMap(([key, target]) =>
  [
    [...LIBRARY, 'operations', key],
    [...LIBRARY, 'operations', '*', key],
  ].map((path) => ({ path, replacement: target, message: `Kometa replaced ${key} by delete_collections.` })),
);

const arrKeys: Deprecation[] = ['radarr', 'sonarr'].flatMap((section) =>
  [[section], [...LIBRARY, section]].flatMap((prefix): Deprecation[] => [
    {
      path: [...prefix, 'add'],
      replacement: 'add_missing',
      renameTo: ['add_missing'],
      message: `Kometa silently renames ${section}.add to add_missing.`,
    },
    {
      path: [...prefix, 'version'],
      message: `Kometa ignores ${section}.version; it detects the API version itself.`,
    },
  ]),
);

const webhookKeys: Deprecation[] = [
  'collection_creation',
  'collection_addition',
  'collection_removal',
  'collection_changes',
].flatMap((key) =>
  [['webhooks'], [...LIBRARY, 'webhooks']].map((prefix) => ({
    path: [...prefix, key],
    replacement: 'changes',
    message: `Kometa silently folds webhooks.${key} into webhooks.changes.`,
  })),
);

const anidbKeys: Deprecation[] = ['username', 'password', 'client', 'version'].map((key) => ({
  path: ['anidb', key],
  message: `Kometa ignores anidb.${key} since AniDB access moved to a Kometa-owned service.`,
}));

/**
 * Every legacy key Kometa migrates, ignores or warns about. The schema allows these keys (so they are not
 * also reported as unknown) and marks them `deprecated` with a `deprecationMessage` built from this table.
 */
export const deprecations: readonly Deprecation[] = [
  ...topLevel,
  ...plexMoves,
  ...settingsRenames,
  ...settingsReportPath,
  ...missingPath,
  ...globalSettings,
  ...libraryKeys,
  ...pmmAlias,
  ...metadataDefaults,
  ...overlayBlockFlags,
  ...operationKeys,
  ...operationOverlayFlags,
  ...deleteOperations,
  ...arrKeys,
  ...webhookKeys,
  ...anidbKeys,
];

/** The text editors show for a deprecated key. */
export function deprecationText(deprecation: Deprecation): string {
  const replacement = deprecation.replacement ? ` Use ${deprecation.replacement} instead.` : '';
  return `Deprecated. ${deprecation.message}${replacement}`;
}
