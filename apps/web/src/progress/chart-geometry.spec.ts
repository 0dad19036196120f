import { describe, expect, it } from '@jest/globals';
import {
  clamp,
  indexTicks,
  labelCapacity,
  linearScale,
  linePath,
  percentOf,
  round,
  spread,
  ticks,
} from './chart-geometry';

describe('linearScale', () => {
  it('maps the domain onto the range', () => {
    const x = linearScale([0, 10], [40, 240]);
    expect(x(0)).toBe(40);
    expect(x(5)).toBe(140);
    expect(x(10)).toBe(240);
  });

  it('runs backwards for a y axis (0 at the bottom)', () => {
    const y = linearScale([0, 10], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(2.5)).toBe(150);
    expect(y(10)).toBe(0);
  });

  it('maps a zero-width domain to the middle of the range', () => {
    const x = linearScale([3, 3], [0, 100]);
    expect(x(3)).toBe(50);
    expect(x(99)).toBe(50);
  });
});

describe('ticks', () => {
  it('gives the gridlines of a 0–10 score axis', () => {
    expect(ticks(0, 10, 2.5)).toEqual([0, 2.5, 5, 7.5, 10]);
  });

  it('handles steps that do not divide evenly and steps with rounding error', () => {
    expect(ticks(0, 10, 3)).toEqual([0, 3, 6, 9]);
    expect(ticks(0, 1, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('gives nothing for a nonsensical request', () => {
    expect(ticks(0, 10, 0)).toEqual([]);
    expect(ticks(0, 10, -1)).toEqual([]);
    expect(ticks(10, 0, 1)).toEqual([]);
    expect(ticks(0, Number.NaN, 1)).toEqual([]);
  });
});

describe('indexTicks', () => {
  it('labels every item when they fit', () => {
    expect(indexTicks(0, 5)).toEqual([]);
    expect(indexTicks(1, 5)).toEqual([0]);
    expect(indexTicks(4, 5)).toEqual([0, 1, 2, 3]);
  });

  it('keeps the first and the last and spreads the rest, never more than the limit', () => {
    expect(indexTicks(10, 4)).toEqual([0, 3, 6, 9]);
    for (let count = 2; count < 60; count++) {
      for (let max = 2; max < 12; max++) {
        const picked = indexTicks(count, max);
        expect(picked.length).toBeLessThanOrEqual(max);
        expect(picked[0]).toBe(0);
        expect(picked[picked.length - 1]).toBe(count - 1);
        expect([...picked].sort((a, b) => a - b)).toEqual(picked);
        expect(new Set(picked).size).toBe(picked.length);
      }
    }
  });

  it('drops a label that would crowd the last one', () => {
    // Every 3rd of 11 would end 0, 3, 6, 9, 10: 9 and 10 collide.
    expect(indexTicks(11, 5)).toEqual([0, 3, 6, 10]);
    // Every 2nd of 12 would end 0, 2, …, 10, 11.
    expect(indexTicks(12, 7)).toEqual([0, 2, 4, 6, 8, 11]);
  });

  it('treats a limit below two as two', () => {
    expect(indexTicks(7, 1)).toEqual([0, 6]);
  });
});

describe('spread', () => {
  it('spaces items evenly from start to end', () => {
    expect(spread(3, 0, 100)).toEqual([0, 50, 100]);
    expect(spread(4, 10, 40)).toEqual([10, 20, 30, 40]);
  });

  it('puts a single item in the middle and gives nothing for none', () => {
    expect(spread(1, 0, 100)).toEqual([50]);
    expect(spread(0, 0, 100)).toEqual([]);
  });
});

describe('linePath', () => {
  it('moves to the first point and draws lines through the rest', () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 5.555, y: 2 },
        { x: 10, y: 0 },
      ]),
    ).toBe('M0 10 L5.56 2 L10 0');
  });

  it('is a bare move for one point and empty for none', () => {
    expect(linePath([{ x: 1, y: 2 }])).toBe('M1 2');
    expect(linePath([])).toBe('');
  });
});

describe('helpers', () => {
  it('rounds and clamps', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1.23456, 3)).toBe(1.235);
    expect(clamp(11, 0, 10)).toBe(10);
    expect(clamp(-1, 0, 10)).toBe(0);
    expect(clamp(4, 0, 10)).toBe(4);
  });

  it('works out how many labels fit', () => {
    expect(labelCapacity(640, 90)).toBe(7);
    expect(labelCapacity(100, 90)).toBe(2);
    expect(labelCapacity(0, 90)).toBe(2);
  });

  it('places a point as percentages of the chart', () => {
    expect(percentOf({ x: 160, y: 70 }, 640, 280)).toEqual({ left: '25%', top: '25%' });
  });
});
