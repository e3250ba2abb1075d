import type { FileKind } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';

export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The top-level sections that hold definitions, per kind (Kometa's `get_dict` of each file class). */
const DEFINITION_SECTIONS: Readonly<Partial<Record<FileKind, readonly string[]>>> = {
  collection: ['collections'],
  overlay: ['overlays'],
  playlist: ['playlists'],
  metadata: ['metadata'],
};

/** One definition of a linked file: `collections.<name>`, `overlays.<name>`, ... */
export interface Definition {
  readonly section: string;
  readonly name: string;
  readonly pointer: string;
  readonly body: Mapping;
}

/** Every mapping-valued definition of a file's kind (Kometa skips `null` entries and warns on other values). */
export function definitionsOf(data: unknown, kind: FileKind): Definition[] {
  if (!isMapping(data)) return [];
  const out: Definition[] = [];
  for (const section of DEFINITION_SECTIONS[kind] ?? []) {
    const entries = data[section];
    if (!isMapping(entries)) continue;
    for (const [name, body] of Object.entries(entries)) {
      if (isMapping(body)) out.push({ section, name, pointer: `/${section}/${escapeToken(name)}`, body });
    }
  }
  return out;
}

/** Template names a definition calls (`template: {name: X}` or a list of such). */
export function calledTemplates(body: Mapping): string[] {
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'template');
  if (key === undefined) return [];
  const value = body[key];
  const calls = Array.isArray(value) ? value : [value];
  return calls.flatMap((call) => (isMapping(call) && typeof call['name'] === 'string' ? [call['name']] : []));
}
