/**
 * Fundamental frequency of a short window by YIN (de Cheveigné & Kawahara, "YIN, a fundamental frequency estimator for
 * speech and music", JASA 2002): the cumulative mean normalised difference function, an absolute threshold, and
 * parabolic interpolation of the chosen lag. Written here rather than taken from npm: the maintained pitch trackers are
 * GPL-licensed (pitchfinder) or ES-module only (pitchy), and the server and its tests run as CommonJS.
 */
export interface PitchOptions {
  sampleRate: number;
  /** Lowest and highest pitch looked for, Hz (a speaking voice: about 60–400). */
  minHz?: number;
  maxHz?: number;
  /** Dips of the normalised difference below this are periodic (the paper's 0.1–0.15). */
  threshold?: number;
}

/** The pitch of `window` in Hz, or null when it is not periodic enough to have one (silence, noise, unvoiced sounds). */
export function yinPitch(window: ArrayLike<number>, options: PitchOptions): number | null {
  const { sampleRate, minHz = 60, maxHz = 400, threshold = 0.15 } = options;
  const maxLag = Math.min(Math.floor(sampleRate / minHz), Math.floor(window.length / 2));
  const minLag = Math.max(2, Math.floor(sampleRate / maxHz));
  if (maxLag <= minLag) return null;
  const size = window.length - maxLag;
  const d = new Float64Array(maxLag + 1);
  // Difference function.
  for (let lag = 1; lag <= maxLag; lag++) {
    let sum = 0;
    for (let i = 0; i < size; i++) {
      const delta = window[i] - window[i + lag];
      sum += delta * delta;
    }
    d[lag] = sum;
  }
  // Cumulative mean normalised difference.
  d[0] = 1;
  let running = 0;
  for (let lag = 1; lag <= maxLag; lag++) {
    running += d[lag];
    d[lag] = running === 0 ? 1 : (d[lag] * lag) / running;
  }
  // The first dip under the threshold, followed to its bottom.
  let lag = -1;
  for (let t = minLag; t <= maxLag; t++) {
    if (d[t] < threshold) {
      while (t + 1 <= maxLag && d[t + 1] < d[t]) t++;
      lag = t;
      break;
    }
  }
  if (lag < 0) return null;
  // Parabolic interpolation around the dip.
  let refined = lag;
  if (lag > 1 && lag < maxLag) {
    const a = d[lag - 1];
    const b = d[lag];
    const c = d[lag + 1];
    const denominator = a + c - 2 * b;
    if (denominator !== 0) refined = lag + (a - c) / (2 * denominator);
  }
  return sampleRate / refined;
}
