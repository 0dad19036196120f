import { ANSWER_SILENCE_DEFAULT_MS, AUDIO_FRAME_SAMPLES, AUDIO_SAMPLE_RATE } from '@mockroom/contracts';

/**
 * Endpointing for a spoken interview answer.
 *
 * Fed one frame at a time (20 ms of 16 kHz Int16 mono by default), it
 *  - cuts the speech into utterance segments at short pauses (`segmentSilenceMs`), each with a
 *    little audio before (`preRollMs`) and after (`postRollMs`) so that soft word starts and ends
 *    are not clipped, never longer than `maxSegmentMs` (a longer stretch is cut at the quietest
 *    frame of its last couple of seconds), cut at shorter pauses once longer than `longSegmentMs`,
 *    and drops blips with less than `minSpeechMs` of speech;
 *  - separately, reports the long silence that ends the whole answer (`answerSilenceMs`).
 *
 * Voice activity is decided on frame energy against an adaptive noise floor: the floor is the
 * minimum frame energy over the last `noiseWindowMs` (minimum statistics: speech always has
 * short dips, so the minimum follows the background, and it follows a background that gets
 * louder within that window). Speech starts when `onsetFrames` consecutive frames are
 * `startMarginDb` above the floor (and above the absolute `minSpeechDbfs`), and stays on while
 * frames are `endMarginDb` above it: the gap between the two thresholds is the hysteresis that
 * keeps a word from flickering on and off.
 *
 * All times are offsets from the start of the stream computed from frame counts (frame index ×
 * frame duration), never from the wall clock.
 *
 * Cost: one pass over the frame's samples for its energy, one `log10`, two typed-array copies;
 * no allocation per frame except when an event is returned.
 */

export type EndpointEvent =
  /** Confirmed speech began (emitted once at least `minSpeechMs` of it has been heard; `atMs` is where it began). */
  | { type: 'speech-start'; atMs: number }
  /**
   * An utterance, with pre- and post-roll. Consecutive segments never overlap. `speechEndMs` is where its last voiced
   * frame ends (before the post-roll): the silence after the last word counts from there.
   */
  | { type: 'segment'; startMs: number; endMs: number; pcm: Int16Array; speechEndMs: number }
  /** The candidate has been silent for `silenceMs` since speech (every `silenceEventIntervalMs` while paused). */
  | { type: 'silence'; silenceMs: number }
  /** The answer is over: `answerSilenceMs` of silence after speech (or `flush()`); once per answer. */
  | { type: 'answer-end'; atMs: number };

export interface EndpointerOptions {
  /** Samples per second (default 16000). */
  sampleRate?: number;
  /** Samples per frame (default 320 = 20 ms); every frame pushed must have exactly this length. */
  frameSamples?: number;
  /** A pause this long ends a segment (default 600 ms). */
  segmentSilenceMs?: number;
  /** No segment is longer than this (default 10000 ms). */
  maxSegmentMs?: number;
  /**
   * Once a segment is this long (default 3000 ms), a shorter pause (`longSegmentPauseMs`) ends it: long runs of speech
   * are cut at the breaths between phrases, so the segment still open when the answer ends is quick to transcribe.
   */
  longSegmentMs?: number;
  /** The pause that ends a segment longer than `longSegmentMs` (default 250 ms). */
  longSegmentPauseMs?: number;
  /** A segment with less speech than this is dropped as a blip (default 200 ms). */
  minSpeechMs?: number;
  /** Audio kept before the detected start of speech (default 200 ms). */
  preRollMs?: number;
  /** Audio kept after the last speech frame (default 200 ms). */
  postRollMs?: number;
  /**
   * Silence after speech that ends the answer (default 5000 ms, see ANSWER_SILENCE_DEFAULT_MS); null: this endpointer
   * only cuts utterances, and what ends an answer is decided above it (a turn detector that also reads the words).
   */
  answerSilenceMs?: number | null;
  /** Interval of `silence` events while paused (default 250 ms). */
  silenceEventIntervalMs?: number;
  /** dB above the noise floor to start speech (default 12). */
  startMarginDb?: number;
  /** dB above the noise floor to stay in speech (default 6). */
  endMarginDb?: number;
  /** Speech must reach at least this frame level to start, in dBFS (default -55). */
  minSpeechDbfs?: number;
  /** The noise floor is never taken to be louder than this, in dBFS (default -35): a loud steady voice stays speech. */
  maxNoiseFloorDbfs?: number;
  /** Window of the noise-floor minimum (default 3000 ms). */
  noiseWindowMs?: number;
  /** Consecutive loud frames needed to start speech (default 2). */
  onsetFrames?: number;
  /** When a segment reaches its maximum length, the cut goes at the quietest frame of this much recent audio (default 2000 ms). */
  cutSearchMs?: number;
}

