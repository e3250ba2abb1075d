import type { BuilderUse, FileKind } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';
import { calledTemplates, definitionsOf, isMapping, type Mapping } from './definitions';
import { runName } from './definition-keys';

/**
 * Settings Kometa consumes before its attribute loop (`ignored_details` in `modules/builder.py`, reference
 * kometa-files.md §4.1): they never reach the service checks, whatever their name holds.
 */
export const CONSUMED_EARLY: ReadonlySet<string> = new Set([
  'smart_filter', 'smart_label', 'smart_url', 'run_again', 'schedule', 'sync_mode', 'template', 'variables', 'test',
  'suppress_overlays', 'delete_not_scheduled', 'tmdb_person', 'build_collection', 'collection_order', 'builder_level',
  'overlay', 'kometa_poster', 'validate_builders', 'libraries', 'sync_to_users', 'exclude_users', 'collection_name',
  'playlist_name', 'name', 'limit', 'blank_collection', 'allowed_library_types', 'run_definition', 'delete_playlist',
  'ignore_blank_results', 'only_run_on_create', 'delete_collections_named', 'tmdb_person_offset', 'append_label',
  'key_name', 'translation_key', 'translation_prefix', 'tmdb_birthday', 'tmdb_deathday', 'hub_priority',
]);

function attributeUses(body: Mapping, pointer: string, out: BuilderUse[]): void {
  for (const key of Object.keys(body)) {
    // A name built from a template variable is only known after substitution.
    if (key.includes('<<')) continue;
    if (CONSUMED_EARLY.has(key.toLowerCase())) continue;
    const builder = runName(key);
    if (CONSUMED_EARLY.has(builder)) continue;
    out.push({ builder, pointer: `${pointer}/${escapeToken(key)}` });
  }
}

/**
 * The definition-level attributes of a linked file as Kometa runs them, for the service checks: every
 * definition's own attributes, the attributes of the local templates the definitions call (the template's
 * attributes run in the calling definition), and the `type` of dynamic collections (`trakt_user_lists` needs
 * Trakt, as the builder would).
 */
export function builderUses(data: unknown, kind: FileKind): BuilderUse[] {
  if (!isMapping(data)) return [];
  const uses: BuilderUse[] = [];
  const called = new Set<string>();
  for (const definition of definitionsOf(data, kind)) {
    attributeUses(definition.body, definition.pointer, uses);
    for (const name of calledTemplates(definition.body)) called.add(name);
  }
  const templates = data['templates'];
  if (isMapping(templates)) {
    for (const name of called) {
      const body = templates[name];
      if (isMapping(body)) attributeUses(body, `/templates/${escapeToken(name)}`, uses);
    }
  }
  const dynamic = kind === 'collection' ? data['dynamic_collections'] : undefined;
  if (isMapping(dynamic)) {
    for (const [name, body] of Object.entries(dynamic)) {
      if (!isMapping(body)) continue;
      const typeKey = Object.keys(body).find((key) => key.toLowerCase() === 'type');
      const type = typeKey === undefined ? undefined : body[typeKey];
      if (typeKey !== undefined && typeof type === 'string' && !type.includes('<<')) {
        uses.push({ builder: type.trim().toLowerCase(), pointer: `/dynamic_collections/${escapeToken(name)}/${escapeToken(typeKey)}` });
      }
    }
  }
  return uses;
}
