import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { parsePointer } from '@pmm-config/plugin';
import { lint } from '../lint';
import type { LintResult } from '../types';
import { mutate, randomFrom } from '../../test/mutate';
import { applyFixes, isFixable } from './apply';
import { fixUntilStable, MAX_FIX_PASSES } from './loop';

/*
 * `--fix` on mutated real files: configs of ../shared/corpus/real and linked files of ../shared/corpus/files,
 * each with typing slips (as the fast-reader test makes them) and with what the fixes are for (legacy keys,
 * unquoted credentials and templates). Every pass is checked against an independent reading of the file (the
 * `yaml` package, not the fast reader the fix loop uses): the file still loads, nothing outside the edits moved,
 * and the data outside the fixed pointers is deep-equal. After the last pass no fixable finding is left.
 */

const repoRoot = resolve(__dirname, '../../../..');
const corpus = resolve(repoRoot, '../shared/corpus');
const list = (folder: string, take: number): string[] =>
  existsSync(join(corpus, folder)) ? readdirSync(join(corpus, folder)).filter((name) => name.endsWith('.yml')).sort().slice(0, take).map((name) => join(corpus, folder, name)) : [];
const files = [...list('real', 100), ...list('files', 40)];
if (files.length === 0) console.log(`corpus not found at ${corpus}; skipping the --fix property test`);

/** What the fixes exist for, written into the file the way old configs and hand edits have it. */
const FIXABLE_SLIPS: readonly ((source: string, random: (limit: number) => number) => string)[] = [
  (source) => source.replace(/\bsave_report:/, 'save_missing:').replace(/\bminimum_items:/, 'collection_minimum:'),
  (source) => source.replace(/(\n\s*-?\s*)default:/, '$1pmm:'),
  (source) => source.replace(/\boverlay_files:/, 'overlay_path:').replace(/\bcollection_files:/, 'metadata_path:'),
  (source, random) => source.replace(/\b(apikey|token|client_id|client_secret|pin): *("[^"\n]*"|'[^'\n]*'|[^\s#][^\n#]*)/, `$1: ${['0123', '12345678', '1e5', '0x1F', 'true', '9'.repeat(64)][random(6)]}`),
  (source) => source.replace(/\burl: *("[^"\n]*"|[^\s#][^\n#]*)/, 'url: {{ .URL }}'),
  (source, random) => source.replace(/^plex:\n/m, `plex:\n  ${['sync_mode: append', 'show_missing: true', 'save_missing: false', 'asset_directory: config/assets'][random(4)]}\n`),
];

const load = (text: string): unknown => {
  const doc = parseDocument(text, { merge: true, logLevel: 'silent' });
  return doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 1000 }) : undefined;
};

/** The data with the given pointers removed (list items blanked, so indexes stay), via a JSON copy. */
function without(data: unknown, pointers: readonly string[]): unknown {
  const copy = JSON.parse(JSON.stringify(data ?? null)) as unknown;
  for (const pointer of pointers) {
    const tokens = parsePointer(pointer);
    let node = copy as Record<string, unknown> | unknown[] | null;
    for (const token of tokens.slice(0, -1)) node = node && typeof node === 'object' ? ((node as Record<string, unknown>)[token] as typeof node) : null;
    const last = tokens[tokens.length - 1];
    if (Array.isArray(node)) node[Number(last)] = null;
    else if (node && typeof node === 'object') delete node[last];
  }
  return copy;
}

/** Checks one pass of fixes against the text it was applied to. */
function checkPass(before: string, result: LintResult): string {
  const { text: after, applied } = applyFixes(before, result.diagnostics);
  // Bytes outside the edits: the text between the edits comes through in order, shifted only by the edits.
  const edits = applied.flatMap((d) => [...d.fix.edits]).sort((a, b) => a.start - b.start);
  let shift = 0;
  let from = 0;
  for (const edit of [...edits, { start: before.length, end: before.length, text: '' }]) {
    expect(after.slice(from + shift, edit.start + shift)).toBe(before.slice(from, edit.start));
    shift += edit.text.length - (edit.end - edit.start);
    from = edit.end;
  }
  expect(after.length).toBe(before.length + shift);
  const data = load(after);
  expect(data).not.toBeUndefined();
  const pointers = applied.flatMap((d) => [...d.fix.pointers]);
  expect(without(data, pointers)).toEqual(without(load(before), pointers));
  return after;
}

(files.length === 0 ? describe.skip : describe)('--fix on mutated corpus files', () => {
  it(`keeps every property on ${files.length} files with 3 mutants each`, () => {
    const random = randomFrom(20261203);
    let fixedMutants = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (let i = 0; i < 3; i++) {
        let mutant = source;
        for (let slips = random(2); slips > 0; slips--) mutant = mutate(mutant, random);
        for (let slips = 1 + random(3); slips > 0; slips--) mutant = FIXABLE_SLIPS[random(FIXABLE_SLIPS.length)](mutant, random);
        if (load(mutant) === undefined) continue;
        const options = { file: 'config.yml' };
        const first = lint(mutant, options);
        // Every pass, checked on its own: the loop is then held to the same final text.
        let text = mutant;
        let result = first;
        let passes = 0;
        while (result.diagnostics.some(isFixable) && passes < MAX_FIX_PASSES) {
          text = checkPass(text, result);
          result = lint(text, options);
          passes++;
        }
        const outcome = fixUntilStable(first, (next) => lint(next, options));
        expect({ file, i, left: outcome.result.diagnostics.filter(isFixable).map((d) => d.rule) }).toEqual({ file, i, left: [] });
        expect(outcome.rejected).toEqual([]);
        expect(outcome.text).toBe(text);
        if (outcome.fixed.length > 0) fixedMutants++;
      }
    }
    // The mutations must give the fixes work to do, or the test would not be exercising them.
    expect(fixedMutants).toBeGreaterThan(files.length);
  });
});
