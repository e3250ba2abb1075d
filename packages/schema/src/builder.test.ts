import {
  any,
  bool,
  caseInsensitiveCommaList,
  enumOf,
  int,
  list,
  listOrSingle,
  nullable,
  object,
  openObject,
  record,
  string,
  union,
  type Static,
} from './builder';

describe('schema builder', () => {
  it('builds closed objects with required keys and annotations', () => {
    const schema = object({ a: string(), b: int({ minimum: 1 }) }, { required: ['a'], description: 'd' });
    expect(schema).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
      required: ['a'],
      description: 'd',
    });
    const value: Static<typeof schema> = { a: 'x' };
    expect(value.a).toBe('x');
  });

  it('omits an empty required list', () => {
    expect(object({ a: bool() })).not.toHaveProperty('required');
  });

  it('makes typed schemas nullable with a type array, and enums with a null member', () => {
    expect(nullable(int({ minimum: 0 }))).toEqual({ type: ['integer', 'null'], minimum: 0 });
    expect(nullable(enumOf(['a', 'b']))).toEqual({ type: ['string', 'null'], enum: ['a', 'b', null] });
  });

  it('merges unions of distinct JSON types into one schema instead of anyOf', () => {
    expect(union([string(), list(string()), nullable(bool())])).toEqual({
      type: ['string', 'array', 'boolean', 'null'],
      items: { type: 'string' },
    });
    expect(listOrSingle(object({ a: string() }))).toEqual({
      type: ['object', 'array'],
      properties: { a: { type: 'string' } },
      additionalProperties: false,
      items: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
    });
  });

  it('falls back to anyOf when branches cannot share a schema, absorbing null into a typed branch', () => {
    const schema = nullable(union([enumOf(['tmdb', 'plex']), list(enumOf(['tmdb', 'plex']))]));
    expect(schema).toEqual({
      anyOf: [
        { type: ['string', 'null'], enum: ['tmdb', 'plex', null] },
        { type: 'array', items: { type: 'string', enum: ['tmdb', 'plex'] } },
      ],
    });
    expect(union([int({ minimum: 1 }), { type: 'number', maximum: 3 }])).toHaveProperty('anyOf');
  });

  it('does not merge branches that share a JSON type', () => {
    expect(union([string({ pattern: 'a' }), string({ pattern: 'b' })])).toHaveProperty('anyOf');
  });

  it('builds records and open objects', () => {
    expect(record(int(), { minProperties: 1 })).toEqual({
      type: 'object',
      additionalProperties: { type: 'integer' },
      minProperties: 1,
    });
    expect(openObject({ a: string() }, any())).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
      additionalProperties: {},
    });
  });

  it('matches case-insensitive comma lists, escaping regex characters', () => {
    const dotted = new RegExp(caseInsensitiveCommaList(['alpha.desc', 'b'])['pattern'] as string);
    expect(dotted.test('Alpha.DESC, b')).toBe(true);
    expect(dotted.test('alphaxdesc')).toBe(false);
    const commaList = new RegExp(caseInsensitiveCommaList(['a', 'bc'])['pattern'] as string);
    expect(commaList.test('a, BC,a')).toBe(true);
    expect(commaList.test('a, d')).toBe(false);
    expect(commaList.test('')).toBe(false);
  });
});

describe('union annotations', () => {
  it('keeps the description of a union that nullable flattens', () => {
    const schema = nullable(union([enumOf(['a']), bool()], { description: 'd', default: 'a' }));
    expect(schema).toEqual({
      anyOf: [{ type: ['string', 'null'], enum: ['a', null] }, { type: 'boolean' }],
      description: 'd',
      default: 'a',
    });
  });
});
