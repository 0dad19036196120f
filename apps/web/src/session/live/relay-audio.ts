/**
 * The arithmetic of playing the other participant's voice: 20 ms frames of 16 kHz Int16LE arrive over the socket
 * at an uneven pace, and are played back to back a little behind real time (the jitter buffer), so that a late
 * frame does not leave a gap. Pure: the Web Audio side lives in relay-player.ts.
 */

export interface JitterOptions {
  /** How far ahead of now playback starts after a gap (or at first), in seconds. */
  targetLatency: number;
  /** Never more than this queued ahead of now, in seconds: beyond it frames are dropped to catch up. */
  maxLatency: number;
  /** A frame due sooner than this from now is too late to schedule where it belongs: start again from the target. */
  minLead: number;
}

export const DEFAULT_JITTER: JitterOptions = { targetLatency: 0.12, maxLatency: 0.4, minLead: 0.01 };

export type FramePlan =
  /** Play the frame at `startAt`; the queue then runs until `queuedUntil`. */
  | { play: true; startAt: number; queuedUntil: number; restarted: boolean }
  /** Too much is queued already: drop this frame (the queue is unchanged). */
  | { play: false; queuedUntil: number };

/**
 * Where the next frame goes on the audio clock: straight after what is queued, or, after an underrun (nothing
 * queued, or not enough to schedule in time), `targetLatency` from now. `queuedUntil` is 0 when nothing has played.
 */
export function planFrame(
  now: number,
  queuedUntil: number,
  duration: number,
  options: JitterOptions = DEFAULT_JITTER,
): FramePlan {
  if (queuedUntil < now + options.minLead) {
    const startAt = now + options.targetLatency;
    return { play: true, startAt, queuedUntil: startAt + duration, restarted: true };
  }
  if (queuedUntil - now > options.maxLatency) return { play: false, queuedUntil };
  return { play: true, startAt: queuedUntil, queuedUntil: queuedUntil + duration, restarted: false };
}

/** Int16 little-endian PCM (an ArrayBuffer or any byte view of one) as float samples in -1..1. */
export function pcmToFloat32(pcm: ArrayBuffer | ArrayBufferView): Float32Array<ArrayBuffer> {
  const view =
    pcm instanceof ArrayBuffer ? new DataView(pcm) : new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  const count = Math.floor(view.byteLength / 2);
  const samples = new Float32Array(count);
  for (let i = 0; i < count; i++) samples[i] = view.getInt16(i * 2, true) / 0x8000;
  return samples;
}

/** Root mean square of float samples (0 for none). */
export function rms(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / samples.length);
}
