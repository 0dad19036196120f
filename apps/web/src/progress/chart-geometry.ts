/** Pure geometry for the progress charts: scales, ticks and SVG paths (no DOM). */

export interface Point {
  x: number;
  y: number;
}

/** The space kept around a chart's plot for its axes and their labels. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Rounds to a few decimals so SVG attributes stay short and stable. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Maps `domain` onto `range` in a straight line (the range may run backwards, as a y axis does).
 * A zero-width domain maps everything to the middle of the range.
 */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (value: number) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** Every `step` from `min` to `max` inclusive: `ticks(0, 10, 2.5)` is 0, 2.5, 5, 7.5, 10. */
export function ticks(min: number, max: number, step: number): number[] {
  if (!(step > 0) || !Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  const count = Math.floor((max - min) / step + 1e-9);
  return Array.from({ length: count + 1 }, (_, index) => round(min + index * step, 6));
}

/**
 * Which of `count` evenly spaced items get a label when at most `max` fit:
 * always the first and the last, the rest spread evenly between them.
 */
export function indexTicks(count: number, max: number): number[] {
  if (count <= 0) return [];
  if (count === 1) return [0];
  const limit = Math.max(2, Math.floor(max));
  if (count <= limit) return Array.from({ length: count }, (_, index) => index);
  const every = Math.ceil((count - 1) / (limit - 1));
  const picked: number[] = [];
  for (let index = 0; index < count - 1; index += every) picked.push(index);
  // Keep the last one, dropping a neighbour that would crowd it.
  if (picked.length > 1 && count - 1 - picked[picked.length - 1] <= every / 2) picked.pop();
  picked.push(count - 1);
  return picked;
}

/** The x of `count` evenly spaced items from `start` to `end`; a single item sits in the middle. */
export function spread(count: number, start: number, end: number): number[] {
  if (count <= 0) return [];
  if (count === 1) return [round((start + end) / 2)];
  const step = (end - start) / (count - 1);
  return Array.from({ length: count }, (_, index) => round(start + index * step));
}

/** An SVG path through the points in order ("M x y L x y …"); empty for no points. */
export function linePath(points: readonly Point[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)} ${round(point.y)}`).join(' ');
}

/** How many x labels fit across `width` pixels when each needs about `labelWidth`. */
export function labelCapacity(width: number, labelWidth: number): number {
  if (!(labelWidth > 0) || !(width > 0)) return 2;
  return Math.max(2, Math.floor(width / labelWidth));
}

/** A point's place in its chart as percentages, to lay HTML over an SVG that keeps its aspect ratio. */
export function percentOf(point: Point, width: number, height: number): { left: string; top: string } {
  return {
    left: `${round((point.x / width) * 100, 3)}%`,
    top: `${round((point.y / height) * 100, 3)}%`,
  };
}
