import type { Diagnostic } from '@pmm-config/plugin';
import { lint } from '../lint';
import { applyFixes } from './apply';
import { scrubDiagnostic } from '../scrub';
import { renderUnifiedDiff } from './diff';
import { fixUntilStable } from './loop';
import { sameDataOutside } from './same-data';

const BASE = 'plex:\n  url: http://plex:32400\n  token: env\ntmdb:\n  apikey: "0123456789abcdef"\nlibraries:\n  Movies:\n    collection_files:\n      - default: basic\n';
const lintText = (text: string) => lint(text, { file: 'config.yml' });
const fixText = (text: string) => fixUntilStable(lintText(text), lintText);

const finding = (fix: { start: number; end: number; text: string }[], rule = 'test/rule'): Diagnostic => ({
  rule,
  severity: 'warning',
  message: 'm',
  pointer: '/a',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  fix: { edits: fix, pointers: ['/a'] },
});

describe('applyFixes', () => {
  it('applies non-overlapping fixes in one go and leaves the rest of the text alone', () => {
    const out = applyFixes('abcdef', [finding([{ start: 4, end: 5, text: 'E' }]), finding([{ start: 0, end: 1, text: 'AA' }])]);
    expect(out.text).toBe('AAbcdEf');
    expect(out.deferred).toEqual([]);
  });

  it('keeps the first of two overlapping fixes and defers the other (ESLint)', () => {
    const first = finding([{ start: 1, end: 3, text: 'X' }], 'first');
    const second = finding([{ start: 2, end: 4, text: 'Y' }], 'second');
    const out = applyFixes('abcdef', [second, first]);
    expect(out.text).toBe('aXdef');
    expect(out.applied.map((d) => d.rule)).toEqual(['first']);
    expect(out.deferred.map((d) => d.rule)).toEqual(['second']);
  });

  it('applies all edits of a fix or none: a fix spanning another one waits for the next pass', () => {
    const wide = finding([{ start: 0, end: 0, text: '"' }, { start: 6, end: 6, text: '"' }], 'wide');
    const inner = finding([{ start: 2, end: 3, text: 'C' }], 'inner');
    const out = applyFixes('abcdef', [inner, wide]);
    expect(out.text).toBe('"abcdef"');
    expect(out.deferred.map((d) => d.rule)).toEqual(['inner']);
  });
});

describe('sameDataOutside', () => {
  it('ignores the fixed pointers and below, on either side', () => {
    expect(sameDataOutside({ a: { old: 1 }, b: [1, 2] }, { a: { new: 1 }, b: [1, 2] }, ['/a/old', '/a/new'])).toBe(true);
    expect(sameDataOutside({ a: 1, b: [1, 2] }, { a: 2, b: [1, 3] }, ['/a'])).toBe(false);
    expect(sameDataOutside({ a: 1 }, { a: 1, extra: null }, [])).toBe(false);
    expect(sameDataOutside({ list: [{ x: 1 }] }, { list: [{ x: '1' }] }, ['/list/0/x'])).toBe(true);
  });
});

