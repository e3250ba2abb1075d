import { findings, lintText } from '../../test/helpers';
import { locate, toRange } from './locate';
import { parseConfig, PARSE_LIMITS } from './parse';

describe('parseConfig: YAML Kometa accepts', () => {
  it.each([
    ['CRLF line endings', 'plex:\r\n  url: http://x\r\ntmdb:\r\n  apikey: k\r\n'],
    ['no final newline', 'plex:\n  url: http://x\ntmdb:\n  apikey: k'],
    ['a UTF-8 BOM', '\uFEFFplex:\n  url: http://x\n'],
    ['a --- document start', '---\nplex:\n  url: http://x\n'],
    ['a # inside a plain key', 'playlist#_files:\n  - file: x.yml\n'],
    ['trailing spaces after a key', 'settings:  \n  cache: true\n'],
    ['an empty file', ''],
  ])('parses %s without findings', (_, text) => {
    const parsed = parseConfig(text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.fatal).toBe(false);
  });

  it('reads YAML 1.2: yes stays text, true is a boolean', () => {
    expect(parseConfig('a: yes\nb: true\n').data).toEqual({ a: 'yes', b: true });
  });

  it('applies merge keys and keeps positions at the merge site', () => {
    const source = 'base: &b\n  cache: true\nsettings:\n  <<: *b\n  sync_mode: sync\n';
    const parsed = parseConfig(source);
    expect(parsed.data).toEqual({ base: { cache: true }, settings: { cache: true, sync_mode: 'sync' } });
    const range = toRange(parsed.lines, locate(parsed.map, source, '/settings/cache', 'key'));
    expect(range).toMatchObject({ line: 4, column: 3 });
  });

  it('maps a pointer reached through an alias to the alias', () => {
    const source = 'libraries:\n  Movies: &m\n    collection_files:\n      - default: basic\n  Other: *m\n';
    const parsed = parseConfig(source);
    const range = toRange(parsed.lines, locate(parsed.map, source, '/libraries/Other/collection_files/0/default', 'key'));
    expect(range).toMatchObject({ line: 5, column: 10 });
  });

  it('gives the 1-based key and value ranges of a pointer', () => {
    const source = 'plex:\n  timeout: abc\n';
    const parsed = parseConfig(source);
    expect(toRange(parsed.lines, locate(parsed.map, source, '/plex/timeout', 'key'))).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 10 });
    expect(toRange(parsed.lines, locate(parsed.map, source, '/plex/timeout', 'value'))).toEqual({ line: 2, column: 12, endLine: 2, endColumn: 15 });
  });
});

describe('parseConfig: YAML mistakes become findings', () => {
  it('reports a duplicate key naming the first occurrence', () => {
    const result = lintText('libraries:\n  Movies:\n    schedule: daily\n  Movies:\n    schedule: daily\n');
    expect(findings(result, 'yaml/duplicate-key')).toEqual([
      expect.objectContaining({ line: 4, column: 3, severity: 'error', pointer: '/libraries', message: expect.stringContaining('already defined on line 2') }),
    ]);
  });

  it('reports a tab with Kometa’s wording', () => {
    const result = lintText('settings:\n\tcache: true\n');
    expect(findings(result, 'yaml/tab')[0]).toMatchObject({ line: 2, column: 1, severity: 'error', message: 'Tabs are not allowed in YAML files; only spaces are allowed.' });
  });

  it.each([
    ['a tab before a list item', 'libraries:\n  Movies:\n    collection_files:\n\t- default: imdb\n', [[4, 1]]],
    ['a tab after spaces', 'libraries:\n  Movies:\n    collection_files:\n \t    - default: imdb\n      - default: x\n', [[4, 2]]],
    ['two tab lines', 'libraries:\n  Movies:\n    collection_files:\n\t- default: imdb\n\t- default: x\n', [[4, 1], [5, 1]]],
  ])('reports %s once per tab, with no syntax errors in its wake', (_, text, positions) => {
    const yaml = lintText(text).diagnostics.filter((d) => d.rule.startsWith('yaml/'));
    expect(yaml.map((d) => [d.rule, d.line, d.column])).toEqual(positions.map(([line, column]) => ['yaml/tab', line, column]));
  });

  it('allows a tab inside a comment', () => {
    expect(lintText('settings: # a\tcomment\n  cache: true\n').diagnostics.filter((d) => d.rule.startsWith('yaml/'))).toEqual([]);
  });

  it('hints at a missing space after the colon', () => {
    const result = lintText('libraries:\n  Movies:\n    operations:\n      split_duplicates: true\n      delete_collections_with_less:2\n');
    const [finding] = findings(result, 'yaml/syntax');
    expect(finding).toMatchObject({ line: 5, column: 7, severity: 'error' });
    expect(finding.hint).toContain("Add a space after ':'");
    expect(finding.hint).toContain('delete_collections_with_less: 2');
  });

  it('explains a key with a value that also has indented children', () => {
    const result = lintText('webhooks: (redacted)\n  error: (redacted)\n  run_start: x\n');
    const [finding, ...rest] = findings(result, 'yaml/syntax');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 1, column: 11, pointer: '/webhooks' });
    expect(finding.message).toContain('line 2 is indented under it');
  });

  it('explains two lines glued together', () => {
    const result = lintText('libraries:\n  Movies:\n    collection_files:\n      - default: x\n        template_variables:\n          visible: true      - pmm: razzie\n');
    const [finding] = findings(result, 'yaml/syntax');
    expect(finding.line).toBe(6);
    expect(finding.message).toContain('glued together');
    expect(finding.hint).toContain('- pmm: razzie');
  });

  it('reports an unknown tag as an error at the tag, pointing at its key', () => {
    const result = lintText('plex:\n  token: !env_var PLEX_TOKEN\n');
    expect(findings(result, 'yaml/unknown-tag')).toEqual([
      expect.objectContaining({ line: 2, column: 10, severity: 'error', pointer: '/plex/token', hint: expect.stringContaining('<<NAME>>') }),
    ]);
  });

  it('tells to quote a value that starts with !', () => {
    const result = lintText('libraries:\n  Movies:\n    template_variables:\n      sort_prefix: !021\n');
    const [finding] = findings(result, 'yaml/unknown-tag');
    expect(finding).toMatchObject({ line: 4, column: 20, pointer: '/libraries/Movies/template_variables/sort_prefix' });
    expect(finding.hint).toContain("'!021'");
  });

  it('warns about an unquoted {{ }} template', () => {
    const result = lintText('plex:\n  token: {{ .PLEX_TOKEN }}\n');
    expect(findings(result, 'yaml/unquoted-template')).toEqual([expect.objectContaining({ line: 2, column: 10, severity: 'warning', pointer: '/plex/token' })]);
  });

  it('never echoes a secret value in a parser message', () => {
    const result = lintText('plex:\n  token:s3cr3tvalue\n  url: x\n');
    for (const d of result.diagnostics) expect(`${d.message} ${d.hint ?? ''}`).not.toContain('s3cr3tvalue');
  });

  it('keeps only the first structural error of a cascade', () => {
    const result = lintText('a:\n  b: 1\n c: 2\n    d: 3\n  e: [\n');
    expect(findings(result, 'yaml/syntax')).toHaveLength(1);
  });
});

