export { startMalMock } from './server';
export type { MalMock } from './server';
export type { MalMockOptions } from './options';
export { MalState } from './state';
export type { MalCodeRecord, MalTokenRecord } from './state';
