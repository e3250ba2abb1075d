import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintFiles } from '../lint';
import { BACK_ALIGN_OPTIONS } from './overlay-rules';

const reference = resolve(__dirname, '../../../../../shared/reference/kometa-files-deep.md');

const findings = (text: string) => (lintFiles([{ file: 'o.yml', text }])[0]?.diagnostics ?? []).map((d) => [d.rule, d.severity, d.line]);

const QUEUE = 'queues:\n  right:\n    - {horizontal_align: right, vertical_align: top, horizontal_offset: 30, vertical_offset: 30}\n';

describe('overlay files', () => {
  it('finds nothing in a clean file, with the builders, filters and overlay keys Kometa reads', () => {
    const text =
      QUEUE +
      'overlays:\n  4K:\n    Overlay:\n      name: 4K\n      group: resolution\n      weight: 10\n      horizontal_align: Center\n      vertical_align: bottom\n      horizontal_offset: 0\n      vertical_offset: 5%\n' +
      '    plex_search:\n      all:\n        resolution: 4K\n    filters:\n      resolution.not: 720p\n' +
      '  Rating:\n    overlay:\n      name: text(<<audience_rating>>)\n      queue: right\n      weight: 20\n      font: fonts/Inter-Medium.ttf\n      back_color: "#00000099"\n    plex_all: true\n    builder_level: episode\n';
    expect(lintFiles([{ file: 'o.yml', text }])[0]?.kind).toBe('overlay');
    expect(findings(text)).toEqual([]);
  });

  it('gives one finding per fault: the rule judges what spans keys, the schema each value', () => {
    const text =
      QUEUE +
      'overlays:\n' +
      // core/overlay-block faults: group without weight, undefined queue, a single offset, text without offsets
      '  A:\n    overlay: {name: 4K, group: resolution}\n    plex_all: true\n' +
      '  B:\n    overlay: {name: HDR, queue: left, weight: 10}\n    plex_all: true\n' +
      '  C:\n    overlay: {name: text(HDR), horizontal_offset: 15}\n    plex_all: true\n' +
      '  D:\n    overlay: {name: text(Runtime)}\n    plex_all: true\n' +
      // schema faults: a bad alignment, an offset out of its range, a negative weight, a detail overlays do not take
      '  E:\n    overlay: {name: 4K, horizontal_align: lft, horizontal_offset: 120%, vertical_offset: 10, weight: -1}\n    plex_all: true\n    sort_title: x\n' +
      // ignored by Kometa: an unknown overlay key, a font size it replaces by 36
      '  F:\n    overlay: {name: text(x), horizontal_offset: 1, vertical_offset: 1, rotate: 90, font_size: big}\n    plex_all: true\n';
    expect(findings(text)).toEqual([
      ['core/overlay-block', 'error', 6],
      ['core/overlay-block', 'error', 9],
      ['core/overlay-block', 'error', 12],
      ['core/overlay-block', 'error', 15],
      ['schema/unknown-key', 'error', 20],
      ['schema/format', 'error', 18],
      ['schema/format', 'error', 18],
      ['schema/range', 'error', 18],
      ['schema/unknown-key', 'warning', 22],
      ['schema/format', 'warning', 22],
    ].sort((a, b) => Number(a[2]) - Number(b[2])));
  });

  // Values Kometa replaces by a default are shared schemas (their errors carry the shared schema's path): once they
  // made the block look like no branch of `overlay:` fit, an error "must be text ..., not a mapping".
  it.each(['font_size: big', 'font_size: 12pt', 'stroke_width: wide', 'back_padding: lots'])('warns only on the value for `%s`, never that the block is not a mapping', (line) => {
    const text = `overlays:\n  G:\n    overlay:\n      name: text(x)\n      horizontal_offset: 1\n      vertical_offset: 1\n      ${line}\n    plex_all: true\n`;
    expect(findings(text)).toEqual([['schema/format', 'warning', 7]]);
  });

  it('fails a back_radius or back_line_width that is set but not a whole number 1 or more', () => {
    const block = (line: string) => `overlays:\n  G:\n    overlay:\n      name: text(x)\n      horizontal_offset: 1\n      vertical_offset: 1\n      ${line}\n    plex_all: true\n`;
    for (const bad of ['back_radius: round', 'back_line_width: thick', 'back_radius: -2', 'back_line_width: 2.5']) expect(findings(block(bad))).toEqual([[expect.stringMatching(/^schema\//), 'error', 7]]);
    for (const fine of ['back_radius: 30', "back_radius: '12'", 'back_radius: 0', 'back_line_width: ', 'back_radius: false']) expect(findings(block(fine))).toEqual([]);
  });

  it('needs offsets for a box outside a queue, except for a backdrop', () => {
    const text = `${QUEUE}overlays:\n  Box:\n    overlay: {name: 4K, back_color: '#000'}\n    plex_all: true\n  Queued:\n    overlay: {name: 4K, back_color: '#000', queue: right, weight: 1}\n    plex_all: true\n  Backdrop:\n    overlay: {name: backdrop, back_color: '#000'}\n    plex_all: true\n`;
    const diagnostics = lintFiles([{ file: 'o.yml', text }])[0]?.diagnostics ?? [];
    expect(diagnostics.map((d) => [d.rule, d.line, d.pointer])).toEqual([['core/overlay-block', 6, '/overlays/Box/overlay/back_color']]);
  });

  it('needs back_width for a back_align Kometa keeps that is not exactly center, except for a backdrop', () => {
    const block = (extra: string) => `overlays:\n  B:\n    overlay: {name: 4K, horizontal_offset: 0, vertical_offset: 0, back_color: '#000', ${extra}}\n    plex_all: true\n`;
    const diagnostics = lintFiles([{ file: 'o.yml', text: block('back_align: left') }])[0]?.diagnostics ?? [];
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line, d.message])).toEqual([
      ['core/overlay-block', 'error', 3, "`B`: `back_align: left` needs `back_width` (\"Overlay Error: Overlay attribute 'back_align' only works when 'back_width' is used\")."],
    ]);
    // Kometa keeps the value as written and compares it with "center" exactly.
    expect(findings(block('back_align: Center'))).toEqual([['core/overlay-block', 'error', 3]]);
    for (const fine of ['back_align: center', 'back_align: left, back_width: 200', 'back_align: middle', 'back_align: <<align>>', 'back_align: '])
      expect(findings(block(fine)).filter(([rule]) => rule === 'core/overlay-block')).toEqual([]);
    expect(findings(block('back_align: left').replace('name: 4K', 'name: backdrop'))).toEqual([]);
  });

  it('knows the back_align options of the reference', () => {
    if (!existsSync(reference)) return console.log(`reference not found at ${reference}; skipping the back_align options check`);
    const row = readFileSync(reference, 'utf8').split('\n').find((line) => line.startsWith('| `back_align` |')) ?? '';
    const options = [...(row.split('|')[2] ?? '').matchAll(/`([a-z]+)`/g)].map((match) => match[1]);
    expect(new Set(options)).toEqual(BACK_ALIGN_OPTIONS);
  });

  it('says what Kometa does, with did-you-mean for an option', () => {
    const text = 'overlays:\n  E:\n    overlay: {name: 4K, vertical_align: botom}\n    plex_all: true\n    summary: x\n';
    const diagnostics = lintFiles([{ file: 'o.yml', text }])[0]?.diagnostics ?? [];
    expect(diagnostics.map((d) => [d.rule, d.severity, d.message, d.hint])).toEqual([
      ['schema/format', 'error', '`overlay.vertical_align` cannot be the text `botom`: Kometa stops the overlay `E`.', 'Did you mean `bottom`? Kometa takes one of top, center, bottom.'],
      ['schema/unknown-key', 'error', 'Unknown key `summary` under `overlays.E`: Kometa stops `E` ("Overlay Error: \'summary\' attribute not allowed in an Overlay File").', undefined],
    ]);
  });

  it('checks the templates overlays call as the overlays they run in, never what holds a variable', () => {
    const text =
      'templates:\n  badge:\n    overlay:\n      name: <<badge>>\n      horizontal_align: <<align>>\n      horizontal_offset: -20\n      vertical_offset: 10\n      vertical_align: middle\n    sort_title: <<title>>\n' +
      '  plain:\n    sort_title: x\n' +
      'overlays:\n  4K:\n    template: [{name: badge, badge: 4K, align: center, title: y}, {name: plain}]\n    plex_all: true\n';
    // the offset beside `<<align>>` may be in either range; a key in a body that holds variables is judged after substitution
    expect(findings(text)).toEqual([
      ['schema/format', 'error', 8],
      ['schema/unknown-key', 'error', 11],
    ]);
  });
});
