import { lintFiles } from '../lint';

const findings = (text: string) => (lintFiles([{ file: 'm.yml', text }])[0]?.diagnostics ?? []).map((d) => [d.rule, d.severity, d.line, d.message, d.hint]);

describe('metadata files', () => {
  it('reads keys in any case, as Kometa looks them up, and finds nothing in a clean file', () => {
    const text = 'metadata:\n  Alien:\n    Match:\n      Title: Alien\n      year: 1979\n    Sort_Title: Alien 1\n    url_poster: https://example.invalid/alien.jpg\n    seasons:\n      1:\n        Title: Season One\n        episodes:\n          1:\n            summary: Pilot\n  "1917":\n    label.sync: [War]\n';
    expect(lintFiles([{ file: 'm.yml', text }])[0]?.kind).toBe('metadata');
    expect(findings(text)).toEqual([]);
  });

  it('warns on a key Kometa silently ignores, with did-you-mean, at every level', () => {
    const text = 'metadata:\n  Show:\n    seaasons:\n      1:\n        title: One\n    seasons:\n      2:\n        episods: {}\n';
    expect(findings(text)).toEqual([
      ['schema/unknown-key', 'warning', 3, 'Unknown key `seaasons` under `metadata.Show`: Kometa ignores it.', 'Did you mean `seasons`?'],
      ['schema/unknown-key', 'warning', 8, 'Unknown key `episods` under `Show.seasons[2]`: Kometa ignores it.', 'Did you mean `episodes`?'],
    ]);
  });

  it('reports values Kometa refuses (a rating above 10, an option it does not have, matched in any case)', () => {
    const text = 'metadata:\n  Alien:\n    user_rating: 11\n    episode_sorting: newst\n    season_display: HIDE\n';
    expect(findings(text).map(([rule, severity, line]) => [rule, severity, line])).toEqual([
      ['schema/range', 'error', 3],
      ['schema/format', 'warning', 4],
    ]);
  });
});
