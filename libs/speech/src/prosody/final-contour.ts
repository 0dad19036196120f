import { yinPitch } from './pitch';

/**
 * How an utterance ended: whether the voice fell on its last words (a statement finished) or stayed level or rose
 * (more to come, or a question). Measured on the last second of speech: the pitch of the last words against the pitch
 * just before them, in semitones, and the loudness of the last words against the loudest of that second. Offline and
 * cheap (25 windows of 40 ms at 8 kHz), so it can run on every segment.
 */
export interface FinalContour {
  falling: boolean;
  /** Pitch of the last words minus the pitch before them, semitones (negative: the voice fell). */
  pitchChangeSemitones: number;
  /** Loudness of the last words below the loudest of the last second, dB. */
  energyDropDb: number;
}

export interface FinalContourOptions {
  sampleRate?: number;
  /** Where the speech ends in `pcm` (the segment's post-roll after it is silence), in samples; default the end. */
  speechEnd?: number;
}

const WINDOW_MS = 40;
const HOP_MS = 40;
/** The lowest pitch looked for: a low speaking voice. */
const MIN_HZ = 70;
/** What is measured: the last second of speech; its last 300 ms are "the last words". */
const SPAN_MS = 1000;
const LAST_MS = 300;
/** A fall of this many semitones or more is a falling end. */
const FALL_SEMITONES = 1.5;
/** Windows quieter than this below the loudest one carry no reliable pitch. */
const QUIET_DB = 30;
/** Too few voiced windows to say: no reading (the interviewer decides from the words alone). */
const MIN_VOICED = 6;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The end of an utterance's contour, or null when too little of it is voiced to tell. */
export function finalContour(pcm: Int16Array, options: FinalContourOptions = {}): FinalContour | null {
  const inputRate = options.sampleRate ?? 16_000;
  const end = Math.max(0, Math.min(pcm.length, options.speechEnd ?? pcm.length));
  const start = Math.max(0, end - Math.round((SPAN_MS / 1000) * inputRate));
  // Halved to 8 kHz (pairs averaged) where it is 16 kHz: a voice's pitch is far below 4 kHz, and the search costs a
  // quarter as much. It runs on the API's event loop at every segment's end (about a millisecond).
  const factor = inputRate >= 16_000 ? 2 : 1;
  const sampleRate = inputRate / factor;
  const span = new Float64Array(Math.floor((end - start) / factor));
  for (let i = 0; i < span.length; i++) {
    let sum = 0;
    for (let k = 0; k < factor; k++) sum += pcm[start + i * factor + k];
    span[i] = sum / factor;
  }
  const window = Math.round((WINDOW_MS / 1000) * sampleRate);
  const hop = Math.round((HOP_MS / 1000) * sampleRate);
  const lastFrom = span.length - Math.round((LAST_MS / 1000) * sampleRate);
  const frames: { at: number; db: number; hz: number | null }[] = [];
  for (let at = 0; at + window <= span.length; at += hop) {
    let energy = 0;
    for (let i = 0; i < window; i++) {
      const sample = span[at + i] / 32768;
      energy += sample * sample;
    }
    frames.push({ at, db: 10 * Math.log10(energy / window + 1e-12), hz: null });
  }
  if (frames.length === 0) return null;
  const loudest = Math.max(...frames.map((f) => f.db));
  for (const frame of frames) {
    if (frame.db < loudest - QUIET_DB) continue;
    frame.hz = yinPitch(span.subarray(frame.at, frame.at + window), { sampleRate, minHz: MIN_HZ });
  }
  const voiced = frames.filter((f) => f.hz !== null);
  const last = voiced.filter((f) => f.at + window / 2 >= lastFrom);
  const before = voiced.filter((f) => f.at + window / 2 < lastFrom);
  if (voiced.length < MIN_VOICED || last.length < 2 || before.length < 2) return null;
  const semitones = (hz: number) => 12 * Math.log2(hz);
  const pitchChangeSemitones = median(last.map((f) => semitones(f.hz!))) - median(before.map((f) => semitones(f.hz!)));
  const energyDropDb = loudest - median(last.map((f) => f.db));
  return { falling: pitchChangeSemitones <= -FALL_SEMITONES, pitchChangeSemitones, energyDropDb };
}
