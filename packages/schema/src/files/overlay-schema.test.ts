import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { KOMETA_ENFORCES, loadFileSchema, normalizeFileKeys, UNKNOWN_KEY_SEVERITY, validateOverlay, type SchemaError } from '../index';
import { BUILDERS } from './catalogue/builders';
import { OVERLAY_DEFINITION_ATTRIBUTES } from './file-schemas';
import { ADDON_POSITION, BACK_ALIGN, HORIZONTAL_ALIGN, OVERLAY_BLOCK_PROPERTIES, overlayAttribute, VERTICAL_ALIGN } from './overlay-block';

const repoRoot = resolve(__dirname, '../../../..');
const referenceDir = resolve(repoRoot, '../shared/reference');
const haveReference = existsSync(resolve(referenceDir, 'kometa-files-deep.md')) && existsSync(resolve(referenceDir, 'kometa-files.md'));
if (!haveReference) console.log(`reference not found at ${referenceDir}; skipping the overlay-to-reference checks`);

/** The text of a `### <heading>` section, up to the next heading. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n### ${heading}`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = text.slice(start + 1).search(/\n#{2,3} /);
  return end < 0 ? text.slice(start) : text.slice(start, start + 1 + end);
}

/** The rows of the first Markdown table of a section, as cells. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) => line.replace(/\\\|/g, '¦').split('|').slice(1, -1).map((cell) => cell.trim()));
}

/** The `code` words of a cell that look like key or option names. */
const names = (cell: string) => [...cell.matchAll(/`([a-z_]+)`/g)].map((match) => match[1] as string);

(haveReference ? describe : describe.skip)('overlay schema: the tables it encodes are the reference\'s (kometa-files-deep §7)', () => {
  const deep = haveReference ? readFileSync(resolve(referenceDir, 'kometa-files-deep.md'), 'utf8') : '';
  const p1 = haveReference ? readFileSync(resolve(referenceDir, 'kometa-files.md'), 'utf8') : '';
  const block = haveReference ? tableRows(section(deep, '7.2 `overlay:` block')) : [];
  const row = (key: string) => block.find(([keys]) => names(keys ?? '').includes(key)) ?? [];

  it('reads exactly the 32 keys of the overlay: block', () => {
    // the first cell names the keys of a row; `git: PMM/...` is a form of `git`, not a key
    const keys = new Set(block.flatMap(([keys]) => names((keys ?? '').replace(/`git: PMM\/[^`]*`/, ''))));
    expect(keys.size).toBe(32);
    expect([...keys].sort()).toEqual(Object.keys(OVERLAY_BLOCK_PROPERTIES).sort());
  });

  it.each([
    ['horizontal_align', HORIZONTAL_ALIGN],
    ['vertical_align', VERTICAL_ALIGN],
    ['back_align', BACK_ALIGN],
    ['addon_position', ADDON_POSITION],
  ] as const)('takes the options of %s that the reference lists', (key, options) => {
    expect(names(row(key)[1] ?? '').sort()).toEqual([...options].sort());
  });

  it('follows the reference on which bad values fail the overlay and which only warn', () => {
    const enforced = (key: string) => JSON.stringify(key.startsWith('addon_') ? overlayAttribute : OVERLAY_BLOCK_PROPERTIES[key]).includes(KOMETA_ENFORCES);
    for (const key of ['back_padding', 'back_align', 'font_size', 'stroke_width']) {
      expect([key, row(key)[3]]).toEqual([key, expect.stringMatching(/W `/)]);
      expect([key, enforced(key)]).toEqual([key, false]);
    }
    for (const key of ['weight', 'horizontal_align', 'vertical_align', 'back_width', 'back_height', 'addon_offset', 'addon_position', 'scale_width']) {
      expect([key, row(key)[3]]).toEqual([key, expect.not.stringMatching(/^invalid → W/)]);
      expect([key, enforced(key)]).toEqual([key, true]);
    }
  });

  it('allows the definition attributes overlay_attributes names, and the settings read before the builder loop', () => {
    const attributes = OVERLAY_DEFINITION_ATTRIBUTES.map((attribute) => attribute.name);
    const listed = section(p1, '7.1 Overlay definition').match(/`overlay_attributes`\): `([^`]+)`/)?.[1]?.split(/,\s*/) ?? [];
    expect(listed.length).toBeGreaterThan(5);
    for (const name of listed) expect([name, attributes.includes(name)]).toEqual([name, true]);
    // the details outside overlay_attributes fail the overlay: the reference's examples are not properties
    const properties = (loadFileSchema('overlay') as { properties: { overlays: { additionalProperties: { properties: object } } } }).properties.overlays.additionalProperties.properties;
    for (const name of ['sort_title', 'summary', 'ignore_ids', 'resolution', 'language']) expect([name, name in properties]).toEqual([name, false]);
    for (const name of ['overlay', 'suppress_overlays', 'builder_level', 'template', ...BUILDERS.map((builder) => builder.name)]) expect([name, name in properties]).toEqual([name, true]);
  });

  it('reads the queue position keys and dynamic_position settings the reference names', () => {
    const queues = section(deep, '7.7 `queues:`');
    for (const key of ['horizontal_align', 'vertical_align', 'horizontal_offset', 'vertical_offset', 'settings', 'position', 'overlay_limit', 'default', 'conditionals', 'dynamic_position']) expect([key, new RegExp(`\`(?:settings\\.)?${key}\``).test(queues)]).toEqual([key, true]);
    const published = JSON.stringify(loadFileSchema('overlay'));
    for (const key of names(queues.match(/`settings\.dynamic_position` \| ([^|]+)/)?.[1] ?? '')) expect([key, published.includes(`"${key}"`)]).toEqual([key, true]);
  });
});

