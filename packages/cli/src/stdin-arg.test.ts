import { protectStdinArgs, restoreStdinArg } from './stdin-arg';

describe('stdin argument protection', () => {
  it('round-trips - and leaves everything else and anything after -- alone', () => {
    const protectedArgs = protectStdinArgs(['validate', '-', 'a.yml', '--', '-']);
    expect(protectedArgs[1]).not.toBe('-');
    expect(protectedArgs.slice(2)).toEqual(['a.yml', '--', '-']);
    expect(protectedArgs.map(restoreStdinArg)).toEqual(['validate', '-', 'a.yml', '--', '-']);
  });
  it('restores - inside messages', () => {
    expect(restoreStdinArg(`Unknown argument: ${protectStdinArgs(['-'])[0]}`)).toBe('Unknown argument: -');
  });
});
