/** This package's version, read from its package.json (inlined by a bundler, as the require is static). */
export const packageVersion: string = (require('../package.json') as { version: string }).version;
