import { formatNames } from '@pmm-config/lint';
import { VALIDATE_FORMATS } from './validate';

describe('VALIDATE_FORMATS', () => {
  it('offers exactly the formats the lint engine implements', () => {
    expect([...VALIDATE_FORMATS].sort()).toEqual([...formatNames].sort());
  });
});
