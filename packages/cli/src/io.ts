/**
 * Everything the CLI needs from its process, injected so that `runCli` runs in-process in tests exactly as
 * it does from the bin.
 */
export interface CliIO {
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** Resolves with all of stdin, or rejects with a `CliError` once more than `maxBytes` arrived. */
  readStdin(maxBytes: number): Promise<Buffer>;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Absolute working directory that relative paths are resolved against. */
  readonly cwd: string;
}

/** The real process streams; stdin is read only when a command asks for it. */
export function processIO(): CliIO {
  // `pmm-config validate | head -1` closes the pipe early; that is the reader's choice, not a crash.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return {
    writeStdout: (text) => void process.stdout.write(text),
    writeStderr: (text) => void process.stderr.write(text),
    readStdin: (maxBytes) => readStream(process.stdin, maxBytes),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Thrown by {@link readStream} when the input is larger than allowed; the caller words the message. */
export class InputTooLargeError extends Error {
  override readonly name = 'InputTooLargeError';
  constructor(readonly limit: number) {
    super(`input is larger than ${limit} bytes`);
  }
}

/** Collects a readable stream, stopping early (without buffering the rest) once it exceeds `maxBytes`. */
export function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > maxBytes) {
        cleanup();
        stream.pause();
        reject(new InputTooLargeError(maxBytes));
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}
