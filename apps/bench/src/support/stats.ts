/** Small statistics and table printing for the benchmarks. */

/** The p-th percentile (0–100) by linear interpolation between the closest ranks; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/**
 * The p-th percentile of the union of several histograms, each given as its sample count and [percentile, value] steps
 * (a value is at or above the share of samples its percentile says). Rounded up to a reported value: never an
 * underestimate by more than the histograms' own resolution.
 */
export function mergedPercentile(
  histograms: readonly { count: number; percentiles: readonly [number, number][] }[],
  p: number,
): number {
  const total = histograms.reduce((s, h) => s + h.count, 0);
  if (!total) return NaN;
  const below = (h: { percentiles: readonly [number, number][] }, x: number) =>
    Math.max(0, ...h.percentiles.filter(([, v]) => v <= x).map(([q]) => q));
  const values = [...new Set(histograms.flatMap((h) => h.percentiles.map(([, v]) => v)))].sort((a, b) => a - b);
  for (const x of values) {
    const share = histograms.reduce((s, h) => s + h.count * below(h, x), 0) / total;
    if (share >= p) return x;
  }
  return values[values.length - 1];
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : NaN;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    mean: mean(values),
    max: values.length ? Math.max(...values) : NaN,
  };
}

/** Milliseconds for a table cell. */
export function ms(value: number, digits = 0): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : '–';
}

export function pct(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(0)} %` : '–';
}

/** A plain-text table with padded columns. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A deterministic pseudo-random generator (mulberry32), so two runs speak the same pauses. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `--name value` from the command line, or the fallback. */
export function argValue(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

export function argNumber(name: string, fallback: number): number {
  const value = Number(argValue(name, String(fallback)));
  return Number.isFinite(value) ? value : fallback;
}