describe('parseConfig: hostile input stays bounded', () => {
  it('stops an alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill('*' + String.fromCharCode(97 + i)).join(',')}]`);
    const started = Date.now();
    const result = lintText(lines.join('\n') + '\n');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(findings(result, 'yaml/alias-limit')).toEqual([expect.objectContaining({ severity: 'error', line: 1 })]);
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const depth = PARSE_LIMITS.maxDepth + 50;
    const text = 'a: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n';
    const result = lintText(text);
    expect(result.errorCount).toBeGreaterThan(0);
    expect(result.diagnostics.some((d) => d.rule === 'yaml/too-deep')).toBe(true);
  });

  it('refuses a file far larger than any config', () => {
    const result = lintText('a: ' + 'x'.repeat(PARSE_LIMITS.maxBytes) + '\n');
    expect(findings(result, 'yaml/too-large')).toHaveLength(1);
  });
});

describe('parser findings on secret lines', () => {
  it('does not echo a tagged secret in the hint', () => {
    const result = lintText('plex:\n  token: !x s3cr3tvalue99\n');
    const [finding] = findings(result, 'yaml/unknown-tag');
    expect(finding).toBeDefined();
    expect(`${finding.message} ${finding.hint}`).not.toContain('s3cr3tvalue99');
  });

  it('stops the pointer at the secret key when a parse error makes the secret look like a key', () => {
    const result = lintText('tmdb:\n  apikey: s3cr3tKeyValue99: oops\nplex:\n  token: "s3cr3tPlexToken77\n');
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) {
      expect(JSON.stringify(d)).not.toMatch(/s3cr3t|Value99|Token77/);
    }
    expect(findings(result, 'yaml/syntax')[0].pointer).toBe('/tmdb/apikey');
  });
});

describe('more parser hints', () => {
  it('points an unclosed quote at its opening quote', () => {
    const [finding] = findings(lintText('settings:\n  tvdb_language: "en\n  cache: true\n'), 'yaml/syntax');
    expect(finding).toMatchObject({ line: 2, column: 18 });
    expect(finding.message).toContain('double quote is never closed');
  });

  it('tells to quote a value that contains ": "', () => {
    const [finding] = findings(lintText('plex:\n  url: http://plex: 32400\n'), 'yaml/syntax');
    expect(finding).toMatchObject({ line: 2, column: 8 });
    expect(finding.hint).toBe('Quote the value: `url: "http://plex: 32400"`');
  });

  it('names the columns of list items that do not line up', () => {
    const [finding] = findings(lintText('libraries:\n  Movies:\n    metadata_path:\n         - file: a.yml\n      - file: b.yml\n'), 'yaml/syntax');
    expect(finding).toMatchObject({ line: 5, column: 7 });
    expect(finding.message).toBe('This list item starts in column 7, but the item on line 4 starts in column 10.');
  });
});