export const ENDPOINTER_DEFAULTS = {
  sampleRate: AUDIO_SAMPLE_RATE,
  frameSamples: AUDIO_FRAME_SAMPLES,
  segmentSilenceMs: 600,
  maxSegmentMs: 10_000,
  longSegmentMs: 3000,
  longSegmentPauseMs: 250,
  minSpeechMs: 200,
  preRollMs: 200,
  postRollMs: 200,
  answerSilenceMs: ANSWER_SILENCE_DEFAULT_MS,
  silenceEventIntervalMs: 250,
  startMarginDb: 12,
  endMarginDb: 6,
  minSpeechDbfs: -55,
  maxNoiseFloorDbfs: -35,
  noiseWindowMs: 3000,
  onsetFrames: 2,
  cutSearchMs: 2000,
} as const satisfies Required<EndpointerOptions>;

const NOISE_BLOCK_FRAMES = 25;
/** `answerSilenceMs: null`: no silence ends the answer here. */
const NO_ANSWER_END = Number.POSITIVE_INFINITY;
const MIN_NOISE_FLOOR_DBFS = -100;
const FULL_SCALE_SQUARED = 32768 * 32768;
const NO_EVENTS: EndpointEvent[] = Object.freeze([] as EndpointEvent[]) as EndpointEvent[];

export class Endpointer {
  private readonly frameSamples: number;
  private readonly frameMs: number;
  private readonly segmentSilenceFrames: number;
  private readonly maxSegmentFrames: number;
  private readonly longSegmentFrames: number;
  private readonly longSegmentPauseFrames: number;
  private readonly minSpeechFrames: number;
  private readonly preRollFrames: number;
  private readonly postRollFrames: number;
  private readonly silenceIntervalMs: number;
  private readonly startMarginDb: number;
  private readonly endMarginDb: number;
  private readonly minSpeechDbfs: number;
  private readonly maxNoiseFloorDbfs: number;
  private readonly onsetFrames: number;
  private readonly cutSearchFrames: number;
  private answerSilenceFrames: number;

  // Stream clock: index of the next frame.
  private nextIndex = 0;

  // Noise floor by minimum statistics over blocks of NOISE_BLOCK_FRAMES frames.
  private readonly blockMins: Float64Array;
  private blockPos = 0;
  private blockCount = 0;
  private currentBlockMin = Infinity;
  private floorDb = -60;

  // The last preRoll + onset frames, always kept (the pre-roll of the next segment).
  private readonly ringFrames: number;
  private readonly ring: Int16Array;
  private readonly ringEnergy: Float64Array;
  private ringHead = 0; // slot of the next write
  private ringFill = 0;

  // The open segment.
  private inSegment = false;
  private seg: Int16Array;
  private segEnergy: Float64Array;
  private segStartFrame = 0;
  private segFrames = 0;
  private onsetFrame = 0;
  private lastVoicedFrame = 0;
  private voicedFrames = 0;
  private confirmed = false;
  private aboveCount = 0;
  private lastSegmentEndFrame = 0;

  // The answer.
  private answerHasSpeech = false;
  private answerEnded = false;
  private lastSpeechEndFrame = 0; // exclusive end of the last confirmed speech frame
  private nextSilenceEventMs = 0;

  private readonly zeroFrame: Int16Array;

