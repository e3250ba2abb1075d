import { maskSecret } from '@pmm-config/plugin';
import { maskLines } from '../format/code-frame';

const MASK = maskSecret('x');

/**
 * A unified diff of a fix (`--fix-dry-run`), with secret values masked as code frames mask them. Lines are
 * compared without their `\r`, so a CRLF file shows only the lines that changed. The hunks come from the
 * `diff` package (loaded here only: no other run needs it); the lines printed are the masked ones, so a line
 * that holds a secret reads `token: ********` on both sides.
 */
export function renderUnifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const { structuredPatch } = require('diff') as typeof import('diff');
  const oldText = before.replace(/\r\n/g, '\n');
  const newText = after.replace(/\r\n/g, '\n');
  const oldLines = masked(oldText.split('\n'));
  const newLines = masked(newText.split('\n'));
  const patch = structuredPatch(`a/${file}`, `b/${file}`, oldText, newText, undefined, undefined, { context: 3 });
  const out = [`--- a/${file}`, `+++ b/${file}`];
  for (const hunk of patch.hunks) {
    out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    let oldAt = hunk.oldStart - 1;
    let newAt = hunk.newStart - 1;
    for (const line of hunk.lines) {
      const mark = line[0];
      if (mark === ' ') {
        out.push(` ${oldLines[oldAt++]}`);
        newAt++;
      } else if (mark === '-') out.push(`-${oldLines[oldAt++]}`);
      else if (mark === '+') out.push(`+${newLines[newAt++]}`);
      else out.push(line);
    }
  }
  return out.join('\n') + '\n';
}

/** A masked secret that was quoted keeps its quotes, so that a quoting fix still shows in the diff. */
function masked(lines: readonly string[]): string[] {
  return maskLines(lines).map((line, index) => {
    const quote = /:\s*(["'])[^"']*\1\s*(#.*)?$/.exec(lines[index])?.[1];
    return quote && line !== lines[index] ? line.replace(MASK, `${quote}${MASK}${quote}`) : line;
  });
}
