import { any, nullable, object, record, type TSchema } from '../builder';
import { optBool, optSchedule, optString, scalarWord, schedule, templateVariables } from './common';
import { fileBlocks, overlayFileBlocks, resetOverlays } from './files';
import { operations } from './operations';
import { librarySettingProperties, librarySettings } from './settings';
import { libraryWebhooks, plex, radarr, sonarr, tautulli } from './services';

/**
 * Definitions that belong in external files. Allowed here so the schema stays quiet: a lint rule reports
 * them with Kometa's own (fatal) message.
 */
const definitionKey = (files: string) =>
  any({ description: `Not allowed in config.yml: Kometa stops. Put these definitions in a file listed in ${files}.` });

const definitionKeys = {
  collections: definitionKey('collection_files'),
  dynamic_collections: definitionKey('collection_files'),
  metadata: definitionKey('metadata_files'),
  overlays: definitionKey('overlay_files'),
  templates: definitionKey('the files that use them'),
  playlists: definitionKey('playlist_files'),
} as const;

/** Keys of PMM 1.x libraries that Kometa migrates or ignores; reported from the deprecations table. */
const legacyLibraryKeys = {
  metadata_path: fileBlocks('Deprecated: split into collection_files and metadata_files.'),
  overlay_path: overlayFileBlocks('Deprecated: renamed overlay_files.'),
  library_type: any(),
  radarr_add_all: any(),
  sonarr_add_all: any(),
  split_duplicates: any(),
  missing_path: any(),
  delete_unmanaged_collections: any(),
} as const;

/** Settings written directly on the library, where Kometa never looks for them. */
const misplacedSettings = Object.fromEntries(
  Object.keys(librarySettingProperties).map((key) => [key, any()]),
) as Record<keyof typeof librarySettingProperties, TSchema<unknown>>;

/** One entry of `libraries`. */
export const library = nullable(
  object(
    {
      // Kometa applies str(), so a numeric title such as `2024` works
      library_name: scalarWord({ description: 'Plex library title, when the mapping key is not the title.' }),
      collection_files: fileBlocks('Files with collection definitions (file, folder, url, git, repo or default).'),
      metadata_files: fileBlocks('Files with metadata edits (file, folder, url, git or repo; default is ignored here).'),
      overlay_files: overlayFileBlocks('Files with overlay definitions (file, folder, url, git, repo or default).'),
      image_files: fileBlocks('Files with image (poster/background) definitions.'),
      operations,
      settings: librarySettings,
      plex,
      radarr,
      sonarr,
      tautulli,
      webhooks: libraryWebhooks,
      template_variables: templateVariables,
      schedule: schedule('When this library runs (Kometa schedule syntax). Kometa rejects a blank value.'),
      schedule_overlays: optSchedule('When the overlays of this library run.'),
      schedule_overlay: optSchedule('Alias of schedule_overlays.'),
      remove_overlays: optBool({ default: false, description: 'Remove every overlay from this library.' }),
      remove_overlay: optBool({ description: 'Alias of remove_overlays.' }),
      revert_overlays: optBool({ description: 'Alias of remove_overlays.' }),
      reapply_overlays: optBool({ default: false, description: 'Reapply overlays to every item, even unchanged ones.' }),
      reapply_overlay: optBool({ description: 'Alias of reapply_overlays.' }),
      reset_overlays: resetOverlays,
      reset_overlay: resetOverlays,
      report_path: optString({ description: 'Where the library report is written; its folder must exist.' }),
      ...definitionKeys,
      ...misplacedSettings,
      ...legacyLibraryKeys,
    },
    { description: 'A Plex library. The key is the library title in Plex (or see library_name).' },
  ),
);

/** `libraries`: at least one library; Kometa stops when it is blank or empty. */
export const libraries = record(library, {
  minProperties: 1,
  description: 'The Plex libraries Kometa works on, keyed by library title.',
});
