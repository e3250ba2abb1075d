import { formatNames } from '@pmm-config/lint';
import { loadDefaults } from '@pmm-config/schema';
import { KOMETA_DATA_VERSION, VALIDATE_FORMATS } from './validate';

describe('VALIDATE_FORMATS', () => {
  it('offers exactly the formats the lint engine implements', () => {
    expect([...VALIDATE_FORMATS].sort()).toEqual([...formatNames].sort());
  });
});

describe('KOMETA_DATA_VERSION', () => {
  it('is the version the defaults data describes', () => {
    expect(KOMETA_DATA_VERSION).toBe(loadDefaults().kometaVersion);
  });
});
