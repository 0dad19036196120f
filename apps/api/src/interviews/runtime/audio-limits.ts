import { AUDIO_FRAME_MS } from '@mockroom/contracts';
import type { AppConfig } from '@mockroom/server-config';
import { SessionCommandError } from './session-command-error';

/**
 * What one participant's audio may cost the server. A client decides how fast it sends frames, how many streams it
 * opens and which sequence numbers it skips; none of that may grow memory, disk or open files without bound.
 */

/**
 * Frames a stream may take: real time (times `maxRate`) on the wall clock, plus a burst for the resend a browser makes
 * after a reconnect (its outbox). Frames beyond it are refused; a gap is filled with silence only as far as the budget
 * allows (a skipped sequence number must not become minutes of recording).
 */
export class FrameBudget {
  private tokens: number;
  private at: number;

  constructor(
    private readonly framesPerMs: number,
    private readonly capacity: number,
    now = Date.now(),
  ) {
    this.tokens = capacity;
    this.at = now;
  }

  static from(config: AppConfig['audio'], now = Date.now()): FrameBudget {
    return new FrameBudget(config.maxRate / AUDIO_FRAME_MS, Math.ceil(config.burstMs / AUDIO_FRAME_MS), now);
  }

  available(now = Date.now()): number {
    this.refill(now);
    return this.tokens;
  }

  /** Takes `frames` if they are there; false (and nothing taken) if not. */
  take(frames: number, now = Date.now()): boolean {
    this.refill(now);
    if (this.tokens < frames) return false;
    this.tokens -= frames;
    return true;
  }

  private refill(now: number): void {
    if (now <= this.at) return;
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) * this.framesPerMs);
    this.at = now;
  }
}

/**
 * Time one participant has recorded, frames and the silence of gaps together, against the interview's clock: at most
 * the burst plus maxRate × the time since the interview started. An offline minute earns the minute of silence that
 * fills its gap; a skipped sequence number earns nothing; nothing accrues before the interview starts.
 */
export class RecordedTime {
  private used = 0;

  constructor(
    private readonly framesPerMs: number,
    private readonly burst: number,
  ) {}

  /** Takes `frames` at `clockMs` (ms since the interview started) if they fit; false (and nothing taken) if not. */
  take(frames: number, clockMs: number): boolean {
    if (this.used + frames > this.burst + Math.max(0, clockMs) * this.framesPerMs) return false;
    this.used += frames;
    return true;
  }
}

/**
 * What one participant's audio may cost, over all their streams (a new stream brings no fresh burst): the frames
 * received (`budget`: real time × maxRate plus a burst for the resend after a reconnect) and the time recorded
 * (`allowance`).
 */
export interface ParticipantBudget {
  budget: FrameBudget;
  allowance: RecordedTime;
}

export function participantBudget(config: AppConfig['audio'], now = Date.now()): ParticipantBudget {
  return {
    budget: FrameBudget.from(config, now),
    allowance: new RecordedTime(config.maxRate / AUDIO_FRAME_MS, Math.ceil(config.burstMs / AUDIO_FRAME_MS)),
  };
}

/** The recording an interview may hold, all its streams together, in frames. */
export class RecordingQuota {
  private used: number;

  constructor(
    private readonly maxFrames: number,
    usedMs = 0,
  ) {
    this.used = Math.ceil(usedMs / AUDIO_FRAME_MS);
  }

  static from(config: AppConfig['audio'], usedMs = 0): RecordingQuota {
    return new RecordingQuota(Math.floor((config.maxRecordingMinutes * 60_000) / AUDIO_FRAME_MS), usedMs);
  }

  hasRoom(frames: number): boolean {
    return this.used + frames <= this.maxFrames;
  }

  take(frames: number): void {
    this.used += frames;
  }
}

/** Why a frame was not taken, as told to the sender. */
export type FrameRefusal = 'duplicate' | 'too-fast' | 'recording-full';

/** What became of one frame: taken (and the frame number to acknowledge, now and then), or refused and why. */
export interface FrameResult {
  accepted: boolean;
  ackSeq: number | null;
  /** Set when the frame was refused for a reason the sender must hear ('too-fast', 'recording-full'). */
  refused: FrameRefusal | null;
}

export const FRAME_REFUSALS: Record<Exclude<FrameRefusal, 'duplicate'>, string> = {
  'too-fast': 'Audio is arriving faster than it can be spoken; the extra frames were dropped.',
  'recording-full': 'This interview has recorded as much audio as it may hold; no more is recorded.',
};

/**
 * Admits a new stream of a participant: refuses it when the interview opened too many in the last minute, and names
 * the participant's oldest streams to close so that at most `streamsPerSpeaker` stay open.
 */
export class StreamAdmission {
  private readonly opened: number[] = [];

  constructor(private readonly config: AppConfig['audio']) {}

  admit<T>(existing: readonly T[], now = Date.now()): T[] {
    while (this.opened.length && this.opened[0] <= now - 60_000) this.opened.shift();
    if (this.opened.length >= this.config.newStreamsPerMinute) {
      throw new SessionCommandError(
        'too-many-streams',
        'Too many audio streams were started for this interview; wait a minute and try again.',
      );
    }
    this.opened.push(now);
    // `existing` is oldest first; keep room for the new one.
    return existing.slice(0, Math.max(0, existing.length - (this.config.streamsPerSpeaker - 1)));
  }
}
