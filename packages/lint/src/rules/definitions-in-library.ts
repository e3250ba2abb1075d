import type { LintRule } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';
import { libraries } from './config-walk';

/** Definition keys Kometa refuses inside a library, and where their definitions belong. */
const DEFINITION_HOMES: Readonly<Record<string, string>> = {
  collections: 'collection_files',
  dynamic_collections: 'collection_files',
  templates: 'collection_files',
  metadata: 'metadata_files',
  overlays: 'overlay_files',
  playlists: 'the top-level playlist_files',
};

/** `core/definitions-in-library`: Kometa stops when collection/overlay/metadata definitions sit in config.yml. */
export const definitionsInLibrary: LintRule = {
  id: 'core/definitions-in-library',
  description: 'Collection, overlay, metadata, template and playlist definitions belong in external files, not inside a library.',
  check(context) {
    for (const library of libraries(context.config)) {
      if (!library.body) continue;
      for (const key of Object.keys(library.body)) {
        const home = DEFINITION_HOMES[key];
        if (!home) continue;
        context.report({
          severity: 'error',
          pointer: `${library.pointer}/${escapeToken(key)}`,
          message: `The '${library.name}' library config contains ${key} definitions. These belong in external YAML files, not in the config.yml.`,
          hint: `Move them into their own .yml file and link it from ${home} (\`- file: config/${key}.yml\`).`,
        });
      }
    }
  },
};
