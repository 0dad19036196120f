import { AUDIO_SAMPLE_RATE } from '@mockroom/contracts';
import { floatToInt16 } from './pcm';
import { decodeWav, mixToMono, type DecodedWav } from './wav';

/**
 * Band-limited resampling with a windowed-sinc (Blackman) interpolator: the signal is
 * low-passed below the lower of the two Nyquist frequencies before it is decimated, so
 * content above the new Nyquist frequency is removed instead of folding back into the
 * speech band (naive sample dropping aliases a 12 kHz hiss at 44.1 kHz into 4 kHz at 16 kHz).
 */
const ZERO_CROSSINGS = 16; // each side of the kernel
const TABLE_RESOLUTION = 512; // kernel samples per zero crossing
const ROLLOFF = 0.92; // pass band edge as a fraction of the target Nyquist frequency

let kernelTable: Float64Array | null = null;

function kernel(): Float64Array {
  if (kernelTable) return kernelTable;
  const n = ZERO_CROSSINGS * TABLE_RESOLUTION + 2;
  const table = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = i / TABLE_RESOLUTION; // in zero crossings
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const u = Math.min(1, x / ZERO_CROSSINGS);
    const blackman = 0.42 + 0.5 * Math.cos(Math.PI * u) + 0.08 * Math.cos(2 * Math.PI * u);
    table[i] = sinc * blackman;
  }
  kernelTable = table;
  return table;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The kernel value at a distance of `x` input samples, for a cutoff of `fc` (fraction of the input Nyquist frequency). */
function kernelAt(table: Float64Array, x: number, fc: number): number {
  const pos = Math.abs(x) * fc * TABLE_RESOLUTION;
  const i = pos | 0;
  if (i >= table.length - 2) return 0;
  return table[i] + (table[i + 1] - table[i]) * (pos - i);
}

const MAX_PHASES = 4096;

/** Resamples one channel of float samples from one rate to another. */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!(fromRate > 0) || !(toRate > 0)) throw new RangeError(`bad sample rates ${fromRate} -> ${toRate}`);
  if (fromRate === toRate) return input.slice();
  const table = kernel();
  const ratio = toRate / fromRate;
  const fc = Math.min(1, ratio) * ROLLOFF; // cutoff as a fraction of the input Nyquist frequency
  const halfWidth = ZERO_CROSSINGS / fc; // in input samples
  const outLength = Math.round(input.length * ratio);
  const out = new Float32Array(outLength);
  const last = input.length - 1;

  // Integer rates with a modest ratio (16000/44100 = 160/441): precompute one set of taps per
  // output phase, so the inner loop is a plain multiply-add.
  const g = Number.isInteger(fromRate) && Number.isInteger(toRate) ? gcd(fromRate, toRate) : 0;
  const up = g ? toRate / g : 0; // output samples per `down` input samples
  const down = g ? fromRate / g : 0;
  if (g && up <= MAX_PHASES) {
    const taps = 2 * Math.ceil(halfWidth);
    const half = taps / 2;
    const coef = new Float32Array(up * taps);
    for (let p = 0; p < up; p++) {
      const frac = p / up; // position of the output sample past its integer input index
      for (let j = 0; j < taps; j++) coef[p * taps + j] = kernelAt(table, frac + half - 1 - j, fc) * fc;
    }
    for (let n = 0; n < outLength; n++) {
      const num = n * down;
      const i0 = Math.floor(num / up);
      const p = num - i0 * up;
      const firstTap = i0 - half + 1;
      const base = p * taps;
      let acc = 0;
      if (firstTap >= 0 && firstTap + taps - 1 <= last) {
        for (let j = 0; j < taps; j++) acc += input[firstTap + j] * coef[base + j];
      } else {
        for (let j = 0; j < taps; j++) {
          const k = firstTap + j;
          if (k >= 0 && k <= last) acc += input[k] * coef[base + j];
        }
      }
      out[n] = acc;
    }
    return out;
  }

  for (let n = 0; n < outLength; n++) {
    const t = n / ratio; // position in input samples
    const first = Math.max(0, Math.ceil(t - halfWidth));
    const end = Math.min(last, Math.floor(t + halfWidth));
    let acc = 0;
    for (let k = first; k <= end; k++) acc += input[k] * kernelAt(table, t - k, fc);
    out[n] = acc * fc;
  }
  return out;
}

/** A decoded WAV as 16 kHz mono Int16 samples, the format the recognisers take. */
export function toMono16k(decoded: DecodedWav): Int16Array {
  const mono = mixToMono(decoded.channelData);
  return floatToInt16(resample(mono, decoded.sampleRate, AUDIO_SAMPLE_RATE));
}

/** Any supported WAV file (16-bit PCM or 32-bit float, any channels and rate) as 16 kHz mono Int16 samples. */
export function wavToPcm16k(wav: Uint8Array): Int16Array {
  return toMono16k(decodeWav(wav));
}
