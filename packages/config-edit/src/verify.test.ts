import { parseConfig } from './document';
import type { SectionEdit } from './types';
import { verifyEdit } from './verify';

const before = parseConfig('tmdb:\n  apikey: k\ntrakt:\n  client_id: id\n  pin: 1\n');
const edit: SectionEdit = { section: 'trakt', set: [['pin', null]] };
const failsWith = (body: string): void => {
  expect(() => verifyEdit(before, body, edit)).toThrow(expect.objectContaining({ code: 'CONFIG_EDIT_VERIFY_FAILED' }));
};

describe('verifyEdit', () => {
  it('accepts a text where only the edited key changed', () => {
    expect(() => verifyEdit(before, 'tmdb:\n  apikey: k\ntrakt:\n  client_id: id\n  pin:\n', edit)).not.toThrow();
  });

  it('rejects a text that does not parse', () => failsWith('tmdb:\n  apikey: [k\n'));
  it('rejects a change to another section', () => failsWith('tmdb:\n  apikey: other\ntrakt:\n  client_id: id\n  pin:\n'));
  it('rejects reordered sections', () => failsWith('trakt:\n  client_id: id\n  pin:\ntmdb:\n  apikey: k\n'));
  it('rejects a change to another key of the section', () => failsWith('tmdb:\n  apikey: k\ntrakt:\n  client_id: x\n  pin:\n'));
  it('rejects an edited key that reads back differently', () => failsWith('tmdb:\n  apikey: k\ntrakt:\n  client_id: id\n  pin: ""\n'));
  it('rejects an extra key in the section', () => failsWith('tmdb:\n  apikey: k\ntrakt:\n  client_id: id\n  pin:\n  x: 1\n'));
  it('rejects a section that is no longer a mapping', () => failsWith('tmdb:\n  apikey: k\ntrakt:\n'));
});
