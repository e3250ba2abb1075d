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

/**
 * Codes of a write whose reader has gone away: a closed pipe (`| head -1`), a closed socket (stdio that a
 * parent process gave as a socket pair), a stream already destroyed by the first of them.
 */
const READER_GONE: ReadonlySet<string> = new Set(['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'EOF']);

/**
 * Writes to one process stream, never failing loudly: a listener that threw would turn the stream's `error`
 * event into an uncaught exception with a stack trace. `pmm-config schema | head -1` closing the pipe is the
 * reader's choice, so later output is dropped quietly; any other write failure is one line on stderr.
 */
function streamWriter(stream: NodeJS.WriteStream, name: string): (text: string) => void {
  let open = true;
  const close = (error: NodeJS.ErrnoException): void => {
    if (!open) return;
    open = false;
    if (error.code !== undefined && READER_GONE.has(error.code)) return;
    process.exitCode = 2;
    if (stream !== process.stderr && !process.stderr.destroyed) {
      process.stderr.write(`pmm-config: cannot write to ${name}: ${error.code ?? error.message}\n`);
    }
  };
  stream.on('error', close);
  return (text) => {
    if (!open || stream.destroyed) return;
    try {
      stream.write(text);
    } catch (error) {
      close(error as NodeJS.ErrnoException);
    }
  };
}

/** The real process streams; stdin is read only when a command asks for it. */
export function processIO(): CliIO {
  const writeStdout = streamWriter(process.stdout, 'stdout');
  const writeStderr = streamWriter(process.stderr, 'stderr');
  return {
    writeStdout,
    writeStderr,
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
