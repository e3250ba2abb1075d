import { any, bool, caseInsensitiveEnum, int, list, nullable, number, object, openObject, record, string, union, type JsonSchema, type TSchema } from '../builder';
import { failsOn, UNKNOWN_KEY_SEVERITY } from './unknown-keys';
import { scalar } from './values';

/*
 * The `overlay:` block of an overlay definition and the `queues:` of an overlay file (reference kometa-files-deep.md
 * §7.2, §7.7; `overlay.py` `Overlay.__init__`, `util.py` `parse_cords`/`parse_scale`, `meta.py` `OverlayFile`).
 * Kometa reads the block's keys as written (case matters) and ignores the others, so unknown keys are warnings.
 * A value Kometa fails on stops that overlay ("Overlay Error: ..."): an error. A value it replaces by its default
 * with a warning ("... using 36 as default") is a warning.
 *
 * What depends on several keys (a `name`, `group`/`queue` with a `weight`, a queue defined in the file, offsets in
 * pairs, offsets for `text(...)`) is the rule `core/overlay-block`'s: the schema judges each value on its own, so
 * one fault gives one finding.
 */


/** Options Kometa compares lower-cased (`util.parse(options=...)`) and fails on. */
const choice = (values: readonly string[], description: string) => failsOn(caseInsensitiveEnum(values, { description }), { expects: `one of ${values.join(', ')}`, options: values });

/** Options Kometa replaces by a default with a warning: any scalar, a string outside the options warns. */
const choiceOrDefault = (values: readonly string[], description: string): TSchema<unknown> => union([number(), bool(), caseInsensitiveEnum(values)], { description });

/** `int(str(value))`: surrounding blanks and a sign are fine, a fraction is not. */
const INT = '\\s*[+-]?\\d+\\s*';

/** A whole number (or its text) Kometa replaces by a default with a warning when it cannot read it. */
const intOrDefault = (description: string): TSchema<unknown> => union([number(), bool(), string({ pattern: `^${INT}$` })], { description });

/** A whole number ≥ `minimum`, or its text, that Kometa fails on otherwise. */
const wholeNumber = (minimum: number, description: string): TSchema<unknown> =>
  union([int({ minimum }), failsOn(string({ pattern: minimum === 0 ? '^\\s*\\+?\\d+\\s*$' : `^${INT}$` }), { expects: `a whole number, ${minimum} or more` })], { description });

export const HORIZONTAL_ALIGN = ['left', 'center', 'right'] as const;
export const VERTICAL_ALIGN = ['top', 'center', 'bottom'] as const;
export const BACK_ALIGN = ['left', 'right', 'center', 'top', 'bottom'] as const;
export const ADDON_POSITION = ['left', 'right', 'top', 'bottom'] as const;

/*
 * Offsets (`parse_cords`): a whole number or `N%`. Beside a `center` alignment (exactly `center`: the range check
 * compares the value as written) numbers may be negative and percents run from -50% to 50%; otherwise numbers are
 * 0 or more and percents run from 0% to 100%.
 */
const PERCENT_0_100 = '\\s*(?:\\+?0*(?:100|[1-9]?\\d)|-0+)\\s*%';
const PERCENT_CENTER = '\\s*[+-]?0*(?:50|[1-4]?\\d)\\s*%';
const PERCENT_ANY = '\\s*[+-]?0*(?:100|[1-9]?\\d)\\s*%';

function offset(numbers: TSchema<number>, digits: string, percent: string, expects: string, description: string): TSchema<unknown> {
  return nullable(union([numbers, failsOn(string({ pattern: `^(?:${digits}|${percent})$` }), { expects })], { description }));
}

/** Where the alignment is not known (set by a variable, or inherited in a queue): both ranges together. */
const looseOffset = (axis: string) =>
  offset(int(), INT, PERCENT_ANY, 'a whole number of pixels or a whole percent', `${axis} offset: pixels or N% (0 or more, 0%-100%; beside a center alignment also negative, -50%-50%).`);
const centerOffset = offset(int(), INT, PERCENT_CENTER, 'beside a center alignment, a whole number of pixels or -50% to 50%', 'Beside a center alignment: any whole number or -50% to 50%.');
const edgeOffset = offset(int({ minimum: 0 }), '\\s*\\+?\\d+\\s*', PERCENT_0_100, 'pixels (0 or more) or 0% to 100%', 'Beside a left/right/top/bottom alignment: 0 or more, or 0% to 100%.');

/**
 * The range of each offset follows its own alignment, unless the alignment comes from a variable. The offset's
 * schema sits in exactly one branch, so that an error's schema path leads to one node.
 */
