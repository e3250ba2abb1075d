export { runCli } from './cli';
export type { CliIO } from './io';
export { processIO } from './io';
export { CliError, EXIT_USAGE } from './errors';
export type { CliErrorCode } from './errors';
