import { Redactor } from './redactor';

describe('Redactor', () => {
  it('masks every registered secret in any letter case and URL-encoded', () => {
    const redactor = new Redactor();
    redactor.add('CFE7D464', 'a+b/c=d', undefined, 'ab');
    expect(redactor.scrub('pin cfe7d464 and CFE7D464 and a%2Bb%2Fc%3Dd')).toBe('pin ******** and ******** and ********');
  });

  it('leaves text alone when nothing matches, and ignores too-short values', () => {
    const redactor = new Redactor();
    redactor.add('ab', '');
    expect(redactor.scrub('a bad grab')).toBe('a bad grab');
  });
});
