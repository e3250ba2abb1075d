/**
 * Kometa's schedule grammar (util.schedule_check): comma-separated or listed, case-insensitive options.
 * `all[...]` groups others and must stand alone.
 */
// Kometa's day aliases (util.days_alias): full names and its short forms.
const DAYS = new Set(
  ['monday mon m', 'tuesday tues tue tu t', 'wednesday wed w', 'thursday thurs thur thu th r', 'friday fri f', 'saturday sat s', 'sunday sun su u']
    .join(' ')
    .split(' '),
);

const inRange = (text: string, min: number, max: number): boolean => /^\d{1,4}$/.test(text) && Number(text) >= min && Number(text) <= max;

function monthDay(text: string): boolean {
  const match = /^(\d{1,2})\/(\d{1,2})$/.exec(text);
  return !!match && inRange(match[1], 1, 12) && inRange(match[2], 1, 31);
}

function date(text: string): boolean {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return !!match && inRange(match[1], 1, 12) && inRange(match[2], 1, 31);
}

function hour(text: string): boolean {
  const parts = text.split('-');
  return parts.length <= 2 && parts.every((part) => inRange(part, 0, 23));
}

/** Parameter checks by option prefix; Kometa matches options by prefix (`week…`, `hour…`) like this. */
const PARAMETER_CHECKS: readonly (readonly [string, (parameter: string) => boolean])[] = [
  ['hour', hour],
  ['week', (parameter) => DAYS.has(parameter)],
  ['month', (parameter) => inRange(parameter, 1, 31) || parameter === 'last'],
  ['year', monthDay],
  ['range', (parameter) => {
    const [from, to, ...rest] = parameter.split('-');
    return rest.length === 0 && to !== undefined && monthDay(from) && monthDay(to);
  }],
  ['date', (parameter) => date(parameter) || monthDay(parameter)],
];

/** Splits on commas that are not inside `(...)` or `[...]`. */
export function splitSchedule(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth++;
    if (char === ')' || char === ']') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * Whether one option is valid. Mirrors Kometa's `schedule_check`, which is lenient: it matches the option by
 * prefix and reads the first `( … )` group, so `Weekly (sunday)` is fine; only what it rejects is flagged.
 */
export function isValidScheduleOption(option: string): boolean {
  const text = option.trim().toLowerCase();
  if (text.startsWith('day') || text.startsWith('daily') || text === 'never' || text.startsWith('non_existing')) return true;
  if (text.startsWith('all[')) {
    if (!text.endsWith(']')) return false;
    const inner = splitSchedule(text.slice(4, -1));
    return inner.length > 0 && inner.every(isValidScheduleOption);
  }
  const parameter = /\(([^)]+)\)/.exec(text)?.[1];
  if (parameter === undefined) return false;
  const check = PARAMETER_CHECKS.find(([prefix]) => text.startsWith(prefix))?.[1];
  if (!check) return false;
  const values = parameter.split('|').map((value) => value.trim());
  return values.every(check);
}

/**
 * The first invalid option of a schedule line, or `undefined` when the line is valid. An `all[...]` option
 * must be the only option on its line.
 */
export function invalidScheduleOption(line: string): string | undefined {
  const options = splitSchedule(line);
  if (options.length === 0) return line;
  for (const option of options) {
    if (!isValidScheduleOption(option) || (/^all\[/i.test(option) && options.length > 1)) return option;
  }
  return undefined;
}
