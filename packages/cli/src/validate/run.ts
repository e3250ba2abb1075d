import type { FileKind, Plugin } from '@pmm-config/plugin';
import { parseKometaVersion } from '@pmm-config/schema';
import { KOMETA_DATA_VERSION } from '../commands/validate';
import { formatResults, lintFiles, ruleCatalog } from '@pmm-config/lint';
import type { FormatName, LintHost, LintInput, LintResult } from '@pmm-config/lint';
import { CliError, EXIT_USAGE, errorMessage } from '../errors';
import { planStdout } from '../github/report-targets';
import type { CliIO } from '../io';
import { shouldUseColor } from './color';
import { createFsLintHost } from './host';
import { readStdinText, resolveInputs } from './inputs';
import type { InputSource } from './inputs';
import type { FixMode, FixTarget } from './fix';
import { errorsOnly, hiddenByErrorsOnly, lintOutcome } from './outcome';
import { MAX_INPUT_BYTES, readConfigFile } from './read';

/** Everything `pmm-config validate` was asked to do, already parsed. */
export interface ValidateOptions {
  readonly paths: readonly string[];
  readonly stdinFilepath?: string;
  readonly format: FormatName;
  /** `--format` was given explicitly (otherwise GitHub Actions also gets annotations and a step summary). */
  readonly formatGiven?: boolean;
  /** `--output <file>`: `format` goes to the file, the readable report to stdout. */
  readonly output?: string;
  readonly maxWarnings?: number;
  readonly strict: boolean;
  readonly quiet: boolean;
  /** `--color`/`--no-color`; otherwise decided from the terminal and `NO_COLOR`/`FORCE_COLOR`. */
  readonly color?: boolean;
  readonly plugins: readonly Plugin[];
  /** `--no-follow`: lint only the named files, not the files their configs link to. */
  readonly follow?: boolean;
  /** `--kind`: the kind of every named file, instead of the one its top-level keys show. */
  readonly kind?: FileKind;
  /** `--kometa-version`: which Kometa the configs are for (defaults and their variables). */
  readonly kometaVersion?: string;
  /** `--check-env`: note `<<NAME>>` placeholders whose KOMETA_NAME is unset in this process's environment. */
  readonly checkEnv?: boolean;
  readonly toolVersion: string;
  /** Prints stacks of per-file failures too. */
  readonly debug: boolean;
  readonly maxBytes?: number;
  /** `--fix` / `--fix-dry-run`: apply the fixes, or print them as a diff. */
  readonly fix?: FixMode;
}

/**
 * Lints every input and prints one report. A file that cannot be read or crashes the engine is reported on
 * stderr in one line and the others are still checked; the exit code is then 2.
 */