describe('fixUntilStable with the real rules', () => {
  it('renames legacy keys in place, keeping comments and quoting', () => {
    const out = fixText(`${BASE}settings:\n  collection_minimum: 2 # min\n  'save_missing': true\n`);
    expect(out.text).toBe(`${BASE}settings:\n  minimum_items: 2 # min\n  save_report: true\n`);
    expect(out.fixed.map((d) => d.rule)).toEqual(['core/deprecated-key', 'core/deprecated-key']);
    expect(out.result.diagnostics).toEqual([]);
  });

  it('leaves a rename whose new name is taken: Kometa would overwrite it', () => {
    const text = `${BASE}settings:\n  save_missing: true\n  save_report: false\n`;
    const result = lintText(text);
    expect(result.diagnostics.find((d) => d.rule === 'core/deprecated-key')?.fix).toBeUndefined();
    expect(fixText(text).text).toBe(text);
  });

  it('copies metadata_path into collection_files and metadata_files, as Kometa does, with CRLF kept', () => {
    const text = 'plex:\r\n  url: http://plex:32400\r\n  token: env\r\ntmdb:\r\n  apikey: "0123456789abcdef"\r\nlibraries:\r\n  Movies:\r\n    metadata_path:\r\n      - file: a.yml # mine\r\n';
    const out = fixText(text);
    expect(out.text).toBe(text.replace('metadata_path:\r\n      - file: a.yml # mine\r\n', 'collection_files:\r\n      - file: a.yml # mine\r\n    metadata_files:\r\n      - file: a.yml # mine\r\n'));
  });

  it('quotes unquoted credentials; one finding per value (the schema no longer adds schema/type)', () => {
    const text = 'plex:\n  url: http://plex:32400\n  token: 0123\ntmdb:\n  apikey: 12345678\nlibraries:\n  Movies:\n    collection_files:\n      - default: basic\n';
    const before = lintText(text);
    expect(before.diagnostics.map((d) => `${d.rule} ${d.severity} ${d.pointer}`)).toEqual(['core/unquoted-secret error /plex/token', 'core/unquoted-secret warning /tmdb/apikey']);
    // The edits insert quotes around the value, so json and SARIF never print the secret.
    expect(before.diagnostics[0].fix?.edits.map((edit) => edit.text)).toEqual(['"', '"']);
    expect(fixText(text).text).toBe(text.replace('0123', '"0123"').replace('12345678', '"12345678"'));
  });

  it('refuses a fix inside an anchor and one reached through a merge, and says why', () => {
    const text = `${BASE}base: &base\n  save_missing: true\nsettings:\n  <<: *base\n`;
    const legacy = lintText(text).diagnostics.find((d) => d.rule === 'core/deprecated-key');
    expect(legacy?.fix).toBeUndefined();
    expect(legacy?.hint).toContain('Not fixed automatically: it comes in through an alias (`*name`) or a `<<` merge');
    const anchored = lintText(`${BASE.replace('token: env', 'token: &t 0123')}omdb:\n  apikey: "x"\n`).diagnostics.find((d) => d.rule === 'core/unquoted-secret');
    expect(anchored?.fix).toBeUndefined();
    expect(anchored?.hint).toContain('Not fixed automatically: it is written inside a YAML anchor');
  });

  it('a disable comment suppresses the finding and so its fix', () => {
    const text = `${BASE}settings:\n  save_missing: true # pmm-config-disable-line core/deprecated-key\n`;
    expect(fixText(text).text).toBe(text);
  });

  it('quotes an unquoted template with the quote it does not contain', () => {
    const out = fixText(BASE.replace('url: http://plex:32400', 'url: {{ .URL }}'));
    expect(out.text).toBe(BASE.replace('url: http://plex:32400', 'url: "{{ .URL }}"'));
  });
});

describe('renderUnifiedDiff', () => {
  it('masks secrets on both sides but shows the quotes a fix added', () => {
    const diff = renderUnifiedDiff('config.yml', 'tmdb:\n  apikey: 12345678\n', 'tmdb:\n  apikey: "12345678"\n');
    expect(diff).toBe('--- a/config.yml\n+++ b/config.yml\n@@ -1,2 +1,2 @@\n tmdb:\n-  apikey: ********\n+  apikey: "********"\n');
  });

  it('is empty when nothing changes', () => {
    expect(renderUnifiedDiff('config.yml', 'a: 1\n', 'a: 1\n')).toBe('');
  });
});

describe('secrets in fixes', () => {
  it('drops a fix or suggestion whose edit would print a secret', () => {
    const leaking: Diagnostic = {
      ...finding([{ start: 0, end: 4, text: 'key: abcd1234' }]),
      suggestions: [{ message: 'Rename', edits: [{ start: 0, end: 1, text: 'x abcd1234' }] }, { message: 'Keep', edits: [{ start: 0, end: 1, text: 'y' }] }],
    };
    const scrubbed = scrubDiagnostic(leaking, ['abcd1234']);
    expect(scrubbed.fix).toBeUndefined();
    expect(scrubbed.suggestions?.map((s) => s.message)).toEqual(['Keep']);
    expect(scrubDiagnostic(finding([{ start: 0, end: 0, text: '"' }]), ['abcd1234']).fix?.edits).toHaveLength(1);
  });
});
