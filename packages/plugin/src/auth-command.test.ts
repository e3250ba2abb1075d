import { authCommand } from './auth-command';

describe('authCommand', () => {
  it.each([
    ['config.yml', 'pmm-config auth trakt'],
    ['./config.yml', 'pmm-config auth trakt'],
    ['<stdin>', 'pmm-config auth trakt'],
    ['examples/config.yml', 'pmm-config auth trakt --config examples/config.yml'],
    ['config/config.yml', 'pmm-config auth trakt --config config/config.yml'],
    ['my configs/config.yml', "pmm-config auth trakt --config 'my configs/config.yml'"],
    ["it's/config.yml", "pmm-config auth trakt --config 'it'\\''s/config.yml'"],
  ])('for %s: %s', (file, command) => {
    expect(authCommand('trakt', file)).toBe(command);
  });

  it('puts options before the --config flag', () => {
    expect(authCommand('mal', 'kometa/config.yml', '--refresh')).toBe('pmm-config auth mal --refresh --config kometa/config.yml');
  });
});
