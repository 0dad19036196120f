import { describe, expect, it } from '@jest/globals';
import { activeLineIndex, lastStartedIndex, sortLines } from './active-line';

const lines = [
  { seq: 0, startMs: 0, endMs: 4_000 },
  { seq: 1, startMs: 5_000, endMs: 12_000 },
  { seq: 2, startMs: 12_000, endMs: 20_000 },
  { seq: 3, startMs: 25_000, endMs: 30_000 },
];

describe('lastStartedIndex', () => {
  it('finds the last line starting at or before the time', () => {
    expect(lastStartedIndex(lines, -1)).toBe(-1);
    expect(lastStartedIndex(lines, 0)).toBe(0);
    expect(lastStartedIndex(lines, 4_999)).toBe(0);
    expect(lastStartedIndex(lines, 5_000)).toBe(1);
    expect(lastStartedIndex(lines, 12_000)).toBe(2);
    expect(lastStartedIndex(lines, 99_000)).toBe(3);
  });

  it('copes with no lines', () => {
    expect(lastStartedIndex([], 1_000)).toBe(-1);
    expect(activeLineIndex([], 1_000)).toBe(-1);
  });
});

describe('activeLineIndex', () => {
  it('is the line going on at the time', () => {
    expect(activeLineIndex(lines, 2_000)).toBe(0);
    expect(activeLineIndex(lines, 11_999)).toBe(1);
    expect(activeLineIndex(lines, 12_000)).toBe(2);
    expect(activeLineIndex(lines, 27_000)).toBe(3);
  });

  it('is none before the first line starts', () => {
    const later = lines.map((line) => ({ ...line, startMs: line.startMs + 3_000, endMs: line.endMs + 3_000 }));
    expect(activeLineIndex(later, 1_000)).toBe(-1);
  });

  it('stays on the last line said through a pause, and after the end', () => {
    expect(activeLineIndex(lines, 4_500)).toBe(0);
    expect(activeLineIndex(lines, 22_000)).toBe(2);
    expect(activeLineIndex(lines, 60_000)).toBe(3);
  });

  it('prefers a longer line still going on over a short one that started inside it and ended', () => {
    const overlapping = [
      { seq: 0, startMs: 0, endMs: 10_000 },
      { seq: 1, startMs: 3_000, endMs: 4_000 },
    ];
    expect(activeLineIndex(overlapping, 3_500)).toBe(1);
    expect(activeLineIndex(overlapping, 6_000)).toBe(0);
  });

  it('works on a long transcript', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ seq: i, startMs: i * 1_000, endMs: i * 1_000 + 800 }));
    expect(activeLineIndex(many, 4_321_500)).toBe(4_321);
    expect(activeLineIndex(many, 4_321_900)).toBe(4_321);
  });
});

describe('sortLines', () => {
  it('orders by start, then by position in the interview, without touching the input', () => {
    const input = [
      { seq: 3, startMs: 2_000, endMs: 3_000 },
      { seq: 2, startMs: 1_000, endMs: 1_500 },
      { seq: 1, startMs: 1_000, endMs: 1_200 },
    ];
    expect(sortLines(input).map((line) => line.seq)).toEqual([1, 2, 3]);
    expect(input.map((line) => line.seq)).toEqual([3, 2, 1]);
  });
});
