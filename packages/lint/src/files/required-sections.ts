import type { FileKind, LintRule } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';
import { isMapping } from './definitions';

interface Requirement {
  /** Sections of which one must hold definitions. */
  readonly sections: readonly string[];
  /** Kometa's message when none does. */
  readonly kometa: string;
  /** The word Kometa uses for one entry (`Config Warning: {singular}: {name} must be a dictionary`). */
  readonly singular: string;
}

/** Reference kometa-files.md §1.1: the key each kind requires, and Kometa's message (the whole file fails). */
const REQUIREMENTS: Readonly<Partial<Record<FileKind, Requirement>>> = {
  collection: { sections: ['collections', 'dynamic_collections'], kometa: 'YAML Error: collections or dynamic_collections attribute is required', singular: 'collection' },
  metadata: { sections: ['metadata'], kometa: 'YAML Error: metadata attribute is required', singular: 'metadata' },
  overlay: { sections: ['overlays'], kometa: 'YAML Error: overlays attribute is required', singular: 'overlay' },
  playlist: { sections: ['playlists'], kometa: 'YAML Error: playlists attribute is required', singular: 'playlist' },
};

/**
 * `core/file-sections`: the file must be a mapping with its kind's definitions section (Kometa fails the whole
 * file otherwise), each section a non-empty mapping, each entry a mapping (Kometa drops other entries with a
 * warning and skips blank ones silently).
 */
export function fileSectionsRule(kind: FileKind): LintRule {
  const requirement = REQUIREMENTS[kind];
  return {
    id: 'core/file-sections',
    description: 'A linked file needs its definitions section (collections, overlays, metadata or playlists) as a mapping of mappings.',
    check(context) {
      const data = context.config;
      // Kometa tests `if not data`: a file of only comments and `{}` are both empty to it.
      if (!isMapping(data) || Object.keys(data).length === 0) {
        context.report({
          severity: 'error',
          pointer: '',
          message: isMapping(data) || data === null || data === undefined ? 'The file is empty: Kometa fails it ("YAML Error: File is empty").' : 'The file must be a mapping of sections (`collections:`, `templates:`, ...), not a list or a single value: Kometa cannot load it.',
        });
        return;
      }
      if (!requirement) return;
      const present = requirement.sections.filter((section) => Object.prototype.hasOwnProperty.call(data, section));
      if (present.length === 0) {
        context.report({
          severity: 'error',
          pointer: `/${requirement.sections[0]}`,
          message: `The file has no ${requirement.sections.map((s) => `\`${s}\``).join(' or ')} section, so Kometa fails it ("${requirement.kometa}").`,
          hint: kind === 'collection' && 'templates' in data ? 'A file of only templates belongs in `external_templates`, not in `collection_files`.' : undefined,
        });
        return;
      }
      for (const section of present) {
        const value = data[section];
        const pointer = `/${escapeToken(section)}`;
        if (value === null || (isMapping(value) && Object.keys(value).length === 0)) {
          context.report({ severity: 'warning', pointer, message: `\`${section}\` is blank: Kometa logs "Config Error: ${section} attribute is blank" and finds nothing in it.` });
        } else if (!isMapping(value)) {
          context.report({ severity: 'error', pointer, at: 'value', message: `\`${section}\` must be a mapping of names to definitions: Kometa logs "Config Error: ${section} must be a dictionary" and finds nothing in it.` });
        } else {
          for (const [name, entry] of Object.entries(value)) {
            if (entry === null || isMapping(entry)) continue;
            context.report({
              severity: 'warning',
              pointer: `${pointer}/${escapeToken(name)}`,
              at: 'value',
              message: `\`${section}.${name}\` must be a mapping: Kometa skips it ("Config Warning: ${requirement.singular}: ${name} must be a dictionary").`,
            });
          }
        }
      }
    },
  };
}
