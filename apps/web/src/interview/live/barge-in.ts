/**
 * Decides when the candidate is talking over the interviewer: the microphone's level stays above a threshold
 * for `holdMs` (a short dip is forgiven), after a grace period at the start of playback.
 */
export interface BargeInOptions {
  threshold: number;
  holdMs: number;
  /** Ignore this long after playback starts (the echo canceller settles, a click of the play button…). */
  graceMs: number;
}

export const BARGE_IN_DEFAULTS: BargeInOptions = { threshold: 0.5, holdMs: 150, graceMs: 300 };

export class BargeInDetector {
  private readonly options: BargeInOptions;
  private elapsed = 0;
  private loudMs = 0;

  constructor(options: Partial<BargeInOptions> = {}) {
    this.options = { ...BARGE_IN_DEFAULTS, ...options };
  }

  /** Playback started: start over. */
  reset(): void {
    this.elapsed = 0;
    this.loudMs = 0;
  }

  /** One level reading covering `durationMs` of audio; true once the candidate has barged in. */
  push(level: number, durationMs: number): boolean {
    this.elapsed += durationMs;
    if (this.elapsed <= this.options.graceMs) return false;
    if (level >= this.options.threshold) {
      this.loudMs += durationMs;
    } else {
      // A brief dip between syllables doesn't reset it; a pause does.
      this.loudMs = Math.max(0, this.loudMs - durationMs * 2);
    }
    return this.loudMs >= this.options.holdMs;
  }
}