export async function runValidate(options: ValidateOptions, io: CliIO): Promise<number> {
  if (options.kometaVersion !== undefined && !parseKometaVersion(options.kometaVersion)) {
    throw new CliError('USAGE', `--kometa-version needs a Kometa version such as ${KOMETA_DATA_VERSION} or 2.5.0, not "${options.kometaVersion}"`);
  }
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const { sources, problems } = resolveInputs(options.paths, { cwd: io.cwd, stdinFilepath: options.stdinFilepath, maxBytes });
  const reportProblem = (error: CliError): void => {
    io.writeStderr(`pmm-config: ${error.message}\n`);
    if (options.debug && error.cause instanceof Error && error.cause.stack) io.writeStderr(`${error.cause.stack}\n`);
  };
  problems.forEach(reportProblem);
  let failed = problems.length > 0;

  const inputs: LintInput[] = [];
  for (const source of sources) {
    try {
      inputs.push(await readSource(source, io, maxBytes, options.kind));
    } catch (error) {
      failed = true;
      reportProblem(error instanceof CliError ? error : new CliError('INPUT_UNREADABLE', `${source.display}: ${errorMessage(error)}`, { cause: error }));
    }
  }
  let results: LintResult[] = [];
  const runOptions = {
    plugins: options.plugins,
    host: createFsLintHost(maxBytes, io.cwd),
    follow: options.follow ?? true,
    ...(options.kometaVersion !== undefined ? { kometaVersion: options.kometaVersion } : {}),
    ...(options.checkEnv ? { kometaEnv: io.env } : {}),
  };
  try {
    results = lintFiles(inputs, runOptions);
  } catch (error) {
    failed = true;
    reportProblem(new CliError('LINT_CRASHED', `could not be checked, internal error: ${errorMessage(error)}`, { cause: error }));
  }

  let fixSummary = '';
  if (options.fix) {
    // Loaded only with --fix or --fix-dry-run.
    const { runFixes } = require('./fix') as typeof import('./fix');
    // Each file is fixed on its own text; a new text is linted again in the same run (its config, its links).
    const targets: FixTarget[] = results.map((result) => ({ result, path: result.path, relint: (text: string) => relintFile(inputs, runOptions, result, text) }));
    const fixed = await runFixes(targets, options.fix, io);
    results = [...fixed.results];
    failed ||= fixed.failed;
    fixSummary = fixed.summary;
  }

  const shown = options.quiet ? results.map(errorsOnly) : results;
  const formatContext = {
    color: shouldUseColor({ flag: options.color, isTTY: io.stdoutIsTTY, env: io.env }),
    cwd: io.cwd,
    toolVersion: options.toolVersion,
    rules: ruleCatalog(options.plugins),
    ...(options.quiet ? { hidden: hiddenByErrorsOnly(results) } : {}),
  };
  const targets = { format: options.format, formatGiven: options.formatGiven ?? true, output: options.output };
  if (targets.output !== undefined) {
    // Loaded only with --output, the one use of node:fs/promises.
    const { writeReportFile } = require('../github/report-file') as typeof import('../github/report-file');
    try {
      await writeReportFile(shown, { ...targets, output: targets.output }, formatContext, io.cwd);
    } catch (error) {
      failed = true;
      reportProblem(error instanceof CliError ? error : new CliError('OUTPUT_UNWRITABLE', errorMessage(error), { cause: error }));
    }
  }
  const stdout = planStdout(targets, io.env);
  const report = formatResults(shown, stdout.format, formatContext);
  // A stylish "no problems" line would read as success when nothing could be checked at all.
  const nothingChecked = results.length === 0 && stdout.format === 'stylish';
  // With --fix-dry-run stdout is the diff alone, so that it can be applied as a patch.
  if (report.length > 0 && !nothingChecked && options.fix !== 'dry-run') io.writeStdout(report.endsWith('\n') ? report : `${report}\n`);
  if (fixSummary) (stdout.format === 'stylish' && options.fix === 'apply' ? io.writeStdout : io.writeStderr)(fixSummary);
  if (stdout.github && !nothingChecked) {
    // Loaded only inside GitHub Actions: annotations and the step summary are of no use anywhere else.
    const { publishToGithub } = require('../github/publish') as typeof import('../github/publish');
    publishToGithub(shown, formatContext, io);
  }

  const outcome = lintOutcome(results, { maxWarnings: options.maxWarnings, strict: options.strict });
  if (outcome.warningFailure) io.writeStderr(`pmm-config: ${outcome.warningFailure}\n`);
  return failed ? EXIT_USAGE : outcome.exitCode;
}

async function readSource(source: InputSource, io: CliIO, maxBytes: number, kind: FileKind | undefined): Promise<LintInput> {
  if (source.kind === 'stdin') {
    const text = await readStdinText((limit) => io.readStdin(limit), source.display, maxBytes);
    return { file: source.display, text, ...(source.configDir ? { dir: source.configDir } : {}), ...(kind ? { kind } : {}) };
  }
  const text = source.text ?? readConfigFile(source.path, source.display, maxBytes);
  return { file: source.display, path: source.path, text, ...(kind ? { kind } : {}) };
}

/** Lints a new text of one file of the run in the same context (its config, its links), for the passes of --fix. */
function relintFile(inputs: readonly LintInput[], options: Parameters<typeof lintFiles>[1] & { readonly host: LintHost }, result: LintResult, text: string): LintResult {
  const path = result.path;
  const host: LintHost = path === undefined ? options.host : { ...options.host, readFile: (file) => (file === path ? { text } : options.host.readFile(file)) };
  const changed = inputs.map((input) => ((path !== undefined ? input.path === path : input.path === undefined && input.file === result.file) ? { ...input, text } : input));
  return lintFiles(changed, { ...options, host, only: path ?? result.file })[0] ?? result;
}
