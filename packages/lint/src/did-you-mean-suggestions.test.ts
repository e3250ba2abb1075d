import { parse } from 'yaml';
import { yamlText } from '@pmm-config/plugin';
import { lint } from './lint';

/*
 * "Did you mean" findings carry their single candidate as a suggestion (an edit an editor can offer, never applied
 * by --fix). These tests apply the suggestion the way an editor would and read the result back with `yaml`.
 */

const apply = (text: string, edits: readonly { start: number; end: number; text: string }[]): string =>
  [...edits].sort((a, b) => b.start - a.start).reduce((out, edit) => out.slice(0, edit.start) + edit.text + out.slice(edit.end), text);

describe('yamlText', () => {
  it.each(['cache_expiration', 'append', 'Top Rated', 'movie/imdb', 'true', 'null', '~', '123', '1e5', '0x1F', '.inf', 'a: b', 'a #b', ' lead', 'trail ', "it's", 'say "hi"', '', '- item', '*alias', '{{ x }}'])(
    'writes %j so that YAML loads it back as that text, as a value and as a key',
    (text) => {
      expect(parse(`key: ${yamlText(text)}\n`)).toEqual({ key: text });
      expect(parse(`${yamlText(text)}: 1\n`)).toEqual({ [text]: 1 });
    },
  );
});

describe('did-you-mean suggestions', () => {
  const config = 'plex:\n  url: http://plex:32400\n  token: abc\ntmdb:\n  apikey: abc\nlibraries:\n  Movies:\n    collection_files:\n      - default: imdbb\nsettings:\n  cache_expiraton: 60\n  sync_mode: apend\n';

  it('are offered for a misspelt key, value and default, and fix nothing on their own', () => {
    const result = lint(config, { file: 'config.yml' });
    const offered = result.diagnostics.filter((d) => d.suggestions).map((d) => [d.rule, d.suggestions?.map((s) => s.message)]);
    expect(offered).toEqual(
      expect.arrayContaining([
        ['schema/unknown-key', ['Rename to `cache_expiration`']],
        ['schema/enum', ['Change to `append`']],
        ['core/default-file', ['Change to `imdb`']],
      ]),
    );
    for (const d of result.diagnostics) if (d.suggestions) expect(d.fix).toBeUndefined();
  });

  it('applied, each one removes its finding and changes nothing else', () => {
    const result = lint(config, { file: 'config.yml' });
    const suggesting = result.diagnostics.filter((x) => x.suggestions);
    expect(suggesting.length).toBeGreaterThanOrEqual(3);
    for (const d of suggesting) {
      const after = apply(config, d.suggestions?.[0]?.edits ?? []);
      const again = lint(after, { file: 'config.yml' });
      expect(again.diagnostics.filter((x) => x.rule === d.rule && x.line === d.line)).toEqual([]);
      expect(after.split('\n').length).toBe(config.split('\n').length);
    }
  });
});
