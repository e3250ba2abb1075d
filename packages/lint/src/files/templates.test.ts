import { lintFiles } from '../lint';
import { mentionedNames, variableUses } from './templates';

const errorsOf = (text: string, kind?: 'template') =>
  (lintFiles([{ file: 'f.yml', text, ...(kind ? { kind } : {}) }])[0]?.diagnostics ?? []).map((d) => [d.rule, d.severity, d.line, d.message]);

describe('template bodies are checked as the definitions they run in', () => {
  it('reports an unknown attribute of a called template at the template, for every definition that calls it', () => {
    const text = 'templates:\n  chart:\n    tmdb_colection: 10\n    sync_mode: sync\n  unused:\n    tmdb_colection: 10\ncollections:\n  A:\n    template: {name: chart}\n';
    expect(errorsOf(text)).toEqual([
      ['schema/unknown-key', 'error', 3, expect.stringContaining('Kometa stops every definition that calls the template `chart`')],
    ]);
  });

  it('never judges what holds a variable, nor the template engine’s own keys', () => {
    const text =
      'templates:\n  chart:\n    default:\n      x: 1\n    optional: [y]\n    conditionals:\n      z:\n        conditions: [{a: 1, value: 2}]\n    tmdb_<<kind>>: 10\n    mal_genre:\n      genre_id: <<id>>\n    imdb_list: <<list>>\ncollections:\n  A:\n    template: {name: chart, kind: collection, id: 1, list: x}\n';
    expect(errorsOf(text)).toEqual([]);
  });

  it('checks every template of an external template file (other files call them)', () => {
    expect(errorsOf('templates:\n  t:\n    plex_serch:\n      any:\n        genre: Drama\n', 'template')).toEqual([
      ['schema/unknown-key', 'error', 3, expect.stringContaining('the template `t`')],
    ]);
  });
});

describe('template variables', () => {
  it('finds the variables a body uses, innermost first, without arithmetic or _encoded', () => {
    const uses = variableUses({ sort_title: '<<order+1>>_<<collection_name_encoded>>', 'limit_<<key>>': '<<limit_<<key>>>>', overlay: { name: 'text(<<runtime>>)', group: '<<g>>' } });
    expect(uses.map((use) => `${use.attribute}:${use.name}`).sort()).toEqual(['limit_<<key>>:key', 'limit_<<key>>:key', 'overlay:g', 'sort_title:collection_name', 'sort_title:order']);
  });

  it('matches a call variable against names built from other variables', () => {
    const patterns = mentionedNames({ imdb_list: '<<list_<<key>>>>', default: { order: 1 } });
    const mentioned = (name: string) => patterns.some((pattern) => pattern.test(name));
    expect(['list_top', 'key', 'order'].map(mentioned)).toEqual([true, true, true]);
    expect(mentioned('lists')).toBe(false);
  });
});
