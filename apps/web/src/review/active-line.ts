/** Anything placed on the interview's clock. */
export interface Timed {
  startMs: number;
  endMs: number;
}

/** How many earlier lines to look back at for one still going on (lines rarely overlap more than this). */
const LOOKBACK = 6;

/** A copy of the lines in the order they were said: by start, then by position in the interview. */
export function sortLines<T extends Timed & { seq: number }>(lines: readonly T[]): T[] {
  return [...lines].sort((a, b) => a.startMs - b.startMs || a.seq - b.seq);
}

/** Index of the last line (sorted by start) that starts at or before `ms`, by binary search; -1 when none has. */
export function lastStartedIndex(lines: readonly Timed[], ms: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lines[middle].startMs <= ms) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * The line being heard at `ms` (lines sorted by start): the latest-starting line still going on then; in a pause
 * between lines, the last one said (so the highlight stays put until the next line starts); -1 before the first.
 */
export function activeLineIndex(lines: readonly Timed[], ms: number): number {
  const last = lastStartedIndex(lines, ms);
  if (last < 0) return -1;
  for (let i = last; i >= 0 && last - i < LOOKBACK; i--) {
    if (lines[i].endMs > ms) return i;
  }
  return last;
}
