import { BASE, findings, lintText } from '../test/helpers';
import { findDirectives, isSuppressed } from './directives';

const UNKNOWN_KEY = [{ instancePath: '', schemaPath: '#/additionalProperties', keyword: 'additionalProperties', params: { additionalProperty: 'extra' }, message: '' }];

describe('findDirectives', () => {
  it('reads the four directives, their rules, reasons and columns', () => {
    const source = [
      'a: 1  # pmm-config-disable-line schema/unknown-key, core/schedule -- read by a script',
      '# pmm-config-disable-next-line',
      '  #pmm-config-disable trakt/token-expired',
      '# pmm-config-enable',
      'url: "http://x # pmm-config-disable-line"',
      '# pmm-config-disabled is not a directive',
    ].join('\n');
    expect(findDirectives(source)).toEqual([
      { kind: 'disable-line', line: 1, column: 9, rules: [{ id: 'schema/unknown-key', column: 33 }, { id: 'core/schedule', column: 53 }] },
      { kind: 'disable-next-line', line: 2, column: 3, rules: [] },
      { kind: 'disable', line: 3, column: 4, rules: [{ id: 'trakt/token-expired', column: 23 }] },
      { kind: 'enable', line: 4, column: 3, rules: [] },
      // Line 5: the text inside a quoted value, followed by the closing quote, is not a directive.
    ]);
  });

  it('finds nothing in a config without the word', () => {
    expect(findDirectives(BASE)).toEqual([]);
  });
});

describe('isSuppressed', () => {
  const directives = findDirectives(
    ['x: 1 # pmm-config-disable-line a/one', '# pmm-config-disable-next-line', 'y: 2', '# pmm-config-disable a/two', 'z: 3', '# pmm-config-enable a/two', 'w: 4'].join('\n'),
  );

  it.each([
    ['a/one on its line', 'a/one', 1, true],
    ['another rule on that line', 'a/two', 1, false],
    ['every rule on the next line', 'b/any', 3, true],
    ['a rule inside its disabled block', 'a/two', 5, true],
    ['another rule inside the block', 'a/one', 5, false],
    ['the rule after enable', 'a/two', 7, false],
  ])('%s', (_, rule, line, expected) => {
    expect(isSuppressed(directives, { rule, line })).toBe(expected);
  });
});

describe('directives in lint results', () => {
  it('switch off the named finding only', () => {
    const text = `${BASE}extra: 1 # pmm-config-disable-line schema/unknown-key\n`;
    expect(findings(lintText(text, {}, UNKNOWN_KEY), 'schema/unknown-key')).toEqual([]);
    expect(findings(lintText(`${BASE}extra: 1 # pmm-config-disable-line core/schedule\n`, {}, UNKNOWN_KEY), 'schema/unknown-key')).toHaveLength(1);
  });

  it('report a rule id that does not exist, with the closest one', () => {
    const result = lintText(`${BASE}extra: 1 # pmm-config-disable-line schema/unknown-kye\n`, {}, UNKNOWN_KEY);
    expect(findings(result, 'core/disable-directive')).toEqual([
      expect.objectContaining({ line: 6, column: 36, severity: 'warning', hint: 'Did you mean `schema/unknown-key`?' }),
    ]);
    expect(findings(result, 'schema/unknown-key')).toHaveLength(1);
  });

  it('never hide a file Kometa cannot load', () => {
    const result = lintText('# pmm-config-disable\nplex: [\n');
    expect(result.errorCount).toBeGreaterThan(0);
    expect(result.diagnostics[0].rule).toBe('yaml/syntax');
  });
});
