import { describe, expect, it } from '@jest/globals';
import { splitHighlights, type TextPiece } from './highlight-spans';

const text = 'We hash passwords with argon2 and rotate sessions.';
const shape = (pieces: TextPiece[]) => pieces.map((piece) => [piece.text, piece.pointIds.join('+')]);

describe('splitHighlights', () => {
  it('returns the whole text as one plain piece when nothing is highlighted', () => {
    expect(splitHighlights(text, [])).toEqual([{ text, start: 0, end: text.length, pointIds: [] }]);
  });

  it('returns nothing for empty text', () => {
    expect(splitHighlights('', [{ start: 0, end: 3, pointId: 'a' }])).toEqual([]);
  });

  it('cuts plain and highlighted pieces that join up to the text', () => {
    const pieces = splitHighlights(text, [{ start: 3, end: 17, pointId: 'hash' }]);
    expect(shape(pieces)).toEqual([
      ['We ', ''],
      ['hash passwords', 'hash'],
      [' with argon2 and rotate sessions.', ''],
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces.map((piece) => [piece.start, piece.end])).toEqual([
      [0, 3],
      [3, 17],
      [17, text.length],
    ]);
  });

  it('handles spans at the very start and end, in any order', () => {
    const pieces = splitHighlights(text, [
      { start: 34, end: text.length, pointId: 'rotate' },
      { start: 0, end: 2, pointId: 'we' },
    ]);
    expect(shape(pieces)).toEqual([
      ['We', 'we'],
      [' hash passwords with argon2 and ', ''],
      ['rotate sessions.', 'rotate'],
    ]);
  });

  it('splits overlapping spans of different points into pieces listing every point covering them', () => {
    const pieces = splitHighlights(text, [
      { start: 3, end: 29, pointId: 'hash' },
      { start: 18, end: 33, pointId: 'argon' },
    ]);
    expect(shape(pieces)).toEqual([
      ['We ', ''],
      ['hash passwords ', 'hash'],
      ['with argon2', 'hash+argon'],
      [' and', 'argon'],
      [' rotate sessions.', ''],
    ]);
  });

  it('merges overlapping or touching spans of the same point into one piece', () => {
    const pieces = splitHighlights(text, [
      { start: 3, end: 10, pointId: 'hash' },
      { start: 7, end: 17, pointId: 'hash' },
      { start: 17, end: 22, pointId: 'hash' },
    ]);
    expect(shape(pieces)).toEqual([
      ['We ', ''],
      ['hash passwords with', 'hash'],
      [' argon2 and rotate sessions.', ''],
    ]);
  });

  it('keeps a span nested inside another as its own piece', () => {
    const pieces = splitHighlights('abcdefgh', [
      { start: 1, end: 7, pointId: 'outer' },
      { start: 3, end: 5, pointId: 'inner' },
    ]);
    expect(shape(pieces)).toEqual([
      ['a', ''],
      ['bc', 'outer'],
      ['de', 'outer+inner'],
      ['fg', 'outer'],
      ['h', ''],
    ]);
  });

  it('clips spans to the text and drops empty, inverted and non-numeric ones', () => {
    const pieces = splitHighlights('abcdef', [
      { start: -4, end: 2, pointId: 'head' },
      { start: 4, end: 99, pointId: 'tail' },
      { start: 3, end: 3, pointId: 'empty' },
      { start: 5, end: 1, pointId: 'inverted' },
      { start: Number.NaN, end: 2, pointId: 'nan' },
      { start: 10, end: 12, pointId: 'outside' },
    ]);
    expect(shape(pieces)).toEqual([
      ['ab', 'head'],
      ['cd', ''],
      ['ef', 'tail'],
    ]);
  });

  it('treats a span covering the whole text as one highlighted piece', () => {
    expect(shape(splitHighlights('abc', [{ start: 0, end: 3, pointId: 'all' }]))).toEqual([['abc', 'all']]);
  });
});
