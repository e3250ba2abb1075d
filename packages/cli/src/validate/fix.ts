import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import type { LintResult } from '@pmm-config/lint';
import { fixUntilStable, renderUnifiedDiff, type FixOutcome } from '@pmm-config/lint/fix';
import { CliError, errorMessage } from '../errors';
import type { CliIO } from '../io';
import { writeFileAtomic } from '../io/atomic-write';
import { decodeConfigText, fileSystemError } from './read';

/** `--fix` writes the fixes; `--fix-dry-run` prints them as a unified diff and writes nothing. */
export type FixMode = 'apply' | 'dry-run';

/** One linted file to fix: its result, where it is on disk (absent for stdin) and how to lint a new text of it. */
export interface FixTarget {
  readonly result: LintResult;
  readonly path?: string;
  readonly relint: (text: string) => LintResult;
}

export interface FixRun {
  /** The results to report: what is left after the fixes (the original result when a file was not written). */
  readonly results: readonly LintResult[];
  /** One line per file that had something to fix. */
  readonly summary: string;
  /** A file could not be written: exit code 2. */
  readonly failed: boolean;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Fixes every file: each is fixed pass after pass in memory (`fixUntilStable`), then written once, atomically,
 * only if its bytes on disk are still the ones that were linted. A failure is one line on stderr and leaves that
 * file as it was; the other files go on.
 */
export async function runFixes(targets: readonly FixTarget[], mode: FixMode, io: CliIO): Promise<FixRun> {
  const results: LintResult[] = [];
  const summary: string[] = [];
  let failed = false;
  for (const target of targets) {
    const outcome = fixUntilStable(target.result, target.relint);
    if (outcome.text === target.result.source) {
      results.push(outcome.result);
      if (outcome.rejected.length > 0) summary.push(describe(target.result.file, outcome, mode));
      continue;
    }
    if (mode === 'dry-run') {
      io.writeStdout(renderUnifiedDiff(target.result.file, target.result.source, outcome.text));
      results.push(outcome.result);
      summary.push(describe(target.result.file, outcome, mode));
      continue;
    }
    try {
      await writeFixed(target, outcome.text);
      results.push(outcome.result);
      summary.push(describe(target.result.file, outcome, mode));
    } catch (error) {
      failed = true;
      io.writeStderr(`pmm-config: ${error instanceof CliError ? error.message : `${target.result.file}: could not write the fixes (${errorMessage(error)}); it was left as it was`}\n`);
      results.push(target.result);
    }
  }
  return { results, summary: summary.length > 0 ? summary.join('\n') + '\n' : '', failed };
}

/** `config.yml: fixed 3 problems (core/deprecated-key ×2, trakt/pin-type); 1 problem left` */
function describe(file: string, outcome: FixOutcome, mode: FixMode): string {
  const counts = new Map<string, number>();
  for (const d of outcome.fixed) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  const rules = [...counts].map(([rule, count]) => (count > 1 ? `${rule} ×${count}` : rule)).join(', ');
  const left = outcome.result.diagnostics.length;
  const parts = [
    outcome.fixed.length > 0 ? `${mode === 'dry-run' ? 'would fix' : 'fixed'} ${plural(outcome.fixed.length, 'problem')} (${rules})` : 'nothing fixed',
    ...(outcome.rejected.length > 0 ? [`${plural(outcome.rejected.length, 'fix')} not applied because it would change other data`] : []),
    left === 0 ? 'nothing left' : `${plural(left, 'problem')} left`,
  ];
  return `${file}: ${parts.join('; ')}`;
}

/**
 * Writes the fixed text with the BOM the file had, through the atomic writer, refusing a read-only file and a
 * file whose bytes changed since they were linted.
 */
async function writeFixed(target: FixTarget, text: string): Promise<void> {
  const display = target.result.file;
  if (target.path === undefined) throw new CliError('USAGE', `${display}: stdin cannot be fixed in place; use --fix-dry-run to see the diff`);
  let original: Buffer;
  try {
    original = readFileSync(target.path);
  } catch (error) {
    throw fileSystemError(error, display);
  }
  if (decodeConfigText(original, display) !== target.result.source) throw changedOnDisk(display);
  if (!isWritable(target.path)) throw new CliError('FIX_UNWRITABLE', `${display}: is read-only, so the fixes were not written; it was left as it was`);
  const bom = original.subarray(0, 3).equals(BOM) ? BOM : Buffer.alloc(0);
  try {
    await writeFileAtomic(target.path, Buffer.concat([bom, Buffer.from(text, 'utf8')]), { expectedOriginal: original });
  } catch (error) {
    if ((error as { code?: string }).code === 'CONFIG_CHANGED') throw changedOnDisk(display);
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError('FIX_UNWRITABLE', `${display}: could not write the fixes (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? errorMessage(error))}); it was left as it was`, { cause: error });
  }
}

function changedOnDisk(display: string): CliError {
  return new CliError('FIX_CHANGED_ON_DISK', `${display}: changed on disk while it was being checked, so the fixes were not written; run again`);
}

/** A file without any write permission bit is read-only on purpose, even for root (who may write it anyway). */
function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return (statSync(path).mode & 0o222) !== 0;
  } catch {
    return false;
  }
}
