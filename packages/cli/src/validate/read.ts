import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CliError } from '../errors';

/**
 * Largest config we read. Real Kometa configs stay well under 100 KB; the cap keeps a mistaken
 * `validate /dev/zero` or a multi-gigabyte log from eating memory.
 */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes -> text the way Kometa reads its config (UTF-8, BOM dropped), or a one-line `CliError`. */
export function decodeConfigText(bytes: Uint8Array, display: string): string {
  if (bytes.includes(0)) {
    throw new CliError('INPUT_BINARY', `${display}: looks like a binary file (it contains NUL bytes), not a YAML config`);
  }
  try {
    return utf8.decode(bytes);
  } catch (error) {
    throw new CliError('INPUT_NOT_UTF8', `${display}: is not valid UTF-8 text; Kometa reads configs as UTF-8`, { cause: error });
  }
}

/** `4194304` -> `4 MiB`, for size messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** The one-line error for input over the size cap. */
export function tooLargeError(display: string, maxBytes: number): CliError {
  return new CliError('INPUT_TOO_LARGE', `${display}: is larger than ${formatBytes(maxBytes)}, too big to be a Kometa config`);
}

/**
 * Reads a config file with a hard size cap, also for devices and FIFOs whose size `stat` cannot tell.
 * Every failure is a `CliError` naming the path as the user gave it.
 */
export function readConfigFile(path: string, display: string, maxBytes: number = MAX_INPUT_BYTES): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw fileSystemError(error, display);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new CliError('INPUT_IS_DIRECTORY', `${display}: is a directory, not a config file`);
    if (stats.isFile() && stats.size > maxBytes) throw tooLargeError(display, maxBytes);
    return decodeConfigText(readAtMost(fd, display, maxBytes), display);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw fileSystemError(error, display);
  } finally {
    closeSync(fd);
  }
}

function readAtMost(fd: number, display: string, maxBytes: number): Buffer {
  const buffer = Buffer.alloc(Math.min(maxBytes + 1, 64 * 1024));
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const read = readSync(fd, buffer, 0, buffer.length, null);
    if (read === 0) break;
    total += read;
    if (total > maxBytes) throw tooLargeError(display, maxBytes);
    chunks.push(Buffer.from(buffer.subarray(0, read)));
  }
  return Buffer.concat(chunks, total);
}

/** Maps Node's fs error codes to one clear line. */
export function fileSystemError(error: unknown, display: string): CliError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new CliError('INPUT_NOT_FOUND', `${display}: no such file or directory`, { cause: error });
    case 'EISDIR':
      return new CliError('INPUT_IS_DIRECTORY', `${display}: is a directory, not a config file`, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new CliError('INPUT_UNREADABLE', `${display}: permission denied`, { cause: error });
    case 'ENOTDIR':
      return new CliError('INPUT_NOT_FOUND', `${display}: a part of the path is not a directory`, { cause: error });
    default:
      return new CliError('INPUT_UNREADABLE', `${display}: cannot be read (${code ?? 'unknown error'})`, { cause: error });
  }
}
