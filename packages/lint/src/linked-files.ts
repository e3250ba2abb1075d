import * as path from 'node:path';
import type { LinkedFile } from '@pmm-config/plugin';
import { isPlaceholder } from './placeholder';
import { fileBlocks, isMapping } from './rules/config-walk';
import type { LintHost } from './types';
import { loadYamlData } from './yaml/parse';

/** How a `file:`/`folder:`/bare-path link resolved on disk. */
export type LinkResolution =
  | { readonly status: 'found'; readonly path: string; readonly kind: 'file' | 'directory' }
  | { readonly status: 'missing'; readonly tried: string }
  | { readonly status: 'unknowable' };

/** A local link found in a file block. */
export interface LocalLink {
  readonly pointer: string;
  readonly kind: 'file' | 'folder';
  readonly target: string;
  /** The list that holds the block (`collection_files`, `external_templates`, ...): it decides the linked file's kind. */
  readonly list: string;
}

const YAML_EXTENSION = /\.ya?ml$/i;

/** The local `file:`, `folder:` and bare-path links of one file block. */
export function blockLinks(pointer: string, entry: unknown, list: string): LocalLink[] {
  if (typeof entry === 'string') return entry.trim() === '' ? [] : [{ pointer, kind: 'file', target: entry.trim(), list }];
  if (!isMapping(entry)) return [];
  const links: LocalLink[] = [];
  for (const kind of ['file', 'folder'] as const) {
    const value = entry[kind];
    const targets: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [`${pointer}/${kind}/${i}`, v]) : [[`${pointer}/${kind}`, value]];
    for (const [at, target] of targets) if (typeof target === 'string' && target.trim() !== '') links.push({ pointer: at, kind, target: target.trim(), list });
  }
  return links;
}

/** Every local `file:`, `folder:` and bare-path entry of the config's file blocks. */
export function localLinks(config: unknown): LocalLink[] {
  return fileBlocks(config).flatMap((block) => blockLinks(block.pointer, block.entry, block.list));
}

/**
 * Resolves links the way a Kometa install sees them: `/config/...` is the config's folder (the Docker mount),
 * relative paths are tried against the config folder and its parent (Kometa's working directory, where
 * `config/x.yml` is the classic form); `.yml`/`.yaml` are swapped as Kometa does. Other absolute paths
 * point into a machine we cannot see and are not judged.
 */
export function createLinkResolver(host: LintHost, configDir: string) {
  const candidates = (target: string): string[] => {
    const unix = target.replace(/\\/g, '/');
    if (unix.startsWith('/config/')) return [path.join(configDir, unix.slice('/config/'.length))];
    if (path.isAbsolute(target) || /^[A-Za-z]:[\\/]/.test(target) || /^[a-z]+:\/\//i.test(target)) return [];
    const parent = path.dirname(configDir);
    const out = [path.resolve(configDir, unix), path.resolve(parent, unix)];
    if (unix.startsWith('config/')) out.push(path.resolve(configDir, unix.slice('config/'.length)));
    return [...new Set(out)];
  };
  const withSwappedExtension = (file: string): string[] =>
    YAML_EXTENSION.test(file) ? [file, file.replace(/\.ya?ml$/i, (ext) => (ext.toLowerCase() === '.yml' ? '.yaml' : '.yml'))] : [file];

  return {
    resolve(link: LocalLink): LinkResolution {
      if (isPlaceholder(link.target)) return { status: 'unknowable' };
      const tried = candidates(link.target);
      if (tried.length === 0) return { status: 'unknowable' };
      for (const candidate of tried) {
        const options = link.kind === 'file' ? withSwappedExtension(candidate) : [candidate];
        for (const option of options) {
          const kind = host.stat(option);
          if (kind === (link.kind === 'file' ? 'file' : 'directory')) return { status: 'found', path: option, kind };
        }
      }
      return { status: 'missing', tried: tried[0] };
    },
    yamlFilesIn(directory: string): string[] {
      return host
        .listDirectory(directory)
        .filter((name) => YAML_EXTENSION.test(name))
        .sort()
        .map((name) => path.join(directory, name));
    },
  };
}

/** The resolver a core rule gets through its context. */
export type LinkResolver = ReturnType<typeof createLinkResolver>;

/** Reads and parses every existing linked local file (for plugin rules), once per lint run. */
export function loadLinkedFiles(config: unknown, host: LintHost, resolver: LinkResolver): LinkedFile[] {
  const out: LinkedFile[] = [];
  for (const link of localLinks(config)) {
    const resolved = resolver.resolve(link);
    if (resolved.status !== 'found') continue;
    const files = resolved.kind === 'file' ? [resolved.path] : resolver.yamlFilesIn(resolved.path);
    for (const file of files) {
      const read = host.readFile(file);
      if ('problem' in read) continue;
      // A linked file with YAML errors or one that cannot be loaded safely is simply not offered to rules.
      const data = loadYamlData(read.text);
      if (data !== undefined) out.push({ path: file, from: link.pointer, data });
    }
  }
  return out;
}