/**
 * The errors the engine reports: without the summaries of branches (`anyOf`, `if`) and without the type errors of
 * the branches a value did not take (the `overlay:` string form when a mapping was given).
 */
function judged(errors: readonly SchemaError[]): SchemaError[] {
  const found = errors.filter((error) => !['anyOf', 'if'].includes(error.keyword));
  const beside = (error: SchemaError) => found.some((other) => other !== error && other.keyword !== 'type' && (other.instancePath === error.instancePath || other.instancePath.startsWith(`${error.instancePath}/`)));
  return found.filter((error) => error.keyword !== 'type' || !beside(error));
}
const brief = (errors: readonly SchemaError[]) => judged(errors).map((error) => `${error.instancePath.replace(/^\/overlays\/O/, '')} ${error.keyword}`);
const onO = (definition: unknown) => brief(validateOverlay(normalizeFileKeys('overlay', { overlays: { O: definition } }).data));
const block = (overlay: Record<string, unknown>) => onO({ plex_all: true, overlay });

describe('overlay definitions', () => {
  it('accepts the builders, filters and settings an overlay takes, in any key case', () => {
    expect(onO({ Plex_Search: { all: { resolution: '4K' } }, filters: { 'Resolution.Not': '720p' }, overlay: { name: '4K' }, suppress_overlays: '4K, HDR', builder_level: 'episode', limit: 10 })).toEqual([]);
    expect(onO({ tmdb_popular: 20, overlay: 'HDR', template: { name: 'badge', value: 1 }, schedule: 'daily', collection_level: 'season' })).toEqual([]);
  });

  it('fails the details and search shorthand Kometa does not allow in an overlay file', () => {
    const errors = validateOverlay({ overlays: { O: { plex_all: true, sort_title: 'x', resolution: '4K' } } });
    expect(errors.map((error) => error.params['additionalProperty'])).toEqual(['sort_title', 'resolution']);
    expect(errors.map((error) => (error.parentSchema as Record<string, unknown>)[UNKNOWN_KEY_SEVERITY])).toEqual([undefined, undefined]);
  });
});

