import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { applySectionEdit } from '../src/index';
import type { EditMapping, EditValue, SectionEdit } from '../src/index';
import { diffLines, sectionLineRange } from './line-diff';

const FIXTURES = join(__dirname, 'fixtures');

/** The edit `pmm-config auth trakt` makes; a fixture may bring its own `edit.json` (e.g. MAL's four keys). */
const TRAKT_EDIT: SectionEdit = {
  section: 'trakt',
  set: [
    [
      'authorization',
      [
        ['access_token', 'a3f9c2e1b7d84f6a9e0c5b2d1f8e7a6c5b4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f'],
        ['token_type', 'Bearer'],
        ['expires_in', 86400],
        ['refresh_token', '0x1f2e3d4c'],
        ['scope', 'public'],
        ['created_at', 1764330000],
      ],
    ],
    ['pin', null],
  ],
  createWith: [
    ['client_id', 'new-client-id'],
    ['client_secret', 'new-client-secret'],
  ],
};

function keysOf(mapping: EditMapping): string[] {
  return mapping.flatMap(([key, value]: readonly [string, EditValue]) => [key, ...(Array.isArray(value) ? keysOf(value as EditMapping) : [])]);
}

const cases = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'input.yml')));

describe('golden fixtures', () => {
  it('has the fixtures the edit must survive', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  describe.each(cases)('%s', (name) => {
    const dir = join(FIXTURES, name);
    const input = readFileSync(join(dir, 'input.yml'), 'utf8');
    const expected = readFileSync(join(dir, 'expected.yml'), 'utf8');
    const editFile = join(dir, 'edit.json');
    const edit: SectionEdit = existsSync(editFile) ? JSON.parse(readFileSync(editFile, 'utf8')) : TRAKT_EDIT;

    it('produces expected.yml byte for byte', () => {
      expect(applySectionEdit(input, edit)).toBe(expected);
    });

    it('changes only the intended lines, inside the section', () => {
      const allowed = new Set([edit.section, ...keysOf(edit.set), ...keysOf(edit.createWith ?? [])]);
      const inputRange = sectionLineRange(input, edit.section);
      const outputRange = sectionLineRange(expected, edit.section);
      expect(outputRange).toBeDefined();
      const changes = diffLines(input, expected);
      expect(changes.length).toBeGreaterThan(0);
      for (const change of changes) {
        const range = change.side === 'removed' ? inputRange : outputRange;
        expect({ ...change, inside: range !== undefined && change.index >= range.start && change.index < range.end }).toEqual({ ...change, inside: true });
        const key = /^\s*(?:-\s+)?["']?([^"':\s]+)["']?\s*:/.exec(change.line)?.[1];
        // A created section is set off by one blank line, like the sections around it.
        const spacer = inputRange === undefined && change.side === 'added' && change.line.trim() === '';
        const ok = spacer || (key !== undefined && allowed.has(key));
        expect({ line: change.line, allowed: ok }).toEqual({ line: change.line, allowed: true });
      }
    });

    it('keeps the file line endings, BOM and final newline', () => {
      expect(expected.startsWith('\uFEFF')).toBe(input.startsWith('\uFEFF'));
      expect(expected.endsWith('\n')).toBe(input.endsWith('\n'));
      expect(/(?<!\r)\n/.test(expected)).toBe(/(?<!\r)\n/.test(input));
    });

    it('reads back with the new values and everything else equal', () => {
      const before = parse(input, { merge: true }) as Record<string, unknown>;
      const after = parse(expected, { merge: true }) as Record<string, Record<string, unknown>>;
      const section = after[edit.section] ?? {};
      for (const [key, value] of edit.set) {
        expect(section[key]).toEqual(Array.isArray(value) ? Object.fromEntries((value as EditMapping).map(([k, v]) => [k, v])) : value);
      }
      const others = (data: Record<string, unknown>): Record<string, unknown> =>
        Object.fromEntries(Object.entries(data).filter(([key]) => key !== edit.section));
      expect(others(after)).toEqual(others(before));
    });

    it('is idempotent', () => {
      expect(applySectionEdit(expected, edit)).toBe(expected);
    });
  });
});
