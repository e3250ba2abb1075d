import type { Document } from 'yaml';
import { deepEqual } from './deep-equal';
import { parseConfig, toData } from './document';
import { ConfigEditError } from './errors';
import { toPlain } from './render';
import type { SectionEdit } from './types';

type Data = Record<string, unknown>;

/**
 * Re-parses the edited body and proves the edit did what it says and nothing more: every other top-level section
 * is deep-equal and in the same order, the section's other keys are unchanged, and the edited keys read back as
 * the values written. Throws CONFIG_EDIT_VERIFY_FAILED otherwise, so a broken config is never handed back.
 */
export function verifyEdit(before: Document.Parsed | undefined, editedBody: string, edit: SectionEdit): void {
  let after: Document.Parsed | undefined;
  try {
    after = parseConfig(editedBody);
  } catch (error) {
    throw failure(`the edited config does not parse`, error);
  }
  const oldRoot = asData(toData(before)) ?? {};
  const newRoot = asData(toData(after));
  if (newRoot === undefined) throw failure('the edited config is not a mapping');

  const expectedKeys = Object.keys(oldRoot);
  if (!expectedKeys.includes(edit.section)) expectedKeys.push(edit.section);
  const untouched = expectedKeys.filter((key) => key !== edit.section);
  if (!deepEqual(expectedKeys, Object.keys(newRoot)) || untouched.some((key) => !deepEqual(oldRoot[key], newRoot[key]))) {
    throw failure('the edit would change other sections');
  }

  const oldSection = asData(oldRoot[edit.section]);
  const newSection = asData(newRoot[edit.section]);
  if (newSection === undefined) throw failure(`\`${edit.section}\` is not a mapping after the edit`);
  const expected: Data = { ...(oldSection ?? plainOf(edit.createWith ?? [])) };
  for (const [key, value] of edit.set) expected[key] = toPlain(value);
  if (!deepEqual(expected, newSection)) throw failure(`\`${edit.section}\` does not read back as intended`);
}

function plainOf(entries: SectionEdit['set']): Data {
  return toPlain(entries) as Data;
}

function asData(value: unknown): Data | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : undefined;
}

function failure(reason: string, cause?: unknown): ConfigEditError {
  return new ConfigEditError('CONFIG_EDIT_VERIFY_FAILED', `refusing to write: ${reason}`, { cause });
}
