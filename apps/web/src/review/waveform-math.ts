/** Arrow keys move the playhead by this much; Page Up / Page Down by the larger step. */
export const SEEK_STEP_MS = 5_000;
export const SEEK_PAGE_MS = 30_000;

/** Below this, the loudest peak is not scaled up any further (a near-silent recording stays flat). */
const QUIET_FLOOR = 0.05;

/** A number for an SVG path, short and without exponent notation. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A finite level between 0 and 1. */
function level(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/**
 * Resamples peak levels to at most `columns` values, each the highest peak of the buckets it covers
 * (so a short loud moment still shows). Fewer peaks than columns are returned as they are.
 */
export function resamplePeaks(peaks: readonly number[], columns: number): number[] {
  const count = peaks.length;
  const wanted = Math.max(1, Math.floor(columns));
  if (count <= wanted) return peaks.map(level);
  const out: number[] = [];
  for (let c = 0; c < wanted; c++) {
    const from = Math.floor((c * count) / wanted);
    const to = Math.max(from + 1, Math.floor(((c + 1) * count) / wanted));
    let max = 0;
    for (let i = from; i < to; i++) max = Math.max(max, level(peaks[i]));
    out.push(max);
  }
  return out;
}

/** The factor that brings the loudest peak of either voice to full height. */
export function peakScale(...voices: (readonly number[])[]): number {
  let max = 0;
  for (const peaks of voices) for (const value of peaks) max = Math.max(max, level(value));
  return 1 / Math.max(max, QUIET_FLOOR);
}

/**
 * One SVG path of vertical bars, one per value: bar `i` spans `[i * width, (i + 1) * width)` on the x axis
 * (with a small gap), rising from `baseline` by up to `height` (`direction` -1 draws downwards). Silent bars are left out.
 */
export function barsPath(
  values: readonly number[],
  width: number,
  baseline: number,
  height: number,
  direction: 1 | -1,
  scale = 1,
): string {
  const gap = width * 0.2;
  const barWidth = width - gap;
  const parts: string[] = [];
  values.forEach((value, i) => {
    const barHeight = Math.min(1, level(value) * scale) * height;
    if (barHeight <= 0) return;
    const x = i * width + gap / 2;
    parts.push(`M${n(x)} ${n(baseline)}h${n(barWidth)}v${n(-direction * barHeight)}h${n(-barWidth)}Z`);
  });
  return parts.join('');
}

/** The time under a point `x` pixels from the left of a waveform `width` pixels wide. */
export function timeAtX(x: number, width: number, durationMs: number): number {
  if (!(width > 0) || !(durationMs > 0)) return 0;
  return Math.min(durationMs, Math.max(0, (x / width) * durationMs));
}

/** Where a key pressed on the waveform moves the playhead, or null when the key does nothing there. */
export function seekKeyTarget(key: string, positionMs: number, durationMs: number): number | null {
  const clampMs = (ms: number) => Math.min(Math.max(0, durationMs), Math.max(0, ms));
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clampMs(positionMs - SEEK_STEP_MS);
    case 'ArrowRight':
    case 'ArrowUp':
      return clampMs(positionMs + SEEK_STEP_MS);
    case 'PageDown':
      return clampMs(positionMs - SEEK_PAGE_MS);
    case 'PageUp':
      return clampMs(positionMs + SEEK_PAGE_MS);
    case 'Home':
      return 0;
    case 'End':
      return clampMs(durationMs);
    default:
      return null;
  }
}
