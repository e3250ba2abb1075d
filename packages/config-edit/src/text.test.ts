import { applySplices, detectEol, lineEndAt, lineStartAt, splitBom, trimBack } from './text';

describe('text helpers', () => {
  it('finds line bounds in LF and CRLF text', () => {
    const text = 'ab\r\ncd\nef';
    expect(lineStartAt(text, 5)).toBe(4);
    expect(lineEndAt(text, 0)).toBe(2);
    expect(lineEndAt(text, 4)).toBe(6);
    expect(lineEndAt(text, 8)).toBe(9);
    expect(trimBack('a: 1 \r\n\n', 7)).toBe(4);
  });

  it('detects the line ending and the BOM', () => {
    expect(detectEol('a\r\nb\n')).toBe('\r\n');
    expect(detectEol('a\nb\r\n')).toBe('\n');
    expect(detectEol('a')).toBe('\n');
    expect(splitBom('\uFEFFa: 1')).toEqual({ bom: '\uFEFF', body: 'a: 1' });
    expect(splitBom('a: 1')).toEqual({ bom: '', body: 'a: 1' });
  });

  it('applies splices at the same offset in the order given', () => {
    expect(applySplices('k:\nz', [{ start: 2, end: 2, text: ' 1' }, { start: 2, end: 2, text: '\nq:' }, { start: 0, end: 1, text: 'K' }])).toBe(
      'K: 1\nq:\nz',
    );
  });
});