function offsetRanges(align: 'horizontal_align' | 'vertical_align', key: 'horizontal_offset' | 'vertical_offset', axis: string): JsonSchema {
  return {
    if: { properties: { [align]: { const: 'center' } }, required: [align] },
    then: { properties: { [key]: centerOffset } },
    else: {
      if: { properties: { [align]: { type: 'string', pattern: '<<' } }, required: [align] },
      then: { properties: { [key]: looseOffset(axis) } },
      else: { properties: { [key]: edgeOffset } },
    },
  };
}

/** An offset key of the block: judged by {@link offsetRanges}. */
const offsetKey = (axis: string): TSchema<unknown> => ({ description: `${axis} offset: pixels or N%; 0 or more and 0%-100%, beside a center alignment also negative and -50%-50%.` }) as TSchema<unknown>;

/**
 * A whole number, 1 or more, that Kometa reads only when it is set (`if data[key]`): 0, false and blank mean none,
 * other text or a fraction fails the overlay (reference kometa-files-deep.md §7.2).
 */
const setOrNone = (description: string): TSchema<unknown> =>
  nullable(
    union(
      [
        int({ minimum: 0 }),
        failsOn(string({ pattern: '^(?:\\s*\\+?0*[1-9]\\d*\\s*)?$' }), { expects: 'a whole number, 1 or more (0 or blank for none)' }),
        // false means none; true fails in Kometa but passes here, a miss rather than a false alarm.
        bool(),
      ],
      { description },
    ),
  );

/** `parse_scale`: a whole number or `N%`, 1 or more (anything else fails the overlay). */
const scale = (description: string) =>
  nullable(union([int({ minimum: 1 }), failsOn(string({ pattern: '^\\s*\\+?0*[1-9]\\d*\\s*%?$' }), { expects: 'pixels or a percent, 1 or more' })], { description }));

/** A colour for PIL's `ImageColor.getcolor` (`#RGB`, `#RRGGBBAA`, names, `rgb(...)`): not judged here. */
const colour = (description: string) => nullable(scalar({ description }));

const text = (description: string) => nullable(scalar({ description }));

/** The 32 keys `Overlay.__init__` reads. */
export const OVERLAY_BLOCK_PROPERTIES: Readonly<Record<string, TSchema<unknown>>> = {
  name: text('The overlay: an image name, `text(...)`, `blur(N)` or `backdrop`. Required; no `|`.'),
  default: text('Image under Kometa\'s defaults/overlays/images/ (.png appended).'),
  pmm: text('Legacy name of `default`.'),
  file: text('Local PNG file.'),
  git: text('Path in Kometa-Team/Community-Configs (.png appended); `PMM/...` is a default image.'),
  repo: text('Path in settings.custom_repo (.png appended).'),
  url: text('URL of a PNG image (served as image/png).'),
  group: text('Group name (across the library\'s overlay files): only the highest weight of a group is applied. Needs `weight`.'),
  queue: text('A queue of this file\'s `queues`. Needs `weight`; not with `group`.'),
  weight: nullable(wholeNumber(0, 'Priority within the group or queue: a whole number, 0 or more.')),
  horizontal_align: choice(HORIZONTAL_ALIGN, 'left, center or right.'),
  vertical_align: choice(VERTICAL_ALIGN, 'top, center or bottom.'),
  horizontal_offset: offsetKey('Horizontal'),
  vertical_offset: offsetKey('Vertical'),
  scale_width: scale('Width in pixels or N% of the image (1 or more); alone it keeps the aspect ratio.'),
  scale_height: scale('Height in pixels or N% of the image (1 or more); alone it keeps the aspect ratio.'),
  back_color: colour('Colour of the box behind the overlay.'),
  back_line_color: colour('Colour of the box outline.'),
  back_radius: setOrNone('Corner radius of the box (1 or more; 0 or blank for none).'),
  back_line_width: setOrNone('Width of the box outline (1 or more; 1 when back_line_color is set).'),
  back_padding: intOrDefault('Padding inside the box (0 or more; otherwise 0 with a warning).'),
  back_align: choiceOrDefault(BACK_ALIGN, 'left, right, center, top or bottom (otherwise center with a warning); not center needs back_width.'),
  back_width: wholeNumber(0, 'Width of the box, 0 or more (default: to the content).'),
  back_height: wholeNumber(0, 'Height of the box, 0 or more (default: to the content).'),
  font: text('Font file: a path, a bundled font (fonts/Inter-Medium.ttf) or a system font.'),
  font_size: intOrDefault('Font size (1 or more; otherwise 36 with a warning).'),
  font_style: text('A variation name of a variable font.'),
  font_color: colour('Text colour (#RGB, #RGBA, #RRGGBB or #RRGGBBAA).'),
  stroke_width: intOrDefault('Text outline width (1 or more; otherwise 0 with a warning).'),
  stroke_color: colour('Text outline colour.'),
  addon_offset: { description: 'Text overlays with an image: space between the image and the text (1 or more).' } as TSchema<unknown>,
  addon_position: { description: 'Text overlays with an image: left, right, top or bottom of the text.' } as TSchema<unknown>,
};

