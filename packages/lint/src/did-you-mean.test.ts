import { didYouMean, editDistance } from './did-you-mean';

describe('editDistance', () => {
  it.each([
    ['setings', 'settings', 1],
    ['run-order', 'run_order', 1],
    ['ab', 'ba', 1],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s -> %s = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe('didYouMean', () => {
  const keys = ['cache', 'cache_expiration', 'run_order', 'sync_mode', 'settings'];
  it.each([
    ['cache_expiraton', 'cache_expiration'],
    ['run-order', 'run_order'],
    ['Sync_Mode', 'sync_mode'],
    ['setings', 'settings'],
  ])('%s -> %s', (word, suggestion) => expect(didYouMean(word, keys)).toBe(suggestion));
  it('stays quiet when nothing is close', () => {
    expect(didYouMean('plex_token', keys)).toBeUndefined();
    expect(didYouMean('ab', ['xy'])).toBeUndefined();
  });
});
