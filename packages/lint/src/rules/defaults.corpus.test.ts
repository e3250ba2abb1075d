import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint } from '../lint';

const repoRoot = resolve(__dirname, '../../../..');
const corpusDir = resolve(repoRoot, '../shared/corpus/real');
const RULES = new Set(['core/default-file', 'core/template-variables']);

/** What a finding is about: the default name or the variable, from the end of its pointer. */
const subject = (pointer: string, message: string): string => (pointer.includes('/template_variables/') ? pointer.split('/').pop()! : /`([^`]+)`/.exec(message)![1]!);

/** Error-level findings Kometa itself fails on, by file prefix: the subjects, and why each is real. */
const EXPECTED_ERRORS: Readonly<Record<string, { readonly subjects: readonly string[]; readonly reason: string }>> = {
  '10-': {
    subjects: [
      'award/other', 'chart/other', 'resolution_standards', 'overlays/audio_language', 'overlays/oscars', 'overlays/imdb_top_250', 'overlays/mc_must_see',
      'overlays/rt_cert_fresh', 'overlays/special_release', 'chart/other', 'resolution_standards', 'overlays/audio_language', 'overlays/audio_language',
      'overlays/audio_language', 'overlays/imdb_top_250', 'overlays/imdb_top_250', 'overlays/imdb_top_250', 'overlays/mc_must_see', 'overlays/mc_must_see',
      'overlays/mc_must_see', 'overlays/rt_cert_fresh', 'overlays/rt_cert_fresh', 'overlays/rt_cert_fresh', 'overlays/special_release',
      'overlays/special_release', 'overlays/special_release',
    ],
    reason: 'a 2023 PMM 1.x config: `git: PMM/<name>` defaults that Kometa 2.x no longer has ("File Error: Default does not exist")',
  },
  '27-': {
    subjects: ['rating3', 'rating3'],
    reason: '`rating3: imdb` (the user meant `rating3_image: imdb`): ratings take critic/audience/user, and Kometa builds the search `imdb_rating`, which fails',
  },
  '46-': {
    subjects: ['rating', 'rating', 'rating', 'rating', 'record_label'],
    reason: '`default: rating` and `default: record_label` do not exist in Kometa ("File Error: Default does not exist")',
  },
};

/**
 * Warnings, each checked by hand against Kometa's default files: the variable is not read by that default
 * (a key it does not have, a builder or collection setting put into template_variables, a stale docs entry).
 */
const EXPECTED_WARNINGS: Readonly<Record<string, readonly string[]>> = {
  // overlay `network` reads horizontal_/vertical_align and offsets, not *_position (that is `languages`/`ratings`).
  '14-': Array(4).fill(['vertical_position', 'horizontal_position']).flat() as string[],
  // letterboxd has no key `top_250` (`imdb_top_250`, `top_500`); other_chart has no `anidb` key (stale docs, deep §10.3).
  '17-': ['visible_library_top_250', 'visible_home_top_250', 'visible_shared_top_250', 'use_anidb', 'use_anidb'],
  // `asset_directory` belongs on the file block, not in template_variables.
  '21-': ['asset_directory'],
  // show `network` is a smart-filter default without the `custom` template that reads sync_mode.
  '28-': ['sync_mode'],
  // `run_again`/`delete_not_scheduled` are collection settings (seasonal hard-codes the latter), `list_minimum` a
  // tautulli builder attribute; the repeats are libraries that reuse the same block through YAML aliases.
  '29-': [
    'run_again', 'delete_not_scheduled', 'list_minimum', 'list_minimum', 'run_again', 'delete_not_scheduled', 'list_minimum', 'list_minimum',
    'run_again', 'delete_not_scheduled', 'list_minimum', 'run_again', 'delete_not_scheduled', 'list_minimum',
  ],
  // universe builds from lists with the `custom` template (sync_mode, collection_order), no sort_by.
  '36-': ['sort_by', 'sort_by'],
  // tmdb's keys are popular/top/trending/airing/air; year's `starting`/`ending` belong under `data:`.
  '40-': ['use_top_rated', 'use_awards', 'starting', 'ending'],
  // ratings reads rating<N>_vertical_align, derived from vertical_position.
  '55-': ['vertical_align'],
};

const describeCorpus = existsSync(corpusDir) ? describe : describe.skip;
if (!existsSync(corpusDir)) console.warn(`Corpus not found at ${corpusDir}; skipping the defaults corpus test.`);

describeCorpus('defaults rules on the real configs (../shared/corpus/real)', () => {
  const files = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.yml')).sort() : [];
  const results = files.map((file) => {
    const text = readFileSync(join(corpusDir, file), 'utf8');
    const findings = lint(text, { file }).diagnostics.filter((d) => RULES.has(d.rule));
    return { file, findings };
  });

  it.each(files)('%s: only the named errors', (file) => {
    const { findings } = results.find((r) => r.file === file)!;
    const expected = Object.entries(EXPECTED_ERRORS).find(([prefix]) => file.startsWith(prefix))?.[1].subjects ?? [];
    expect(findings.filter((d) => d.severity === 'error').map((d) => subject(d.pointer, d.message)).sort()).toEqual([...expected].sort());
  });

  it.each(files)('%s: only the checked warnings', (file) => {
    const { findings } = results.find((r) => r.file === file)!;
    const expected = Object.entries(EXPECTED_WARNINGS).find(([prefix]) => file.startsWith(prefix))?.[1] ?? [];
    expect(findings.filter((d) => d.severity === 'warning').map((d) => subject(d.pointer, d.message)).sort()).toEqual([...expected].sort());
  });

  it('names only files that exist', () => {
    for (const prefix of [...Object.keys(EXPECTED_ERRORS), ...Object.keys(EXPECTED_WARNINGS)]) expect(files.some((f) => f.startsWith(prefix))).toBe(true);
  });
});
