import { readSection } from './read-section';

describe('readSection', () => {
  it('returns the parsed section with merge keys and aliases resolved', () => {
    const text = '\uFEFFbase: &b\n  client_id: id\ntrakt:\n  <<: *b\n  pin: "0042"\n';
    expect(readSection(text, 'trakt')).toEqual({ client_id: 'id', pin: '0042' });
  });

  it('returns null for an empty section and undefined for an absent one or an empty file', () => {
    expect(readSection('trakt:\nmal: {}\n', 'trakt')).toBeNull();
    expect(readSection('trakt:\nmal: {}\n', 'mal')).toEqual({});
    expect(readSection('tmdb:\n  apikey: k\n', 'trakt')).toBeUndefined();
    expect(readSection('', 'trakt')).toBeUndefined();
    expect(readSection('- a\n', 'trakt')).toBeUndefined();
  });

  it('refuses invalid YAML with a stable code', () => {
    expect(() => readSection('trakt: [\n', 'trakt')).toThrow(expect.objectContaining({ code: 'CONFIG_EDIT_INVALID_YAML' }));
  });
});
