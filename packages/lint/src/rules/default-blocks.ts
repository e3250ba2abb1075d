import { type DefaultKind, type DefaultLookup, findDefault } from '@pmm-config/schema';
import { escapeToken } from '../pointer';
import { type FileBlock, fileBlocks, isMapping, type Mapping } from './config-walk';

/** One `default:` (or legacy `pmm:` / `git: PMM/<name>`) in a file block. */
export interface DefaultRef {
  /** Pointer of the key that names it, e.g. `/libraries/Movies/collection_files/0/default`. */
  readonly pointer: string;
  /** `default`, `pmm` or `git`. */
  readonly key: string;
  /** The name as Kometa uses it (`git: PMM/x` → `x`). */
  readonly name: string;
}

/** A mapping file block, with the defaults it names and whether it also loads other files. */
export interface DefaultBlock {
  readonly block: FileBlock;
  readonly entry: Mapping;
  /** Pointer of the library the block belongs to; `undefined` for `playlist_files`. */
  readonly libraryPointer?: string;
  /** `undefined` for lists where Kometa loads no defaults (`metadata_files` `default:`/`pmm:`, `image_files`). */
  readonly kind?: DefaultKind;
  readonly defaults: readonly DefaultRef[];
  /** `file`, `folder`, `url`, `repo` or a non-default `git`: files whose variables nobody can check here. */
  readonly otherSources: boolean;
}

const KIND_OF_LIST: Readonly<Record<string, DefaultKind | undefined>> = {
  collection_files: 'collection',
  // Kometa loads the legacy `metadata_path` as collection files too (and does not skip its defaults).
  metadata_path: 'collection',
  overlay_files: 'overlay',
  overlay_path: 'overlay',
  playlist_files: 'playlist',
};

const cache = new WeakMap<object, readonly DefaultBlock[]>();

/** Every mapping file block of the config, with its defaults, following Kometa's `util.load_files` (computed once per config). */
export function defaultBlocks(config: unknown): readonly DefaultBlock[] {
  if (config === null || typeof config !== 'object') return [];
  let blocks = cache.get(config);
  if (!blocks) cache.set(config, (blocks = readBlocks(config)));
  return blocks;
}

function readBlocks(config: unknown): DefaultBlock[] {
  const out: DefaultBlock[] = [];
  for (const block of fileBlocks(config)) {
    const entry = block.entry;
    if (!isMapping(entry) || block.list === 'image_files') continue;
    const defaults: DefaultRef[] = [];
    let otherSources = ['file', 'folder', 'url', 'repo'].some((key) => key in entry);
    for (const key of ['default', 'pmm']) {
      const value = entry[key];
      // Kometa skips `default:`/`pmm:` in metadata_files; a blank or non-text value is the schema's to report.
      if (typeof value === 'string' && value !== '' && block.list !== 'metadata_files') defaults.push({ pointer: `${block.pointer}/${key}`, key, name: value });
    }
    const git = entry.git;
    // `git: PMM/<name>` (exact case) is Kometa's legacy spelling of `default: <name>`, in every list.
    if (typeof git === 'string' && git.startsWith('PMM/')) defaults.push({ pointer: `${block.pointer}/git`, key: 'git', name: git.slice(4) });
    else if ('git' in entry) otherSources = true;
    const libraryPointer = block.pointer.startsWith('/libraries/') ? block.pointer.split('/').slice(0, 3).join('/') : undefined;
    // A `git: PMM/` default in metadata_files would need a `metadata:` section no default has; not judged here.
    const kind = KIND_OF_LIST[block.list];
    out.push({ block, entry, ...(libraryPointer !== undefined ? { libraryPointer } : {}), ...(kind ? { kind } : {}), defaults, otherSources });
  }
  return out;
}

/** Whether any block names a default: only then is the defaults data loaded. */
export function anyDefault(blocks: readonly DefaultBlock[]): boolean {
  return blocks.some((block) => block.defaults.length > 0);
}

/** `other_award` was removed; Kometa logs an error and skips the entry (`util.load_files`). */
export const OTHER_AWARD = 'other_award';

export function lookup(kind: DefaultKind, ref: DefaultRef): DefaultLookup | undefined {
  if (ref.key !== 'git' && ref.name === OTHER_AWARD) return undefined;
  return findDefault(kind, ref.name);
}

export const variablePointer = (blockPointer: string, name: string): string => `${blockPointer}/template_variables/${escapeToken(name)}`;
