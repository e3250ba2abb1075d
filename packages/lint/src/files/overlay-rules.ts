import type { LintRule, RuleReport } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';
import { definitionsOf, isMapping } from './definitions';
import { templateCalls } from './templates';

const holdsVariable = (value: unknown) => typeof value === 'string' && value.includes('<<');
const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';
/** The options of `back_align` (`Overlay.__init__`); a test ties them to the reference. */
export const BACK_ALIGN_OPTIONS: ReadonlySet<string> = new Set(['left', 'right', 'center', 'top', 'bottom']);

/**
 * `core/overlay-block`: the `overlay:` block rules Kometa enforces in `Overlay.__init__` (reference
 * kometa-files-deep.md §7.2, §7.5): a name, no `|` in it, `group`/`queue` each with a `weight` and not together,
 * a `queue` defined in this file, both offsets or neither, offsets for a `text(...)` overlay or a box (`back_color`)
 * outside a queue, and `back_width` for a `back_align` other than center (a `backdrop` is exempt from the last two).
 * Each one stops that overlay ("Overlay Error: ..."). Definitions that call a template may get their block from
 * it, so only what they write themselves is judged; anything built from a variable is not. The overlay schema
 * judges each value of the block on its own (types, options, offset ranges) and leaves these checks across keys
 * here, so one fault gives one finding.
 */
export const overlayBlockRule: LintRule = {
  id: 'core/overlay-block',
  description: 'An overlay’s `overlay:` block must be one Kometa can place: name, group/queue with weight, a defined queue, offsets in pairs.',
  check(context) {
    const data = context.config;
    const queues = isMapping(data) && isMapping(data['queues']) ? new Set(Object.keys(data['queues'])) : new Set<string>();
    for (const definition of definitionsOf(data, 'overlay')) {
      const key = Object.keys(definition.body).find((k) => k.toLowerCase() === 'overlay');
      const templated = templateCalls(definition.body, definition.pointer).length > 0;
      if (key === undefined) {
        if (!templated) {
          context.report({
            severity: 'warning',
            pointer: definition.pointer,
            message: `\`${definition.name}\` has no \`overlay:\` block: Kometa uses the mapping name as the overlay name ("Overlay Warning: No overlay attribute using mapping name ${definition.name} as the overlay name").`,
            hint: 'Add `overlay: {name: …}` naming the image or `text(…)` to draw.',
          });
        }
        continue;
      }
      const block = definition.body[key];
      const at = `${definition.pointer}/${escapeToken(key)}`;
      // A string is Kometa's short form of `{name: <string>}`.
      if (!isMapping(block)) continue;
      const report = (pointer: string, message: string, extra: Partial<RuleReport> = {}) =>
        context.report({ severity: 'error', pointer, message: `\`${definition.name}\`: ${message}`, ...extra });
      const name = block['name'];
      if (!isSet(name) && !templated) report(`${at}/name`, 'the `overlay:` block has no `name`: Kometa stops it ("Overlay Error: Overlays must have the \'name\' attribute").');
      if (typeof name === 'string' && name.includes('|') && !holdsVariable(name))
        report(`${at}/name`, `the overlay name cannot contain \`|\` ("Overlay Error: Overlay name '${name}' cannot contain the '|' character").`, { at: 'value' });
      const weight = isSet(block['weight']);
      for (const attribute of ['group', 'queue'] as const) {
        if (isSet(block[attribute]) && !weight)
          report(`${at}/${attribute}`, `\`${attribute}\` needs a \`weight\` ("Overlay Error: Overlay attribute '${attribute}' requires the 'weight' attribute").`);
      }
      if (isSet(block['group']) && isSet(block['queue']))
        report(`${at}/queue`, '`group` and `queue` cannot be used together ("Overlay Error: Overlay attributes \'group\' and \'queue\' cannot be used together").');
      const queue = block['queue'];
      if (typeof queue === 'string' && !holdsVariable(queue) && !queues.has(queue))
        report(`${at}/queue`, `the queue \`${queue}\` is not defined under \`queues:\` in this file ("Overlay Error: Specified queue '${queue}' not found").`, {
          at: 'value',
          hint: queues.size > 0 ? `Queues here: ${[...queues].join(', ')}.` : 'Queues are per file: define it under `queues:` in this file.',
        });
      // Kometa keeps back_align as written when it is one of its options (any case), then compares it with
      // "center" exactly; a value outside the options becomes center with a warning (the schema's).
      const backAlign = block['back_align'];
      const backdrop = name === 'backdrop';
      if (!backdrop && typeof backAlign === 'string' && BACK_ALIGN_OPTIONS.has(backAlign.toLowerCase()) && backAlign !== 'center' && !('back_width' in block) && !holdsVariable(backAlign))
        report(`${at}/back_align`, `\`back_align: ${backAlign}\` needs \`back_width\` ("Overlay Error: Overlay attribute 'back_align' only works when 'back_width' is used").`, {
          hint: backAlign.toLowerCase() === 'center' ? 'Write `center` in lower case, or add `back_width`.' : 'Add `back_width` (the box width in pixels), or remove `back_align`.',
        });
      const offsets = ['horizontal_offset', 'vertical_offset'].filter((attribute) => isSet(block[attribute]));
      if (offsets.length === 1)
        report(`${at}/${offsets[0]}`, 'give both offsets or neither ("Overlay Error: Overlay attributes \'horizontal_offset\' and \'vertical_offset\' must be used together").');
      const placed = offsets.length > 0 || isSet(queue) || templated;
      if (typeof name === 'string' && name.startsWith('text') && !placed)
        report(`${at}/name`, 'a `text(…)` overlay needs `horizontal_offset` and `vertical_offset` ("Overlay Error: Overlay attributes \'horizontal_offset\' and \'vertical_offset\' are required when using \'text\'").', {
          hint: 'Add both offsets, or put the overlay in a queue.',
        });
      else if (typeof name === 'string' && !backdrop && !holdsVariable(name) && !placed) {
        // An image with a box behind it (Kometa calls it a backdrop in this message) must be placed by offsets.
        const back = ['back_color', 'back_line_color'].find((attribute) => isSet(block[attribute]) && !holdsVariable(block[attribute]));
        if (back)
          report(`${at}/${back}`, `\`${back}\` needs \`horizontal_offset\` and \`vertical_offset\` ("Overlay Error: Overlay attributes 'horizontal_offset' and 'vertical_offset' are required when using 'backdrop'").`, {
            hint: 'Add both offsets, or put the overlay in a queue.',
          });
      }
    }
  },
};
