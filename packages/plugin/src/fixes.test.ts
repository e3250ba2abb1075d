import { renameKeyFix } from './index';
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
