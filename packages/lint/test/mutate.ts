/** Mutations of real configs for property tests: the slips people make while typing. */

/** A small deterministic generator, so a failing mutant can be reproduced from its seed. */
export function randomFrom(seed: number): (limit: number) => number {
  let state = seed;
  return (limit) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return Math.floor((state / 0x80000000) * limit);
  };
}

const INSERTS = [' ', ':', '-', '#', '"', "'", '[', ']', '{', '}', '&', '*', '!', '|', '>', '\t', 'x', '\n', ',', '?', '%', '\\', '0', ' - ', ': ', '<<: *a\n', '&a ', '*a', '~', '\r'];

/** Typing slips: a character dropped or inserted, a line repeated, re-indented or moved, the file cut short. */
export function mutate(source: string, random: (limit: number) => number): string {
  const lines = source.split('\n');
  const line = random(lines.length);
  switch (random(7)) {
    case 0: {
      const at = random(source.length);
      return source.slice(0, at) + source.slice(at + 1);
    }
    case 1: {
      const at = random(source.length);
      return source.slice(0, at) + INSERTS[random(INSERTS.length)] + source.slice(at);
    }
    case 2:
      lines.splice(line, 0, lines[line]);
      return lines.join('\n');
    case 3: {
      const shift = random(5) - 2;
      lines[line] = shift > 0 ? ' '.repeat(shift) + lines[line] : lines[line].replace(new RegExp(`^ {0,${-shift}}`), '');
      return lines.join('\n');
    }
    case 4:
      if (line + 1 < lines.length) [lines[line], lines[line + 1]] = [lines[line + 1], lines[line]];
      return lines.join('\n');
    case 5:
      return source.slice(0, random(source.length));
    default: {
      const at = random(lines[line].length + 1);
      lines[line] = lines[line].slice(0, at) + INSERTS[random(INSERTS.length)] + lines[line].slice(at);
      return lines.join('\n');
    }
  }
}
