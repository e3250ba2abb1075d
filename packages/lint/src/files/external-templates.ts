import { blockLinks, type LocalLink } from '../linked-files';

/** The local `file:`/`folder:`/path entries of a linked file's `external_templates` (one block or a list). */
export function externalTemplateLinks(data: unknown): LocalLink[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const value = (data as Record<string, unknown>)['external_templates'];
  const blocks = Array.isArray(value) ? value.map((entry, index) => ({ pointer: `/external_templates/${index}`, entry })) : value === undefined || value === null ? [] : [{ pointer: '/external_templates', entry: value }];
  return blocks.flatMap((block) => blockLinks(block.pointer, block.entry, 'external_templates'));
}
