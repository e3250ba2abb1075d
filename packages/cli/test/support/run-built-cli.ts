import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root, from `packages/cli/test/support`. */
export const repoRoot = resolve(__dirname, '../../../..');

/** The built bin that users run; tests never go through npx. */
export const builtMain = resolve(repoRoot, 'packages/cli/dist/main.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly input?: string | Buffer;
  /** Added to a minimal environment, so the caller's NO_COLOR, CI or GITHUB_ACTIONS never leak in. */
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
  /** Node options placed before the script, e.g. `['-r', probe]`. */
  readonly nodeArgs?: readonly string[];
}

/** Runs `node packages/cli/dist/main.js ...args` to completion. */
export function runBuiltCli(args: readonly string[], options: RunOptions = {}): CliRun {
  if (!existsSync(builtMain)) throw new Error(`${builtMain} is missing: build the CLI first (npx nx run pmm-config:build)`);
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), builtMain, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input ?? '',
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Parses `--format json` output and checks the top of its contract. */
export function parseJsonReport(stdout: string): JsonReport {
  const report = JSON.parse(stdout) as JsonReport;
  if (report.version !== 1 || !Array.isArray(report.results)) throw new Error(`not a version 1 report: ${stdout.slice(0, 200)}`);
  return report;
}

export interface JsonDiagnostic {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  pointer: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  hint?: string;
}

export interface JsonReport {
  version: 1;
  results: {
    file: string;
    kind: string;
    linkedFrom?: { file: string; pointer: string; line: number };
    errorCount: number;
    warningCount: number;
    diagnostics: JsonDiagnostic[];
  }[];
}
