import * as path from 'node:path';

/** A result's file as a forward-slash path relative to `cwd` (stdin `-` stays as it is). */
export function relativePath(file: string, cwd: string): string {
  if (file === '-' || file === '') return file;
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative.split(path.sep).join('/');
}
