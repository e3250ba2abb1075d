import { isConfigPlaceholder, joinPointer, parsePointer, resolvePointer } from './index';
import { createTestRuleContext } from './testing';

describe('JSON pointers', () => {
  it('round-trips escaped segments', () => {
    expect(joinPointer('libraries', 'TV/Shows', 'a~b', 0)).toBe('/libraries/TV~1Shows/a~0b/0');
    expect(parsePointer('/libraries/TV~1Shows/a~0b/0')).toEqual(['libraries', 'TV/Shows', 'a~b', '0']);
    expect(parsePointer('')).toEqual([]);
    expect(() => parsePointer('libraries')).toThrow(TypeError);
  });
  it('resolves into maps and lists and tells a blank value from a missing key', () => {
    const data = { trakt: { pin: null, list: ['x', 'y'] } };
    expect(resolvePointer(data, '/trakt/pin')).toEqual({ found: true, value: null });
    expect(resolvePointer(data, '/trakt/client_id')).toEqual({ found: false, value: undefined });
    expect(resolvePointer(data, '/trakt/list/1').value).toBe('y');
    expect(resolvePointer(data, '/trakt/list/01').found).toBe(false);
    expect(resolvePointer(data, '/trakt/list/2').found).toBe(false);
  });
});

describe('isConfigPlaceholder', () => {
  it.each(['<<TRAKT_ID>>', '${TRAKT_ID}', '{{ .traktClientId }}', ' <<X>> '])('treats %j as a placeholder', (value) =>
    expect(isConfigPlaceholder(value)).toBe(true),
  );
  it.each(['<client id>', 'abc${X}', '<<a', 42, null])('does not treat %j as a placeholder', (value) =>
    expect(isConfigPlaceholder(value)).toBe(false),
  );
});

describe('createTestRuleContext', () => {
  it('implements the RuleContext contract over plain data', () => {
    const context = createTestRuleContext({ config: { trakt: { pin: '1234', authorization: {} } }, scalarStyles: { '/trakt/pin': 'double-quoted' }, now: new Date(5) });
    expect(context.has('/trakt/pin')).toBe(true);
    expect(context.get('/trakt/nope')).toBeUndefined();
    expect(context.scalarStyle('/trakt/pin')).toBe('double-quoted');
    expect(context.scalarStyle('/trakt/authorization')).toBeUndefined();
    expect(context.now().getTime()).toBe(5);
    context.report({ severity: 'info', message: 'm', pointer: '/trakt' });
    expect(context.reports).toHaveLength(1);
  });
});
