import { realWords } from '@mockroom/contracts';

/**
 * Whether the candidate is taking the turn while the interviewer speaks. Not every sound is an interruption: a
 * "mm-hmm", an "okay", a cough or a click over the interviewer's voice is how people listen. So sound first only
 * holds the interviewer's voice (`duck`: paused where it is); it interrupts once it has gone on like speech (`confirmMs`), or once the
 * live transcript shows real words (more than a backchannel); and when it stops before that, the voice comes back up
 * (`release`) and carries on where it was.
 */
export interface BargeInOptions {
  threshold: number;
  /** Sound this long holds the interviewer's voice. */
  holdMs: number;
  /** Sound this long is speech taking the turn. */
  confirmMs: number;
  /** Quiet this long after a duck brings the voice back. */
  releaseMs: number;
  /** Ignore this long after playback starts (the echo canceller settles, a click of the play button…). */
  graceMs: number;
}

export const BARGE_IN_DEFAULTS: BargeInOptions = {
  threshold: 0.5,
  holdMs: 150,
  confirmMs: 900,
  releaseMs: 450,
  graceMs: 300,
};

export type BargeInStep = 'none' | 'duck' | 'interrupt' | 'release';

/** Words beyond backchannels that make an interruption. */
const INTERRUPT_WORDS = 3;

export { realWords };

export class BargeInDetector {
  private readonly options: BargeInOptions;
  private elapsed = 0;
  private loudMs = 0;
  private quietMs = 0;
  private ducked = false;

  constructor(options: Partial<BargeInOptions> = {}) {
    this.options = { ...BARGE_IN_DEFAULTS, ...options };
  }

  /** Playback started: start over. */
  reset(): void {
    this.elapsed = 0;
    this.loudMs = 0;
    this.quietMs = 0;
    this.ducked = false;
  }

  get isDucked(): boolean {
    return this.ducked;
  }

  /** One level reading covering `durationMs` of audio. */
  push(level: number, durationMs: number): BargeInStep {
    this.elapsed += durationMs;
    if (this.elapsed <= this.options.graceMs) return 'none';
    if (level >= this.options.threshold) {
      this.loudMs += durationMs;
      this.quietMs = 0;
      if (this.loudMs >= this.options.confirmMs) return 'interrupt';
      if (!this.ducked && this.loudMs >= this.options.holdMs) {
        this.ducked = true;
        return 'duck';
      }
      return 'none';
    }
    // A brief dip between syllables doesn't reset it; a pause does.
    this.loudMs = Math.max(0, this.loudMs - durationMs * 2);
    this.quietMs += durationMs;
    if (this.ducked && this.quietMs >= this.options.releaseMs) {
      this.ducked = false;
      this.loudMs = 0;
      return 'release';
    }
    return 'none';
  }

  /** The live transcript of what the candidate is saying now: real words interrupt, a backchannel does not. */
  words(text: string): BargeInStep {
    return realWords(text) >= INTERRUPT_WORDS ? 'interrupt' : 'none';
  }
}
