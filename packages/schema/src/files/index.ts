/**
 * What the package's entry point requires on first use for linked files: the key normalizer and the catalogue.
 * One module, so the CLI bundle can hold both in one lazy chunk (a config-only run reads neither).
 */
export { normalizeDefinitionKey, normalizeFileKeys } from './normalize';
export * as catalogue from './catalogue/index';
