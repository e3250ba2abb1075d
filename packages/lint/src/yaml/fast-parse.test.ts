import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { parseCommonYaml } from './fast-parse';
import { PARSE_LIMITS } from './parsed-config';
import { buildSourceMap, type SourceMap, type Span } from './source-map';
import { mutate, randomFrom } from '../../test/mutate';

/*
 * The fast reader is held to the `yaml` package: whenever it reads a file, its data, source map, anchors and
 * depth must be the full parser's, and it must never read a file the full parser reports anything on.
 */

const repoRoot = resolve(__dirname, '../../../..');
const corpusDir = resolve(repoRoot, '../shared/corpus/real');

interface FullResult {
  readonly clean: boolean;
  readonly data: unknown;
  readonly map: SourceMap;
}

function fullParse(source: string): FullResult {
  const doc = parseDocument(source, { merge: true, uniqueKeys: true, prettyErrors: false, logLevel: 'silent', keepSourceTokens: false });
  const map = buildSourceMap(doc, PARSE_LIMITS.maxDepth);
  let data: unknown;
  let loads = true;
  try {
    data = doc.toJS({ maxAliasCount: PARSE_LIMITS.maxAliasCount });
  } catch {
    loads = false;
  }
  const clean = loads && doc.errors.length === 0 && doc.warnings.length === 0 && map.duplicates.length === 0 && map.unquotedTemplates.length === 0;
  return { clean, data, map };
}

/** A block collection's span is only ever used up to the end of its first line (locate.ts); compare that part. */
function firstLine(source: string, [start, end]: Span): Span {
  const newline = source.indexOf('\n', start);
  if (newline === -1 || newline >= end) return [start, end];
  return [start, Math.max(start + 1, source[newline - 1] === '\r' ? newline - 1 : newline)];
}

function comparable(source: string, map: SourceMap) {
  const entries: Record<string, unknown> = {};
  for (const [pointer, entry] of map.entries) {
    entries[pointer] = {
      key: entry.key,
      value: entry.value && firstLine(source, entry.value),
      style: entry.style,
      alias: entry.alias && firstLine(source, entry.alias),
      merges: entry.merges?.map((span) => firstLine(source, span)),
    };
  }
  return { entries, anchors: [...map.anchors].sort(), depth: map.depth };
}

type Outcome = 'read' | 'left to the full parser';

/** Reads `source` both ways; fails the test when the fast reader disagrees with the full parser. */
function check(source: string): Outcome {
  const fast = parseCommonYaml(source);
  if (!fast) return 'left to the full parser';
  const full = fullParse(source);
  expect(full.clean).toBe(true);
  expect(fast.data).toStrictEqual(full.data);
  expect(comparable(source, fast.map)).toStrictEqual(comparable(source, full.map));
  return 'read';
}

describe('parseCommonYaml: the subset it reads, exactly as the yaml package does', () => {
  it.each([
    ['nested mappings and comments', 'plex:  # the server\n  url: http://192.168.1.2:32400\n  token: abc # trailing\n\n# between\ntmdb:\n  apikey: k\n'],
    ['indentless and indented sequences', 'libraries:\n  Movies:\n    collection_files:\n    - file: a.yml\n    - default: imdb\n      template_variables:\n        use_x: false\n  Shows:\n    overlay_files:\n      - pmm: ribbon\n      -\n'],
    ['scalars of the core schema', 'a: 1\nb: -2\nc: 0o17\nd: 0x1F\ne: 1.5\nf: .inf\ng: -.Inf\nh: 1e3\ni: true\nj: False\nk: ~\nl: null\nm: yes\nn: 08\no: 1_000\np: +12\nq: 3.\nr: .nan\n'],
    ['quoted scalars with escapes', `a: "tab\\there \\"q\\" \\u00e9 \\x41 \\\\ \\/"\nb: 'it''s # not a comment'\n"quoted key": 1\n'single key': 2\n`],
    ['blank values', 'a:\nb: # note\nc:\n  - \nd: ""\n'],
    ['flow collections on one line', 'a: [1, "two", three]\nb: {x: 1, y: [2, 3]}\nc: []\nd: {}\ne: [ spaced , items ]\n'],
    ['anchors, aliases and merge keys', 'base: &base\n  timeout: 60\n  clean: true\nplex:\n  <<: *base\n  timeout: 30\nother:\n  clean: false\n  <<: [*base]\nlist: &l [a, b]\nagain: *l\nname: &n value\nref: *n\n'],
    ['numeric keys and odd plain keys', '2023:\n  x: 1\n-5: a\nkey with spaces: b\nplaylist#_files: c\n-dash: d\n'],
    ['CRLF line endings', 'plex:\r\n  url: http://x\r\n  list:\r\n  - a\r\n'],
    ['no final newline', 'plex:\n  url: http://x'],
    ['a --- document start', '--- # start\nplex:\n  url: http://x\n'],
    ['a tab inside a comment', 'a: 1 # a\ttab\n#\tcomment line\n'],
    ['a compact mapping with nested blocks', 'list:\n- name: x\n  items:\n    - 1\n  more:\n  - 2\n-\n'],
    ['a root indented by two spaces', '  a: 1\n  b: 2\n'],
    ['URLs, colons and hashes inside plain values', 'url: http://host:8080/path#frag\ntime: 12:30\ncolor: "#fff"\n'],
  ])('%s', (_, source) => {
    expect(check(source)).toBe('read');
  });

  it('applies merge keys as the yaml package does: keys in the mapping win, earlier sources win', () => {
    const source = 'a: &a {k: 1, m: 1}\nb: &b {k: 2, n: 2}\nc:\n  k: 0\n  <<: [*a, *b]\nd:\n  <<: *a\n  k: 9\n';
    expect(check(source)).toBe('read');
    expect(parseCommonYaml(source)?.data).toMatchObject({ c: { k: 0, m: 1, n: 2 }, d: { k: 9, m: 1 } });
  });
});

