import { renameKeyFix, type LintRule } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';
import { kometaType, normalizedFile, type SchemaKind } from './file-schema';

/**
 * `core/attribute-alias`: an attribute written under one of Kometa's aliases (`genres`, `collection_name`,
 * `rating.greater`) works, but Kometa logs that it runs it under another name; the canonical name is clearer and
 * is what the docs and other tools use. A change of case alone is not an alias (Kometa matches keys in any case).
 */
/** What Kometa logs for the rename (`builder.py` `__init__` for definition names, `plex.py` `split` for the rest). */
function kometaWarning(kind: SchemaKind, from: string, to: string): string {
  const written = from.toLowerCase();
  if (to === 'name') return `Config Warning: Running ${written} as name`;
  if (written === 'allowed_library_types') return `${kometaType(kind)} Warning: allowed_library_types will run as run_definition`;
  return `Collection Warning: ${written} attribute will run as ${to}`;
}

export function attributeAliasRule(kind: SchemaKind): LintRule {
  return {
    id: 'core/attribute-alias',
    description: 'Attributes written under a Kometa alias run under their canonical name.',
    check(context) {
      const file = normalizedFile(kind, context.config);
      for (const rename of file.renames) {
        if (rename.from.toLowerCase() === rename.to) continue;
        const parent = file.original(rename.path.length === 0 ? '' : `/${rename.path.map(escapeToken).join('/')}`);
        const pointer = `${parent}/${escapeToken(rename.from)}`;
        // Certain only while the canonical name is free (of two keys that run alike, the later wins): renameKeyFix checks.
        const fix = renameKeyFix(context, pointer, rename.to);
        context.report({
          severity: 'warning',
          pointer,
          message: `Kometa runs \`${rename.from}\` as \`${rename.to}\` ("${kometaWarning(kind, rename.from, rename.to)}").`,
          hint: `Write \`${rename.to}\`.`,
          ...(fix ? { fix } : {}),
        });
      }
    },
  };
}