/** The image sources of a block; a `text(...)` overlay with one reads `addon_offset` and `addon_position`. */
const IMAGE_SOURCES = ['default', 'pmm', 'file', 'git', 'repo', 'url'];

/** Only a `text(...)` overlay with an image reads the addon keys (elsewhere Kometa never looks at them). */
const addonKeys: JsonSchema = {
  if: { properties: { name: { type: 'string', pattern: '^text' } }, required: ['name'], anyOf: IMAGE_SOURCES.map((key) => ({ properties: { [key]: {} }, required: [key] })) },
  then: {
    properties: {
      addon_offset: wholeNumber(1, 'Space between the image and the text (1 or more).'),
      addon_position: choice(ADDON_POSITION, 'left, right, top or bottom of the text.'),
    },
  },
};

const warnOnUnknown = (schema: JsonSchema): JsonSchema => ({ ...schema, [UNKNOWN_KEY_SEVERITY]: 'warning' });

/** The `overlay:` attribute: the block, or a string Kometa reads as `{name: <string>}`. */
export const overlayAttribute: TSchema<unknown> = nullable(
  union(
    [
      scalar(),
      {
        ...warnOnUnknown(object(OVERLAY_BLOCK_PROPERTIES)),
        allOf: [offsetRanges('horizontal_align', 'horizontal_offset', 'Horizontal'), offsetRanges('vertical_align', 'vertical_offset', 'Vertical'), addonKeys],
      } as TSchema<unknown>,
    ],
    { description: 'What to draw and where: name, image source, alignment and offsets, back box, font, group/queue and weight. A string is the name.' },
  ),
);

// ---- queues: (kometa-files-deep §7.7) ----

/** One position of a queue; a missing key is taken from the position before it, so offsets take either range. */
const position = warnOnUnknown(
  object({
    horizontal_align: choice(HORIZONTAL_ALIGN, 'left, center or right.'),
    vertical_align: choice(VERTICAL_ALIGN, 'top, center or bottom.'),
    horizontal_offset: looseOffset('Horizontal'),
    vertical_offset: looseOffset('Vertical'),
  }),
);

const positions = list(position, { description: 'Positions, filled by descending weight.' });

/** `settings.dynamic_position`: every value falls back to a default with a warning. */
const dynamicPosition = warnOnUnknown(
  object({
    initial_vertical_align: choiceOrDefault(VERTICAL_ALIGN, 'top, center or bottom (default top).'),
    initial_horizontal_align: choiceOrDefault(HORIZONTAL_ALIGN, 'left, center or right (default left).'),
    initial_vertical_offset: intOrDefault('Pixels (default 0; negative allowed).'),
    initial_horizontal_offset: intOrDefault('Pixels (default 0; negative allowed).'),
    vertical_spacing: intOrDefault('Pixels between positions (default 0).'),
    horizontal_spacing: intOrDefault('Pixels between positions (default 0).'),
    surround: union([bool(), number(), string()], { description: 'Alternate around the first position (default false).' }),
  }),
);

/** A queue conditional: like a template's, but `default` is required (`Queue Error: ...` fails the file). */
const conditional: TSchema<unknown> = {
  ...openObject({ default: any({ description: 'Value when no condition matches.' }), conditions: any({ description: 'A condition mapping or a list of them, each with a `value`.' }) }, any()),
  required: ['default', 'conditions'],
} as TSchema<unknown>;

const settings = warnOnUnknown(
  object({
    position: nullable(union([string(), number(), positions], { description: 'The position list to use (its name, or a list).' })),
    overlay_limit: nullable(intOrDefault('Most overlays of this queue on one item (0: no limit).')),
    default: nullable(openObject({}, any(), { description: 'Variables added to the file\'s template variables when absent there.' })),
    conditionals: openObject({}, conditional, { description: 'Variable → {default, conditions}: values chosen from the file\'s template variables.' }),
    dynamic_position: nullable(dynamicPosition),
  }),
);

/** A queue: a list of positions, or named position lists with `settings`. */
const queue = nullable(
  union([positions, openObject({ settings: nullable(settings) }, positions, { description: 'Named position lists, chosen by settings.position or the `position` variable.' })], {
    description: 'A list of positions, or named lists of positions with `settings`.',
  }),
);

export const queues: TSchema<unknown> = nullable(record(queue, { description: 'Queues: name → positions. Overlays join one with `queue` and a `weight`.' }));
