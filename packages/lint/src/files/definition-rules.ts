import type { FileKind, LintRule } from '@pmm-config/plugin';
import { loadCatalogue, normalizeDefinitionKey } from '@pmm-config/schema';
import { escapeToken } from '../pointer';
import { CONSUMED_EARLY } from './builder-uses';
import { definitionsOf, type Definition } from './definitions';
import type { TemplateAwareContext } from './template-rules';
import { templateCalls } from './templates';

/** `{Type}` in Kometa's definition messages. */
const TYPE: Partial<Record<FileKind, string>> = { collection: 'Collection', overlay: 'Overlay', playlist: 'Playlist' };

/**
 * Blank values Kometa accepts without a word (`none_builders` and `none_details` in `modules/builder.py`, reference
 * kometa-files.md §0.1): a blank `label.sync` removes every label, a blank item rating erases it.
 */
const BLANK_ALLOWED = new Set(['radarr_taglist', 'sonarr_taglist', 'label.sync', 'item_label.sync', 'item_genre.sync', 'item_edition', 'item_critic_rating', 'item_audience_rating', 'item_user_rating']);

let builderNames: ReadonlySet<string> | undefined;
let searchNames: ReadonlySet<string> | undefined;
let customSortBuilders: ReadonlySet<string> | undefined;
function catalogue() {
  const loaded = loadCatalogue();
  builderNames ??= loaded.BUILDER_NAMES;
  searchNames ??= new Set(loaded.SEARCH_ATTRIBUTES.map((attribute) => attribute.name));
  customSortBuilders ??= new Set(loaded.PLAYLIST_BUILDERS);
  return { builders: builderNames, searches: searchNames, customSort: customSortBuilders };
}

/** The attribute Kometa runs a key as, and the name without its modifier (`label.sync` -> `label`). */
function runAs(key: string): { final: string; name: string } {
  const final = normalizeDefinitionKey(key).key;
  const dot = final.lastIndexOf('.');
  return { final, name: dot > 0 ? final.slice(0, dot) : final };
}

/**
 * `core/blank-attribute`: a blank builder or Plex search fails the definition ("'{attr}' attribute is blank"); any
 * other blank attribute is skipped with a warning, except the few Kometa takes blank on purpose.
 */
export function blankAttributeRule(kind: FileKind): LintRule {
  return {
    id: 'core/blank-attribute',
    description: 'A builder or Plex search needs a value; other blank attributes are skipped.',
    check(context) {
      const { builders, searches } = catalogue();
      for (const definition of definitionsOf(context.config, kind)) {
        for (const [key, value] of Object.entries(definition.body)) {
          if (value !== null || key.includes('<<') || CONSUMED_EARLY.has(key.toLowerCase())) continue;
          const { final, name } = runAs(key);
          if (CONSUMED_EARLY.has(name) || BLANK_ALLOWED.has(final)) continue;
          const fails = builders.has(name) || searches.has(name);
          context.report({
            severity: fails ? 'error' : 'warning',
            pointer: `${definition.pointer}/${escapeToken(key)}`,
            message: fails
              ? `\`${key}\` is blank: Kometa stops \`${definition.name}\` ("${TYPE[kind] ?? 'Collection'} Error: '${final}' attribute is blank").`
              : `\`${key}\` is blank: Kometa skips it ("Collection Warning: '${final}' attribute is blank").`,
            hint: fails ? 'Give it a value, or remove it.' : 'Remove it, or give it a value.',
          });
        }
      }
    },
  };
}

/** The builder calls a definition makes, with what its known templates add (a definition's own key wins). */
function builderCalls(definition: Definition, context: TemplateAwareContext, builders: ReadonlySet<string>): string[] | undefined {
  const own = Object.keys(definition.body);
  const keys = [...own];
  for (const call of templateCalls(definition.body, definition.pointer)) {
    const template = context.templates?.templates.get(call.name);
    // A template we cannot see may bring builders of its own.
    if (!template || context.templates?.incomplete) return undefined;
    for (const key of Object.keys(template.body)) if (!own.includes(key) && !keys.includes(key)) keys.push(key);
  }
  const calls: string[] = [];
  for (const key of keys) {
    if (key.includes('<<')) continue;
    const { name } = runAs(key);
    if (!builders.has(name)) continue;
    const value = definition.body[key];
    // Kometa makes one builder call per list item.
    const count = Array.isArray(value) ? Math.max(1, value.length) : 1;
    for (let i = 0; i < count; i++) calls.push(name);
  }
  return calls;
}

/**
 * `core/custom-order`: `collection_order: custom` keeps the order of one builder, so Kometa stops a collection that
 * has more than one, or one that cannot give an order; a playlist always takes exactly one builder.
 */
export function customOrderRule(kind: FileKind): LintRule {
  return {
    id: 'core/custom-order',
    description: 'collection_order: custom (and every playlist) needs exactly one builder that keeps an order.',
    check(context) {
      const { builders, customSort } = catalogue();
      for (const definition of definitionsOf(context.config, kind)) {
        const orderKey = Object.keys(definition.body).find((key) => key.toLowerCase() === 'collection_order');
        const order = orderKey === undefined ? undefined : definition.body[orderKey];
        const custom = typeof order === 'string' && /^custom(\.asc|\.desc)?$/i.test(order.trim());
        if (kind !== 'playlist' && !custom) continue;
        // Smart collections take no collection_order at all (another message); skip them here.
        if (Object.keys(definition.body).some((key) => /^smart_(filter|label|url)$/i.test(key))) continue;
        const calls = builderCalls(definition, context as TemplateAwareContext, builders);
        if (!calls) continue;
        const pointer = kind === 'playlist' ? definition.pointer : `${definition.pointer}/${escapeToken(orderKey as string)}`;
        if (calls.length > 1) {
          context.report({
            severity: 'error',
            pointer,
            at: kind === 'playlist' ? 'key' : 'value',
            message:
              kind === 'playlist'
                ? `\`${definition.name}\` has ${calls.length} builder calls (${[...new Set(calls)].join(', ')}): Kometa stops it ("Playlist Error: Playlists can only be used with a single builder per playlist").`
                : `\`${definition.name}\` has ${calls.length} builder calls (${[...new Set(calls)].join(', ')}) and a custom order: Kometa stops it ("Collection Error: collection_order: custom can only be used with a single builder per collection").`,
            hint: kind === 'playlist' ? 'Split it into one playlist per builder.' : 'Keep one builder, or use `collection_order: release` or a sort option.',
          });
        } else if (calls.length === 1 && kind !== 'playlist' && !customSort.has(calls[0] as string)) {
          context.report({
            severity: 'error',
            pointer,
            at: 'value',
            message: `\`${calls[0]}\` gives no order to keep: Kometa stops \`${definition.name}\` ("Collection Error: collection_order: custom cannot be used with ${calls[0]}").`,
            hint: 'Use `collection_order: release`, `alpha` or a sort option.',
          });
        }
      }
    },
  };
}