  constructor(options: EndpointerOptions = {}) {
    const o = { ...ENDPOINTER_DEFAULTS, ...definedOnly(options) };
    for (const [key, value] of Object.entries(o)) {
      if (key === 'answerSilenceMs' && value === null) continue;
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new RangeError(`Endpointer option ${key} must be a finite number`);
    }
    if (!Number.isInteger(o.frameSamples) || o.frameSamples <= 0)
      throw new RangeError('frameSamples must be a positive integer');
    if (o.sampleRate <= 0) throw new RangeError('sampleRate must be positive');
    if (o.endMarginDb > o.startMarginDb) throw new RangeError('endMarginDb must not exceed startMarginDb (hysteresis)');
    this.frameSamples = o.frameSamples;
    this.frameMs = (o.frameSamples * 1000) / o.sampleRate;
    const frames = (ms: number, min = 0) => Math.max(min, Math.round(ms / this.frameMs));
    this.segmentSilenceFrames = frames(o.segmentSilenceMs, 1);
    this.minSpeechFrames = frames(o.minSpeechMs, 1);
    this.preRollFrames = frames(o.preRollMs);
    this.postRollFrames = Math.min(frames(o.postRollMs), this.segmentSilenceFrames);
    this.onsetFrames = frames(o.onsetFrames * this.frameMs, 1);
    this.maxSegmentFrames = Math.max(frames(o.maxSegmentMs, 1), this.preRollFrames + this.onsetFrames + 2);
    this.cutSearchFrames = frames(o.cutSearchMs, 1);
    this.longSegmentFrames = frames(o.longSegmentMs, 1);
    this.longSegmentPauseFrames = Math.min(frames(o.longSegmentPauseMs, 1), this.segmentSilenceFrames);
    this.silenceIntervalMs = Math.max(this.frameMs, o.silenceEventIntervalMs);
    this.startMarginDb = o.startMarginDb;
    this.endMarginDb = o.endMarginDb;
    this.minSpeechDbfs = o.minSpeechDbfs;
    this.maxNoiseFloorDbfs = o.maxNoiseFloorDbfs;
    this.answerSilenceFrames = this.answerFrames(o.answerSilenceMs);
    this.blockMins = new Float64Array(
      Math.max(1, Math.ceil(o.noiseWindowMs / (NOISE_BLOCK_FRAMES * this.frameMs))),
    ).fill(Infinity);
    this.ringFrames = this.preRollFrames + this.onsetFrames;
    this.ring = new Int16Array(this.ringFrames * this.frameSamples);
    this.ringEnergy = new Float64Array(this.ringFrames);
    const initialFrames = Math.min(this.maxSegmentFrames, 128);
    this.seg = new Int16Array(initialFrames * this.frameSamples);
    this.segEnergy = new Float64Array(initialFrames);
    this.zeroFrame = new Int16Array(this.frameSamples);
  }

  /** The current noise floor estimate, in dBFS. */
  get noiseFloorDbfs(): number {
    return this.floorDb;
  }

  /** Whether a segment is open (speech, or a pause shorter than the segment silence). */
  get inSpeech(): boolean {
    return this.inSegment;
  }

  /** Voiced audio in the segment in progress, ms (its pauses and the hangover after the speech left out); 0 outside one. */
  get voicedMs(): number {
    return this.inSegment ? this.voicedFrames * this.frameMs : 0;
  }

  /** Start (stream time, ms) of the segment in progress once its speech is confirmed, else null. */
  get openSegmentStartMs(): number | null {
    return this.inSegment && this.confirmed ? this.segStartFrame * this.frameMs : null;
  }

  /**
   * Samples of the confirmed segment in progress, from `fromSample` on: what its `segment` event will start with (and,
   * if a pause ends it, that pause), so it can be transcribed while it is spoken. A view, valid until the next push.
   */
  openSegmentAudio(fromSample = 0): Int16Array {
    if (!this.inSegment || !this.confirmed) return new Int16Array(0);
    // A cut at the maximum length goes back at most `cutSearchMs`: audio before that point stays in this segment
    // whichever way it ends (a pause ending it only trims the pause itself).
    const settled = Math.min(this.segFrames, this.maxSegmentFrames - this.cutSearchFrames);
    return this.seg.subarray(Math.max(0, fromSample), Math.max(0, settled) * this.frameSamples);
  }

