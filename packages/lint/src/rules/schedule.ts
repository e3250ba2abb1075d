import type { LintRule, RuleContext } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';
import { fileBlocks, isMapping, libraries, type Mapping } from './config-walk';
import { invalidScheduleOption, isValidScheduleOption } from './schedule-grammar';

const SCHEDULE_HINT =
  'Use daily, hourly(H) or hourly(H1-H2), weekly(day|day), monthly(N|last), yearly(MM/DD), date(MM/DD/YYYY), range(MM/DD-MM/DD), never, non_existing or all[...]; combine with commas or a list.';

/** Plex maintenance settings that take true/false or a schedule. */
const PLEX_SCHEDULES = ['clean_bundles', 'empty_trash', 'optimize'] as const;

function checkValue(context: RuleContext, pointer: string, value: unknown, key: string): void {
  const lines: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [`${pointer}/${index}`, item]) : [[pointer, value]];
  for (const [linePointer, line] of lines) {
    if (typeof line !== 'string' || context.isPlaceholder(line)) continue;
    const bad = invalidScheduleOption(line);
    if (bad === undefined) continue;
    context.report({
      severity: 'error',
      pointer: linePointer,
      at: 'value',
      message: /^all\[/i.test(bad) && isValidScheduleOption(bad) ? `Schedule Error: each all schedule must be on its own line (\`${key}\`).` : `Schedule Error: ${key} attribute \`${bad}\` is invalid.`,
      hint: SCHEDULE_HINT,
    });
  }
}

function checkKeys(context: RuleContext, body: Mapping, pointer: string, keys: readonly string[]): void {
  for (const key of keys) if (key in body) checkValue(context, `${pointer}/${escapeToken(key)}`, body[key], key);
}

function checkOperations(context: RuleContext, operations: unknown, pointer: string): void {
  const items: [string, unknown][] = Array.isArray(operations) ? operations.map((op, index) => [`${pointer}/${index}`, op]) : [[pointer, operations]];
  for (const [itemPointer, item] of items) if (isMapping(item)) checkKeys(context, item, itemPointer, ['schedule']);
}

/** `core/schedule`: schedule strings that Kometa's grammar rejects. */
export const scheduleRule: LintRule = {
  id: 'core/schedule',
  description: 'Schedule strings (library, overlay, file block, operation and Plex maintenance schedules) must follow Kometa’s grammar.',
  check(context) {
    const config = context.config;
    if (isMapping(config) && isMapping(config.plex)) {
      const plex = config.plex;
      for (const key of PLEX_SCHEDULES) if (typeof plex[key] === 'string') checkValue(context, `/plex/${key}`, plex[key], key);
    }
    for (const library of libraries(config)) {
      const body = library.body;
      if (!body) continue;
      checkKeys(context, body, library.pointer, ['schedule', 'schedule_overlays', 'schedule_overlay']);
      if ('operations' in body) checkOperations(context, body.operations, `${library.pointer}/operations`);
      if (isMapping(body.plex)) {
        const plex = body.plex;
        for (const key of PLEX_SCHEDULES) if (typeof plex[key] === 'string') checkValue(context, `${library.pointer}/plex/${key}`, plex[key], key);
      }
    }
    for (const block of fileBlocks(config)) if (isMapping(block.entry)) checkKeys(context, block.entry, block.pointer, ['schedule']);
  },
};
