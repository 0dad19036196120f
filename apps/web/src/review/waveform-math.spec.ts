import { describe, expect, it } from '@jest/globals';
import { barsPath, peakScale, resamplePeaks, seekKeyTarget, timeAtX } from './waveform-math';

describe('resamplePeaks', () => {
  it('keeps the highest peak of each column', () => {
    expect(resamplePeaks([0.1, 0.5, 0.2, 0.9, 0, 0.3], 3)).toEqual([0.5, 0.9, 0.3]);
  });

  it('covers every bucket when the count does not divide evenly', () => {
    const peaks = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
    const out = resamplePeaks(peaks, 3);
    expect(out).toHaveLength(3);
    expect(Math.max(...out)).toBe(0.7);
    expect(out[0]).toBe(0.2);
  });

  it('returns fewer peaks than columns as they are, clamped to 0–1', () => {
    expect(resamplePeaks([0.2, 1.5, -1, Number.NaN], 100)).toEqual([0.2, 1, 0, 0]);
  });

  it('returns nothing for no peaks', () => {
    expect(resamplePeaks([], 10)).toEqual([]);
  });
});

describe('peakScale', () => {
  it('brings the loudest peak of either voice to full height', () => {
    expect(peakScale([0.1, 0.25], [0.5, 0.2])).toBeCloseTo(2);
  });

  it('does not blow a near-silent recording up', () => {
    expect(peakScale([0, 0.001], [])).toBeCloseTo(20);
  });
});

describe('barsPath', () => {
  it('draws one bar per audible value, up or down from the baseline', () => {
    expect(barsPath([0.5, 0, 1], 10, 50, 40, 1)).toBe('M1 50h8v-20h-8ZM21 50h8v-40h-8Z');
    expect(barsPath([0.5], 10, 50, 40, -1)).toBe('M1 50h8v20h-8Z');
  });

  it('scales and caps the bars at full height', () => {
    expect(barsPath([0.5], 10, 50, 40, 1, 4)).toBe('M1 50h8v-40h-8Z');
  });
});

describe('timeAtX', () => {
  it('maps a position across the waveform to a time, clamped to the recording', () => {
    expect(timeAtX(50, 200, 60_000)).toBe(15_000);
    expect(timeAtX(-5, 200, 60_000)).toBe(0);
    expect(timeAtX(250, 200, 60_000)).toBe(60_000);
    expect(timeAtX(10, 0, 60_000)).toBe(0);
  });
});

describe('seekKeyTarget', () => {
  it('moves 5 s with the arrows, 30 s with the page keys, to the ends with Home and End', () => {
    expect(seekKeyTarget('ArrowRight', 10_000, 60_000)).toBe(15_000);
    expect(seekKeyTarget('ArrowUp', 10_000, 60_000)).toBe(15_000);
    expect(seekKeyTarget('ArrowLeft', 10_000, 60_000)).toBe(5_000);
    expect(seekKeyTarget('ArrowDown', 10_000, 60_000)).toBe(5_000);
    expect(seekKeyTarget('PageUp', 10_000, 60_000)).toBe(40_000);
    expect(seekKeyTarget('PageDown', 40_000, 60_000)).toBe(10_000);
    expect(seekKeyTarget('Home', 10_000, 60_000)).toBe(0);
    expect(seekKeyTarget('End', 10_000, 60_000)).toBe(60_000);
  });

  it('stays within the recording', () => {
    expect(seekKeyTarget('ArrowLeft', 2_000, 60_000)).toBe(0);
    expect(seekKeyTarget('ArrowRight', 58_000, 60_000)).toBe(60_000);
  });

  it('ignores other keys', () => {
    expect(seekKeyTarget('Enter', 2_000, 60_000)).toBeNull();
    expect(seekKeyTarget(' ', 2_000, 60_000)).toBeNull();
  });
});
