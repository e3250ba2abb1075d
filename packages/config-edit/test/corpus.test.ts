import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { applySectionEdit, ConfigEditError, readSection } from '../src/index';
import type { SectionEdit } from '../src/index';
import { diffLines, sectionLineRange } from './line-diff';

const REPO_ROOT = resolve(__dirname, '../../..');
const CORPUS = join(resolve(REPO_ROOT, '../shared/corpus'), 'real');

const EDIT: SectionEdit = {
  section: 'trakt',
  set: [
    [
      'authorization',
      [
        ['access_token', 'c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff'],
        ['token_type', 'Bearer'],
        ['expires_in', 86400],
        ['refresh_token', '7e57'],
        ['scope', 'public'],
        ['created_at', 1764330000],
      ],
    ],
    ['pin', null],
  ],
};

const MAL_EDIT: SectionEdit = {
  section: 'mal',
  set: [
    [
      'authorization',
      [
        ['access_token', 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.c0ffee'],
        ['token_type', 'Bearer'],
        ['expires_in', 2678400],
        ['refresh_token', 'def50200c0ffee'],
      ],
    ],
  ],
};

const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => /\.ya?ml$/.test(name)).sort() : [];
const withTrakt = files.filter((name) => readSection(readFileSync(join(CORPUS, name), 'utf8'), 'trakt') !== undefined);

if (!existsSync(CORPUS)) {
  console.log(`config-edit corpus tests skipped: ${CORPUS} does not exist`);
}

(existsSync(CORPUS) ? describe : describe.skip)('real configs (../shared/corpus/real)', () => {
  it('has configs with a trakt section to edit', () => {
    expect(withTrakt.length).toBeGreaterThan(20);
  });

  // describe.skip still runs this body to collect tests, and `.each([])` throws: define nothing without a corpus.
  if (withTrakt.length > 0) describe.each(withTrakt)('%s', (name) => {
    const input = readFileSync(join(CORPUS, name), 'utf8');
    const output = applySectionEdit(input, EDIT);

    it('changes only lines inside trakt:', () => {
      const before = sectionLineRange(input, 'trakt');
      const after = sectionLineRange(output, 'trakt');
      expect(before).toBeDefined();
      expect(after).toBeDefined();
      const outside = diffLines(input, output).filter((change) => {
        const range = change.side === 'removed' ? before : after;
        return range === undefined || change.index < range.start || change.index >= range.end;
      });
      expect(outside).toEqual([]);
      expect(output.slice(0, output.indexOf('trakt:'))).toBe(input.slice(0, input.indexOf('trakt:')));
    });

    it('re-parses with the new authorization and everything else equal', () => {
      const oldData = parse(input, { merge: true, maxAliasCount: -1 }) as Record<string, unknown>;
      const newData = parse(output, { merge: true, maxAliasCount: -1 }) as Record<string, Record<string, unknown>>;
      expect(newData.trakt?.authorization).toEqual({
        access_token: 'c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff',
        token_type: 'Bearer',
        expires_in: 86400,
        refresh_token: '7e57',
        scope: 'public',
        created_at: 1764330000,
      });
      expect(newData.trakt?.pin).toBeNull();
      const without = (data: object | undefined, ...keys: string[]): Record<string, unknown> =>
        Object.fromEntries(Object.entries(data ?? {}).filter(([key]) => !keys.includes(key)));
      expect(without(newData, 'trakt')).toEqual(without(oldData, 'trakt'));
      expect(without(newData.trakt, 'authorization', 'pin')).toEqual(without(oldData.trakt as object, 'authorization', 'pin'));
    });

    it('keeps line endings and the final newline', () => {
      expect(output.includes('\r\n')).toBe(input.includes('\r\n'));
      expect(output.endsWith('\n')).toBe(input.endsWith('\n'));
    });
  });
});

(existsSync(CORPUS) ? describe : describe.skip)('real configs with a mal: section', () => {
  const withMal = files.filter((name) => readSection(readFileSync(join(CORPUS, name), 'utf8'), 'mal') !== undefined);

  it('has configs with a mal section to edit', () => {
    expect(withMal.length).toBeGreaterThan(5);
  });

  if (withMal.length > 0) it.each(withMal)('%s: only lines inside mal: change and the four keys read back', (name) => {
    const input = readFileSync(join(CORPUS, name), 'utf8');
    const output = applySectionEdit(input, MAL_EDIT);
    const before = sectionLineRange(input, 'mal');
    const after = sectionLineRange(output, 'mal');
    const outside = diffLines(input, output).filter((change) => {
      const range = change.side === 'removed' ? before : after;
      return range === undefined || change.index < range.start || change.index >= range.end;
    });
    expect(outside).toEqual([]);
    const data = parse(output, { merge: true, maxAliasCount: -1 }) as Record<string, Record<string, unknown>>;
    expect(data.mal?.authorization).toEqual({
      access_token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.c0ffee',
      token_type: 'Bearer',
      expires_in: 2678400,
      refresh_token: 'def50200c0ffee',
    });
  });
});

const BROKEN = join(CORPUS, 'broken');

(existsSync(BROKEN) ? describe : describe.skip)('broken real configs (../shared/corpus/real/broken)', () => {
  const broken = existsSync(BROKEN) ? readdirSync(BROKEN).filter((name) => /\.ya?ml$/.test(name)).sort() : [];

  if (broken.length > 0) it.each(broken)('%s: refused with a code, or edited into a config that still parses', (name) => {
    const input = readFileSync(join(BROKEN, name), 'utf8');
    let output: string | undefined;
    try {
      output = applySectionEdit(input, EDIT);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigEditError);
      expect((error as ConfigEditError).code).toMatch(/^CONFIG_EDIT_/);
      return;
    }
    expect(parseDocument(output, { merge: true, uniqueKeys: true }).errors).toEqual([]);
    expect(readSection(output, 'trakt')).toMatchObject({ pin: null });
  });
});
