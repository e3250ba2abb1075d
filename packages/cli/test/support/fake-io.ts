import type { CliIO } from '../../src/io';
import { readStream } from '../../src/io';
import { Readable } from 'node:stream';

/** An in-memory `CliIO` whose output can be inspected after `runCli`. */
export interface FakeIO extends CliIO {
  stdout(): string;
  stderr(): string;
}

export function fakeIO(options: { cwd: string; stdin?: string | Buffer; env?: Record<string, string>; isTTY?: boolean }): FakeIO {
  let out = '';
  let err = '';
  return {
    writeStdout: (text) => void (out += text),
    writeStderr: (text) => void (err += text),
    readStdin: (maxBytes) => readStream(Readable.from([Buffer.from(options.stdin ?? '')]), maxBytes),
    stdoutIsTTY: options.isTTY ?? false,
    stderrIsTTY: options.isTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd,
    stdout: () => out,
    stderr: () => err,
  };
}