describe('parseCommonYaml: everything else is left to the full parser', () => {
  it.each([
    ['a block scalar', 'a: |\n  text\n'],
    ['a folded block scalar', 'a: >-\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['a multi-line flow sequence', 'a: [1,\n  2]\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a custom tag', 'a: !env X\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['a tab inside a value', 'a: x\ty\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an unquoted template', 'a: {{ .X }}\n'],
    ['a BOM', '\uFEFFa: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a complex key', '? a\n: 1\n'],
    ['an anchor name ending in a colon', 'a: &x: 1\n'],
    ['an undefined alias', 'a: *nothing\n'],
    ['two merge keys in one mapping', 'x: &x {a: 1}\ny:\n  <<: *x\n  <<: *x\n'],
    ['a mapping in a scalar position', 'a: b: c\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a sequence on the key line', 'a: - 1\n'],
    ['a compact nested sequence', 'a:\n- - 1\n'],
    ['a trailing comma in flow', 'a: [1, 2,]\n'],
    ['a key that is a boolean', 'true: 1\n'],
    ['an empty file', ''],
    ['a comment-only file', '# nothing\n'],
    ['a scalar document', 'just text\n'],
    ['an alias bomb', `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: &c [${Array(10).fill('*b').join(', ')}]\nd: [${Array(11).fill('*c').join(', ')}]\n`],
    ['nesting beyond the fast depth', `${Array.from({ length: 70 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n')} 1\n`],
  ])('%s', (_, source) => {
    expect(parseCommonYaml(source)).toBeUndefined();
  });
});

/** A config using every construct the fast reader knows, so the mutation test has material without the corpus. */
const FEATURES = readFileSync(join(repoRoot, 'examples/config.yml'), 'utf8').concat(
  '\nanchors: &shared\n  url: http://x:1/y#z\n  list: [1, "two", {k: v}]\n  quoted: \'it\'\'s\'\nmerged:\n  <<: *shared\n  extra:\n  - a\n  - b: 1\n    c: ~\n',
);

describe('parseCommonYaml against the yaml package on mutated configs', () => {
  const sources = [FEATURES, ...(existsSync(corpusDir) ? readdirSync(corpusDir).filter((name) => name.endsWith('.yml')).sort().map((name) => readFileSync(join(corpusDir, name), 'utf8')) : [])];

  it(`agrees on ${sources.length} configs with 30 mutants each (or leaves them to it)`, () => {
    const random = randomFrom(20261128);
    const outcomes: Record<Outcome, number> = { read: 0, 'left to the full parser': 0 };
    for (const source of sources) {
      for (let i = 0; i < 30; i++) {
        let mutant = source;
        for (let slips = 1 + random(3); slips > 0; slips--) mutant = mutate(mutant, random);
        outcomes[check(mutant)]++;
      }
    }
    // Both outcomes must occur, or the test would not be exercising the comparison.
    expect(outcomes.read).toBeGreaterThan(sources.length * 10);
    expect(outcomes['left to the full parser']).toBeGreaterThan(sources.length * 10);
  });
});

const corpus = existsSync(corpusDir) ? readdirSync(corpusDir).filter((name) => name.endsWith('.yml')).sort() : [];
if (corpus.length === 0) console.log(`corpus not found at ${corpusDir}; skipping the fast-reader corpus test`);

(corpus.length === 0 ? describe.skip : describe)('parseCommonYaml on the real-config corpus', () => {
  it('reads all but a few real configs fast, exactly as the yaml package does', () => {
    const leftOver = corpus.filter((name) => check(readFileSync(join(corpusDir, name), 'utf8')) !== 'read');
    // Real configs that need the full parser: a tab in a scalar, odd anchors and the like. Most must not.
    expect(leftOver.length).toBeLessThanOrEqual(Math.ceil(corpus.length / 10));
  });
});