  /** Stream time at the end of the last frame pushed, in ms. */
  get elapsedMs(): number {
    return this.nextIndex * this.frameMs;
  }

  /** The silence that ends the answer, or null when this endpointer does not end answers. */
  get answerSilenceMs(): number | null {
    return this.answerSilenceFrames === NO_ANSWER_END ? null : this.answerSilenceFrames * this.frameMs;
  }

  /** Changes the silence that ends the answer (takes effect at the next frame); null: none does. */
  setAnswerSilence(ms: number | null): void {
    this.answerSilenceFrames = this.answerFrames(ms);
  }

  /**
   * Feeds one frame. `frameIndex` (0-based, from the start of the stream) lets a caller that
   * lost frames keep the clock right: missing frames count as digital silence. The returned
   * array is shared and empty when nothing happened; do not modify it.
   */
  push(frame: Int16Array, frameIndex?: number): EndpointEvent[] {
    if (frame.length !== this.frameSamples) {
      throw new RangeError(`Endpointer frames must have ${this.frameSamples} samples, got ${frame.length}`);
    }
    let out: EndpointEvent[] | null = null;
    if (frameIndex !== undefined && frameIndex !== this.nextIndex) {
      if (!Number.isInteger(frameIndex) || frameIndex < this.nextIndex) {
        throw new RangeError(`frame index ${frameIndex} is not after the previous frame (${this.nextIndex - 1})`);
      }
      // Fill a gap with silence, but no more than can change anything; then jump the clock.
      const gap = frameIndex - this.nextIndex;
      const fill = Math.min(
        gap,
        (this.answerSilenceFrames === NO_ANSWER_END ? 0 : this.answerSilenceFrames) +
          this.segmentSilenceFrames +
          this.blockMins.length * NOISE_BLOCK_FRAMES,
      );
      for (let i = 0; i < fill; i++) out = this.process(this.zeroFrame, out);
      this.nextIndex = frameIndex;
    }
    out = this.process(frame, out);
    return out ?? NO_EVENTS;
  }

  /**
   * Ends the current segment now (the candidate said they are done): emits it if it holds
   * enough speech, then `answer-end` unless the answer already ended (`endAnswer: false` keeps
   * the answer open).
   */
  flush(options: { endAnswer?: boolean } = {}): EndpointEvent[] {
    const out: EndpointEvent[] = [];
    if (this.inSegment) {
      if (!this.confirmed && this.voicedFrames >= this.minSpeechFrames) this.confirm(out);
      this.closeSegment(Math.min(this.lastVoicedFrame + 1 + this.postRollFrames, this.nextIndex), out);
    }
    if ((options.endAnswer ?? true) && !this.answerEnded) {
      this.answerEnded = true;
      out.push({ type: 'answer-end', atMs: this.nextIndex * this.frameMs });
    }
    return out;
  }

  /** Starts a new answer: drops any open segment and the answer state; keeps the stream clock and the noise floor. */
  reset(): void {
    this.inSegment = false;
    this.segFrames = 0;
    this.aboveCount = 0;
    this.voicedFrames = 0;
    this.confirmed = false;
    this.answerHasSpeech = false;
    this.answerEnded = false;
    this.lastSpeechEndFrame = this.nextIndex;
    this.nextSilenceEventMs = this.silenceIntervalMs;
    this.lastSegmentEndFrame = this.nextIndex;
  }

