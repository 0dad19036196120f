// Synthetic signals for tests (not part of the public API).
import { AUDIO_FRAME_SAMPLES, AUDIO_SAMPLE_RATE } from '@mockroom/contracts';

const RATE = AUDIO_SAMPLE_RATE;

export function samplesFor(ms: number, rate = RATE): number {
  return Math.round((ms * rate) / 1000);
}

/** A sine tone (amplitude as a fraction of full scale) with 5 ms fades so the edges do not click. */
export function tone(ms: number, frequency = 440, amplitude = 0.3, rate = RATE): Float32Array {
  const n = samplesFor(ms, rate);
  const fade = samplesFor(5, rate);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const env = Math.min(1, i / fade, (n - 1 - i) / fade);
    out[i] = amplitude * env * Math.sin((2 * Math.PI * frequency * i) / rate);
  }
  return out;
}

export function silence(ms: number, rate = RATE): Float32Array {
  return new Float32Array(samplesFor(ms, rate));
}

/** Deterministic white noise at an RMS level in dBFS. */
export function noise(ms: number, levelDbfs: number, seed = 1, rate = RATE): Float32Array {
  const n = samplesFor(ms, rate);
  const out = new Float32Array(n);
  const rmsTarget = 10 ** (levelDbfs / 20);
  let x = seed >>> 0 || 1;
  const uniform = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) / 4294967296) * 2 - 1;
  };
  // A uniform variable on [-1, 1] has an RMS of 1/sqrt(3).
  for (let i = 0; i < n; i++) out[i] = uniform() * rmsTarget * Math.sqrt(3);
  return out;
}

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Adds b into a (in place, up to a's length). */
export function mixInto(a: Float32Array, b: Float32Array): Float32Array {
  for (let i = 0; i < Math.min(a.length, b.length); i++) a[i] += b[i];
  return a;
}

export function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32767)));
  return out;
}

/** Splits samples into whole frames (a last partial frame is padded with zeros). */
export function frames(pcm: Int16Array, frameSamples = AUDIO_FRAME_SAMPLES): Int16Array[] {
  const out: Int16Array[] = [];
  for (let at = 0; at < pcm.length; at += frameSamples) {
    const frame = new Int16Array(frameSamples);
    frame.set(pcm.subarray(at, Math.min(pcm.length, at + frameSamples)));
    out.push(frame);
  }
  return out;
}

/** Dominant frequency by counting upward zero crossings. */
export function zeroCrossingFrequency(samples: ArrayLike<number>, rate: number): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1] < 0 && samples[i] >= 0) crossings++;
  return (crossings * rate) / samples.length;
}