describe('the overlay: block', () => {
  it('takes image, text, backdrop and blur overlays with their keys', () => {
    expect(block({ name: '4K', file: 'config/4k.png', group: 'resolution', weight: 10, horizontal_align: 'Right', vertical_align: 'bottom', horizontal_offset: 15, vertical_offset: '15' })).toEqual([]);
    expect(block({ name: 'text(<<audience_rating>>)', queue: 'q', weight: '20', font: 'fonts/Inter-Medium.ttf', font_size: 63, font_color: '#FFFFFF', stroke_width: 1, stroke_color: '#000', back_color: '#00000099', back_radius: 30, back_padding: 15, back_width: 160, back_height: 105, addon_offset: 15, addon_position: 'left', url: 'https://example.invalid/x.png' })).toEqual([]);
    expect(block({ name: 'backdrop', back_color: '#000', back_align: 'left', back_width: 0, scale_width: '50%', scale_height: 100 })).toEqual([]);
  });

  it('ignores keys Kometa does not read (a warning mark), such as rotate', () => {
    const errors = validateOverlay({ overlays: { O: { plex_all: true, overlay: { name: 'x', rotate: 90 } } } });
    expect(brief(errors)).toContain('/overlay additionalProperties');
    const unknown = judged(errors).find((error) => error.keyword === 'additionalProperties');
    expect((unknown?.parentSchema as Record<string, unknown>)[UNKNOWN_KEY_SEVERITY]).toBe('warning');
  });

  it('judges offsets by their own alignment: 0 or more and 0%-100%, or beside center -50%-50% and negative pixels', () => {
    expect(block({ name: 'x', horizontal_offset: '100%', vertical_offset: 0 })).toEqual([]);
    expect(block({ name: 'x', horizontal_align: 'center', horizontal_offset: '-50%', vertical_align: 'center', vertical_offset: -300 })).toEqual([]);
    expect(block({ name: 'x', horizontal_offset: '101%', vertical_offset: -1 })).toEqual(['/overlay/horizontal_offset pattern', '/overlay/vertical_offset minimum']);
    expect(block({ name: 'x', horizontal_align: 'center', horizontal_offset: '51%', vertical_offset: '-5%' })).toEqual(['/overlay/horizontal_offset pattern', '/overlay/vertical_offset pattern']);
    expect(block({ name: 'x', horizontal_offset: '1.5', vertical_offset: 'top' })).toEqual(['/overlay/horizontal_offset pattern', '/overlay/vertical_offset pattern']);
    // `Center` passes the option check but the range check compares it as written (not `center`)
    expect(block({ name: 'x', horizontal_align: 'Center', horizontal_offset: -10 })).toEqual(['/overlay/horizontal_offset minimum']);
    // an alignment from a variable may become center: either range (the variable itself the engine never judges)
    expect(block({ name: 'x', horizontal_align: '<<h_align>>', horizontal_offset: '-40%' })).toEqual(['/overlay/horizontal_align pattern']);
  });

  it('marks the values Kometa fails on, so the engine reports them as errors, and not those it replaces by a default', () => {
    const enforced = (overlay: Record<string, unknown>) => judged(validateOverlay({ overlays: { O: { plex_all: true, overlay } } })).map((error) => [error.instancePath.split('/').pop(), Boolean((error.parentSchema as Record<string, unknown>)[KOMETA_ENFORCES])]).sort();
    expect(enforced({ name: 'x', horizontal_align: 'lft', horizontal_offset: '120%', vertical_offset: 1, scale_width: '0%' })).toEqual([
      ['horizontal_align', true],
      ['horizontal_offset', true],
      ['scale_width', true],
    ]);
    expect(enforced({ name: 'x', back_align: 'middle', font_size: 'big', back_padding: 'some' })).toEqual([
      ['back_align', false],
      ['back_padding', false],
      ['font_size', false],
    ]);
  });

  it('judges the addon keys only where Kometa reads them: a text(...) overlay with an image', () => {
    expect(block({ name: '4K', addon_offset: 0, addon_position: 'middle' })).toEqual([]);
    expect(block({ name: 'text(x)', addon_offset: 0, addon_position: 'middle' })).toEqual([]);
    expect(block({ name: 'text(x)', file: 'a.png', addon_offset: 0, addon_position: 'middle' })).toEqual(['/overlay/addon_offset minimum', '/overlay/addon_position pattern']);
  });

  it('leaves the checks across keys to core/overlay-block: no name, group without weight, a single offset', () => {
    expect(block({ group: 'g', horizontal_offset: 10 })).toEqual([]);
    expect(block({ name: 'text(x)', queue: 'missing' })).toEqual([]);
  });
});

describe('queues', () => {
  it('takes position lists and named positions with settings', () => {
    const data = {
      queues: {
        right: [{ horizontal_align: 'right', vertical_align: 'top', horizontal_offset: 30, vertical_offset: 30 }, { vertical_offset: '10%' }],
        flags: {
          settings: { position: 'left', overlay_limit: 3, default: { size: 'big' }, conditionals: { x: { default: 1, conditions: [{ a: 1, value: 2 }] } }, dynamic_position: { initial_vertical_align: 'top', vertical_spacing: -10, surround: true } },
          left: [{ horizontal_align: 'center', vertical_align: 'top', horizontal_offset: -20, vertical_offset: 0 }],
        },
      },
      overlays: { O: { plex_all: true, overlay: { name: 'x', queue: 'right', weight: 1 } } },
    };
    expect(brief(validateOverlay(data))).toEqual([]);
  });

  it('fails what Kometa fails the file on: a bad alignment, a conditional without default', () => {
    const data = { queues: { q: [{ horizontal_align: 'middle', vertical_align: 'top', horizontal_offset: 0, vertical_offset: 0 }], r: { settings: { conditionals: { x: { conditions: [] } } }, p: [] } }, overlays: {} };
    expect(brief(validateOverlay(data))).toEqual(['/queues/q/0/horizontal_align pattern', '/queues/r/settings/conditionals/x required']);
  });
});