  private answerFrames(ms: number | null): number {
    if (ms === null) return NO_ANSWER_END;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0)
      throw new RangeError(`answer silence must be a positive number of ms, got ${ms}`);
    return Math.max(1, Math.round(ms / this.frameMs));
  }

  private process(frame: Int16Array, out: EndpointEvent[] | null): EndpointEvent[] | null {
    const f = this.nextIndex++;
    const fs = this.frameSamples;

    let sum = 0;
    for (let i = 0; i < fs; i++) {
      const s = frame[i];
      sum += s * s;
    }
    const energy = 10 * Math.log10(sum / fs / FULL_SCALE_SQUARED + 1e-12);

    // Thresholds from the floor as it was before this frame.
    const floor = this.floorDb;
    const startTh = Math.max(floor + this.startMarginDb, this.minSpeechDbfs);
    const endTh = Math.max(floor + this.endMarginDb, this.minSpeechDbfs - (this.startMarginDb - this.endMarginDb));
    this.updateFloor(energy);

    // Keep the frame for a future pre-roll.
    if (this.ringFrames > 0) {
      this.ring.set(frame, this.ringHead * fs);
      this.ringEnergy[this.ringHead] = energy;
      this.ringHead = (this.ringHead + 1) % this.ringFrames;
      if (this.ringFill < this.ringFrames) this.ringFill++;
    }

    if (!this.inSegment) {
      this.aboveCount = energy >= startTh ? this.aboveCount + 1 : 0;
      if (this.aboveCount >= this.onsetFrames) this.openSegment(f);
    } else {
      this.append(frame, energy);
      if (energy >= endTh) {
        this.lastVoicedFrame = f;
        this.voicedFrames++;
      }
    }

    if (this.inSegment) {
      if (!this.confirmed && this.voicedFrames >= this.minSpeechFrames) out = this.confirm(out);
      if (this.confirmed && this.lastVoicedFrame === f) {
        this.lastSpeechEndFrame = f + 1;
        this.nextSilenceEventMs = this.silenceIntervalMs;
      }
      const pause = f - this.lastVoicedFrame;
      if (
        pause >= this.segmentSilenceFrames ||
        (pause >= this.longSegmentPauseFrames && this.confirmed && this.segFrames >= this.longSegmentFrames)
      ) {
        out = this.closeSegment(Math.min(this.lastVoicedFrame + 1 + this.postRollFrames, f + 1), out);
      } else if (this.segFrames >= this.maxSegmentFrames) {
        out = this.forceCut(out);
      }
    }

    if (
      this.answerSilenceFrames !== NO_ANSWER_END &&
      this.answerHasSpeech &&
      !this.answerEnded &&
      !(this.confirmed && this.lastVoicedFrame === f)
    ) {
      const silentFrames = f + 1 - this.lastSpeechEndFrame;
      const silenceMs = silentFrames * this.frameMs;
      if (silenceMs >= this.nextSilenceEventMs) {
        (out ??= []).push({ type: 'silence', silenceMs });
        this.nextSilenceEventMs = silenceMs + this.silenceIntervalMs;
      }
      if (silentFrames >= this.answerSilenceFrames) {
        if (this.inSegment && this.confirmed) {
          out = this.closeSegment(Math.min(this.lastVoicedFrame + 1 + this.postRollFrames, f + 1), out);
        }
        this.answerEnded = true;
        (out ??= []).push({ type: 'answer-end', atMs: (f + 1) * this.frameMs });
      }
    }
    return out;
  }

  private updateFloor(energy: number): void {
    if (energy < this.currentBlockMin) this.currentBlockMin = energy;
    if (++this.blockCount >= NOISE_BLOCK_FRAMES) {
      this.blockMins[this.blockPos] = this.currentBlockMin;
      this.blockPos = (this.blockPos + 1) % this.blockMins.length;
      this.currentBlockMin = Infinity;
      this.blockCount = 0;
    }
    let min = this.currentBlockMin;
    for (let i = 0; i < this.blockMins.length; i++) if (this.blockMins[i] < min) min = this.blockMins[i];
    this.floorDb = Math.min(this.maxNoiseFloorDbfs, Math.max(MIN_NOISE_FLOOR_DBFS, min));
  }

  private openSegment(f: number): void {
    const fs = this.frameSamples;
    const onset = f - this.onsetFrames + 1;
    const oldest = f - this.ringFill + 1;
    const start = Math.max(onset - this.preRollFrames, oldest, this.lastSegmentEndFrame);
    const count = f - start + 1;
    this.ensureCapacity(count);
    for (let k = 0; k < count; k++) {
      const slot = (this.ringHead - count + k + this.ringFrames * 2) % this.ringFrames;
      this.seg.set(this.ring.subarray(slot * fs, (slot + 1) * fs), k * fs);
      this.segEnergy[k] = this.ringEnergy[slot];
    }
    this.inSegment = true;
    this.segStartFrame = start;
    this.segFrames = count;
    this.onsetFrame = onset;
    this.lastVoicedFrame = f;
    this.voicedFrames = this.onsetFrames;
    this.confirmed = false;
    this.aboveCount = 0;
  }

  private append(frame: Int16Array, energy: number): void {
    this.ensureCapacity(this.segFrames + 1);
    this.seg.set(frame, this.segFrames * this.frameSamples);
    this.segEnergy[this.segFrames] = energy;
    this.segFrames++;
  }

  private ensureCapacity(frames: number): void {
    if (frames <= this.segEnergy.length) return;
    const capacity = Math.min(Math.max(frames, this.segEnergy.length * 2), Math.max(frames, this.maxSegmentFrames + 1));
    const seg = new Int16Array(capacity * this.frameSamples);
    seg.set(this.seg.subarray(0, this.segFrames * this.frameSamples));
    const energy = new Float64Array(capacity);
    energy.set(this.segEnergy.subarray(0, this.segFrames));
    this.seg = seg;
    this.segEnergy = energy;
  }

  private confirm(out: EndpointEvent[] | null): EndpointEvent[] {
    this.confirmed = true;
    this.answerHasSpeech = true;
    this.lastSpeechEndFrame = this.lastVoicedFrame + 1;
    this.nextSilenceEventMs = this.silenceIntervalMs;
    (out ??= []).push({ type: 'speech-start', atMs: this.onsetFrame * this.frameMs });
    return out;
  }

  /** Ends the open segment at `endFrame` (exclusive), emitting it when it holds confirmed speech. */
  private closeSegment(endFrame: number, out: EndpointEvent[] | null): EndpointEvent[] | null {
    const keep = Math.max(0, Math.min(this.segFrames, endFrame - this.segStartFrame));
    if (this.confirmed && keep > 0) {
      const endMs = (this.segStartFrame + keep) * this.frameMs;
      (out ??= []).push({
        type: 'segment',
        startMs: this.segStartFrame * this.frameMs,
        endMs,
        pcm: this.seg.slice(0, keep * this.frameSamples),
        // Never before the segment's start: a segment left over from a cut at the maximum length may hold no newly voiced frame.
        speechEndMs: Math.max(
          this.segStartFrame * this.frameMs,
          Math.min(endMs, (this.lastVoicedFrame + 1) * this.frameMs),
        ),
      });
    }
    this.lastSegmentEndFrame = this.segStartFrame + keep;
    this.inSegment = false;
    this.segFrames = 0;
    this.voicedFrames = 0;
    this.confirmed = false;
    this.aboveCount = 0;
    return out;
  }

  /** The segment is at its maximum length: cut after the quietest recent frame and keep the rest open. */
  private forceCut(out: EndpointEvent[] | null): EndpointEvent[] | null {
    if (!this.confirmed) return this.closeSegment(this.segStartFrame + this.segFrames, out);
    const fs = this.frameSamples;
    const window = Math.max(1, Math.min(this.cutSearchFrames, Math.floor(this.segFrames / 2)));
    let cut = this.segFrames - 1;
    let quietest = Infinity;
    for (let k = this.segFrames - window; k < this.segFrames; k++) {
      if (this.segEnergy[k] < quietest) {
        quietest = this.segEnergy[k];
        cut = k;
      }
    }
    const keep = cut + 1;
    (out ??= []).push({
      type: 'segment',
      startMs: this.segStartFrame * this.frameMs,
      endMs: (this.segStartFrame + keep) * this.frameMs,
      pcm: this.seg.slice(0, keep * fs),
      // Cut while speaking: the speech goes on past the cut.
      speechEndMs: (this.segStartFrame + keep) * this.frameMs,
    });
    // The rest starts the next segment, which continues the same stretch of speech.
    this.seg.copyWithin(0, keep * fs, this.segFrames * fs);
    this.segEnergy.copyWithin(0, keep, this.segFrames);
    this.segStartFrame += keep;
    this.segFrames -= keep;
    this.lastSegmentEndFrame = this.segStartFrame;
    return out;
  }
}

function definedOnly<T extends object>(options: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(options) as [keyof T, T[keyof T]][])
    if (value !== undefined) out[key] = value;
  return out;
}
