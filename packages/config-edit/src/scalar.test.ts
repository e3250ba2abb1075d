import { parse } from 'yaml';
import { ConfigEditError } from './errors';
import { formatKey, formatScalar } from './scalar';

describe('formatScalar', () => {
  it.each([
    ['abc123', 'abc123'],
    ['Bearer', 'Bearer'],
    ['public', 'public'],
    ['<<TRAKT_CLIENT_ID>>', '<<TRAKT_CLIENT_ID>>'],
    ['f00d-BEEF_42', 'f00d-BEEF_42'],
  ])('leaves the safe string %j plain', (input, expected) => {
    expect(formatScalar(input)).toBe(expected);
  });

  it.each([
    ['12345678', '"12345678"'],
    ['1e3', '"1e3"'],
    ['0x1F', '"0x1F"'],
    ['true', '"true"'],
    ['yes', '"yes"'],
    ['off', '"off"'],
    ['null', '"null"'],
    ['~', '"~"'],
    ['', '""'],
    [' padded ', '" padded "'],
    ['a: b', '"a: b"'],
    ['a #b', '"a #b"'],
    ['#hash', '"#hash"'],
    ['*alias', '"*alias"'],
    ['&anchor', '"&anchor"'],
    ['!tag', '"!tag"'],
    ['- item', '"- item"'],
    ['[x]', '"[x]"'],
    ['{x}', '"{x}"'],
    ['@at', '"@at"'],
    ['`tick', '"`tick"'],
    ['"hi" \\ x', '"\\"hi\\" \\\\ x"'],
    ['line\nbreak\ttab', '"line\\nbreak\\ttab"'],
    ['bell\u0007', '"bell\\u0007"'],
    ['ls\u2028', '"ls\\u2028"'],
    ['1:20', '"1:20"'],
  ])('double-quotes %j', (input, expected) => {
    expect(formatScalar(input)).toBe(expected);
  });

  it.each(['12345678', 'true', 'a: b', '"hi" \\ x', 'C:\\path', 'line\nbreak\ttab', 'bell\u0007', 'ls\u2028', ' x', 'ünïcödé ✓'])(
    'writes %j so that YAML reads the same string back',
    (input) => {
      expect(parse(`k: ${formatScalar(input)}\n`)).toEqual({ k: input });
    },
  );

  it('writes numbers, booleans and null the way YAML reads them back', () => {
    expect(formatScalar(7889238)).toBe('7889238');
    expect(formatScalar(1.5)).toBe('1.5');
    expect(formatScalar(-0)).toBe('0');
    expect(formatScalar(true)).toBe('true');
    expect(formatScalar(false)).toBe('false');
    expect(formatScalar(null)).toBe('');
    expect(parse(`k: ${formatScalar(1e21)}`)).toEqual({ k: 1e21 });
  });

  it('refuses numbers YAML cannot hold exactly', () => {
    expect(() => formatScalar(Number.NaN)).toThrow(expect.objectContaining({ code: 'CONFIG_EDIT_INVALID_EDIT' }));
    expect(() => formatScalar(Number.POSITIVE_INFINITY)).toThrow(ConfigEditError);
  });
});

describe('formatKey', () => {
  it('keeps ordinary keys plain and quotes the rest', () => {
    expect(formatKey('access_token')).toBe('access_token');
    expect(formatKey('a: b')).toBe('"a: b"');
    expect(formatKey('<<')).toBe('"<<"');
    expect(formatKey('? x')).toBe('"? x"');
  });

  it('refuses an empty key', () => {
    expect(() => formatKey('')).toThrow(expect.objectContaining({ code: 'CONFIG_EDIT_INVALID_EDIT' }));
  });
});

describe('formatScalar with the old quoting', () => {
  it('keeps single or double quotes for strings', () => {
    expect(formatScalar('abc', 'single')).toBe("'abc'");
    expect(formatScalar("it's", 'single')).toBe("'it''s'");
    expect(formatScalar('abc', 'double')).toBe('"abc"');
    expect(parse(`k: ${formatScalar("it's", 'single')}`)).toEqual({ k: "it's" });
  });

  it('falls back to double quotes when single quotes cannot hold the string', () => {
    expect(formatScalar('a\nb', 'single')).toBe('"a\\nb"');
  });
});
