import { lintFiles } from '../lint';

const diagnostics = (file: string, text: string) => lintFiles([{ file, text }])[0]?.diagnostics ?? [];

describe('run_definition words', () => {
  // builder.py: every word of `util.get_list(run_definition)` outside true/false/library types fails the definition.
  const collection = (value: string) => `collections:\n  A:\n    plex_all: true\n    run_definition: ${value}\n`;

  it('fails a word Kometa does not know, with did-you-mean, in a text, a comma list or a list item', () => {
    for (const value of ['movies', 'movie, shows', '[movie, "show,artist"]']) {
      expect(diagnostics('c.yml', collection(value)).map((d) => [d.rule, d.severity, d.line])).toEqual([['schema/format', 'error', 4]]);
    }
    const [finding] = diagnostics('c.yml', collection('movies'));
    expect([finding?.message, finding?.hint]).toEqual([
      '`A.run_definition` cannot be the text `movies`: Kometa stops the definition `A`.',
      'Did you mean `movie`? Kometa takes true, false, movie, show, artist (a list, or comma-separated).',
    ]);
  });

  it('takes what Kometa takes: any case, commas, lists, YAML booleans and variables', () => {
    for (const value of ['Movie', 'movie, show', '[movie, show]', 'true', '[false, movie]', 'false', '<<library_type>>']) {
      expect(diagnostics('c.yml', collection(value))).toEqual([]);
    }
  });
});

describe('alias warnings quote what Kometa logs', () => {
  it('per kind of alias', () => {
    const text = 'playlists:\n  P:\n    playlist_name: X\n    libraries: Movies\n    allowed_library_types: movie\n    filter:\n      year.gt: 2000\n    trakt_list: https://trakt.tv/users/a/lists/b\n';
    expect(diagnostics('p.yml', text).filter((d) => d.rule === 'core/attribute-alias').map((d) => /\("(.*)"\)/.exec(d.message)?.[1])).toEqual([
      'Config Warning: Running playlist_name as name',
      'Playlist Warning: allowed_library_types will run as run_definition',
      'Collection Warning: filter attribute will run as filters',
    ]);
  });
});
