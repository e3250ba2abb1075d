import type { FormatContext, LintResult } from '@pmm-config/lint';
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorMessage } from '../errors';
import type { CliIO } from '../io';
import { planAnnotations } from './annotations';
import { stepSummaryMarkdown } from './step-summary';

/** `https://github.com/owner/repo/blob/<sha>`, when the job's environment names all three parts. */
export function blobUrl(env: CliIO['env']): string | undefined {
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  const sha = env['GITHUB_SHA'];
  if (!server || !repository || !sha) return undefined;
  return `${server.replace(/\/+$/, '')}/${repository}/blob/${sha}`;
}

/**
 * The automatic GitHub output of `validate`: annotations on stdout (after the human report) and the full
 * list appended to `$GITHUB_STEP_SUMMARY`. Paths are relative to `$GITHUB_WORKSPACE`, the folder GitHub
 * resolves annotation paths against, even when the step runs in a sub-folder. A summary file that cannot
 * be written costs a warning, never the verdict.
 */
export function publishToGithub(results: readonly LintResult[], context: FormatContext, io: CliIO): void {
  const root = io.env['GITHUB_WORKSPACE'] || context.cwd;
  // File names are relative to the working folder; anchor them before re-relativising to the workspace.
  const anchored = results.map((result) => (result.file === '-' ? result : { ...result, file: resolve(context.cwd, result.file) }));
  const plan = planAnnotations(anchored, { ...context, cwd: root, color: false });
  if (plan.text.length > 0) io.writeStdout(plan.text);
  const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
  if (!summaryFile) return;
  try {
    appendFileSync(summaryFile, stepSummaryMarkdown(anchored, plan, { root, toolVersion: context.toolVersion, blobUrl: blobUrl(io.env), hidden: context.hidden }));
  } catch (error) {
    io.writeStderr(`pmm-config: warning: could not write the step summary to ${summaryFile}: ${errorMessage(error)}\n`);
  }
}
