import { parseConfig, toData } from './document';
import { splitBom } from './text';

/**
 * The parsed value of one top-level section (merge keys and aliases resolved), or `undefined` when the config
 * has no such section. Lets callers read credentials and the old `authorization` from the same text they edit.
 *
 * @throws {ConfigEditError} `CONFIG_EDIT_INVALID_YAML` or `CONFIG_EDIT_MULTIPLE_DOCUMENTS`.
 */
export function readSection(text: string, section: string): unknown {
  const data = toData(parseConfig(splitBom(text).body));
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return Object.prototype.hasOwnProperty.call(data, section) ? (data as Record<string, unknown>)[section] : undefined;
}
