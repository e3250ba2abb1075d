import { encodeQr, formatBits, reedSolomonRemainder, renderQr, versionBits } from './qr';

describe('QR building blocks (known answers from ISO/IEC 18004 examples)', () => {
  it('computes Reed-Solomon codewords for "HELLO WORLD" 1-M', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(reedSolomonRemainder(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });
  it('computes format bits for level L', () => {
    expect(formatBits(0).toString(2).padStart(15, '0')).toBe('111011111000100');
    expect(formatBits(7).toString(2).padStart(15, '0')).toBe('110100101110110');
  });
  it('computes version bits', () => {
    expect(versionBits(7).toString(2).padStart(18, '0')).toBe('000111110010010100');
  });
});

/** Reads a matrix back the way a scanner does, to prove placement, masking and interleaving agree. */
function decode(matrix: readonly (readonly boolean[])[]): string {
  const size = matrix.length;
  const version = (size - 17) / 4;
  let format = 0;
  for (let i = 0; i <= 5; i++) format |= (matrix[i][8] ? 1 : 0) << i;
  format |= (matrix[7][8] ? 1 : 0) << 6;
  format |= (matrix[8][8] ? 1 : 0) << 7;
  format |= (matrix[8][7] ? 1 : 0) << 8;
  for (let i = 9; i < 15; i++) format |= (matrix[8][14 - i] ? 1 : 0) << i;
  const mask = [0, 1, 2, 3, 4, 5, 6, 7].find((candidate) => formatBits(candidate) === format);
  if (mask === undefined) throw new Error('format bits unreadable');
  // Rebuild which modules are data by encoding a same-version reference and comparing function areas is
  // circular; instead rely on the standard's layout: read every module outside the function patterns.
  const reserved = (x: number, y: number): boolean => {
    if ((x < 9 && y < 9) || (x >= size - 8 && y < 9) || (x < 9 && y >= size - 8)) return true;
    if (x === 6 || y === 6) return true;
    if (version >= 7 && ((x >= size - 11 && y < 6) || (y >= size - 11 && x < 6))) return true;
    if (version > 1) {
      const count = Math.floor(version / 7) + 2;
      const step = Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
      const positions = [6];
      for (let p = size - 7; positions.length < count; p -= step) positions.splice(1, 0, p);
      for (const cx of positions)
        for (const cy of positions) {
          const corner = (cx === 6 && cy === 6) || (cx === 6 && cy === positions[count - 1]) || (cx === positions[count - 1] && cy === 6);
          if (!corner && Math.abs(x - cx) <= 2 && Math.abs(y - cy) <= 2) return true;
        }
    }
    return false;
  };
  const masks = [
    (x: number, y: number) => (x + y) % 2 === 0,
    (_x: number, y: number) => y % 2 === 0,
    (x: number) => x % 3 === 0,
    (x: number, y: number) => (x + y) % 3 === 0,
    (x: number, y: number) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
    (x: number, y: number) => ((x * y) % 2) + ((x * y) % 3) === 0,
    (x: number, y: number) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
    (x: number, y: number) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
  ];
  const bits: number[] = [];
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vertical = 0; vertical < size; vertical++)
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vertical : vertical;
        if (!reserved(x, y)) bits.push((matrix[y][x] ? 1 : 0) ^ (masks[mask](x, y) ? 1 : 0));
      }
  }
  const byte = (offset: number, length: number): number => bits.slice(offset, offset + length).reduce((acc, b) => (acc << 1) | b, 0);
  // Versions 1-5 hold one block, so the data codewords come first, unshuffled.
  expect(byte(0, 4)).toBe(0b0100);
  const length = byte(4, 8);
  const out: number[] = [];
  for (let i = 0; i < length; i++) out.push(byte(12 + i * 8, 8));
  return new TextDecoder().decode(Uint8Array.from(out));
}

describe('encodeQr', () => {
  it.each(['https://auth.trakt.tv/activate/5055CC52', 'http://127.0.0.1:41234/activate/ABCDEF12', 'x'])('round-trips %s', (text) => {
    const matrix = encodeQr(text);
    expect(matrix.length).toBeLessThanOrEqual(37);
    expect(decode(matrix)).toBe(text);
  });
  it('draws the three finder patterns', () => {
    const matrix = encodeQr('https://auth.trakt.tv/activate');
    const n = matrix.length;
    for (const [x, y] of [
      [0, 0],
      [n - 7, 0],
      [0, n - 7],
    ]) {
      expect(matrix[y][x]).toBe(true);
      expect(matrix[y + 1][x + 1]).toBe(false);
      expect(matrix[y + 3][x + 3]).toBe(true);
    }
  });
  it('grows the version with the text and refuses what it cannot hold', () => {
    expect(encodeQr('a'.repeat(200)).length).toBe(4 * 9 + 17);
    expect(() => encodeQr('a'.repeat(400))).toThrow(RangeError);
  });
  it('renders two rows per line with a quiet zone', () => {
    const rendered = renderQr(encodeQr('x'));
    expect(rendered.split('\n')).toHaveLength(Math.ceil((21 + 8) / 2));
    expect(rendered).toContain('▀');
  });
});
