import { shouldUseColor } from './color';

describe('shouldUseColor', () => {
  it('colours a terminal and nothing else by default', () => {
    expect(shouldUseColor({ isTTY: true, env: {} })).toBe(true);
    expect(shouldUseColor({ isTTY: false, env: {} })).toBe(false);
  });
  it('honours NO_COLOR when it is non-empty', () => {
    expect(shouldUseColor({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(shouldUseColor({ isTTY: true, env: { NO_COLOR: '' } })).toBe(true);
  });
  it('lets FORCE_COLOR turn colour on off a terminal and beat NO_COLOR', () => {
    expect(shouldUseColor({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(shouldUseColor({ isTTY: false, env: { FORCE_COLOR: '' } })).toBe(true);
    expect(shouldUseColor({ isTTY: true, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(true);
  });
  it('reads FORCE_COLOR=0 and false as off', () => {
    expect(shouldUseColor({ isTTY: true, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(shouldUseColor({ isTTY: true, env: { FORCE_COLOR: 'false' } })).toBe(false);
  });
  it('never colours a dumb terminal unless forced', () => {
    expect(shouldUseColor({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false);
    expect(shouldUseColor({ isTTY: true, env: { TERM: 'dumb', FORCE_COLOR: '1' } })).toBe(true);
  });
  it('lets the --color flag win over everything', () => {
    expect(shouldUseColor({ flag: false, isTTY: true, env: { FORCE_COLOR: '1' } })).toBe(false);
    expect(shouldUseColor({ flag: true, isTTY: false, env: { NO_COLOR: '1' } })).toBe(true);
  });
});
