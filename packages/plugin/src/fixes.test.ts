import { renameKeyFix, renameKeySuggestion, replaceValueSuggestion, yamlText } from './index';
import { createTestRuleContext } from './testing/rule-context';

describe('renameKeyFix', () => {
  it('renames the key in place and names the new pointer as changed', () => {
    const context = createTestRuleContext({ config: { overlays: { x: { collection_level: 'season' } } } });
    expect(renameKeyFix(context, '/overlays/x/collection_level', 'builder_level')).toEqual({
      edits: [{ pointer: '/overlays/x/collection_level', at: 'key', text: 'builder_level' }],
      changes: ['/overlays/x/builder_level'],
    });
  });

  it('offers nothing when the new name is taken, or for the root', () => {
    const context = createTestRuleContext({ config: { a: { old: 1, new: 2 } } });
    expect(renameKeyFix(context, '/a/old', 'new')).toBeUndefined();
    expect(renameKeyFix(context, '', 'new')).toBeUndefined();
  });
});

describe('did-you-mean suggestions', () => {
  it('rename a key or change a value where it is written', () => {
    expect(renameKeySuggestion('/settings/cache_expiraton', 'cache_expiration')).toEqual({
      message: 'Rename to `cache_expiration`',
      edits: [{ pointer: '/settings/cache_expiraton', at: 'key', text: 'cache_expiration' }],
    });
    expect(replaceValueSuggestion('/settings/sync_mode', 'append')).toEqual({
      message: 'Change to `append`',
      edits: [{ pointer: '/settings/sync_mode', at: 'value', text: 'append' }],
    });
  });

  it('keep names plain and quote what YAML would load as another type', () => {
    expect(yamlText('cache_expiration')).toBe('cache_expiration');
    expect(yamlText('true')).toBe('"true"');
    expect(yamlText('0123')).toBe('"0123"');
  });
});
