import { endianness } from 'node:os';
import { AUDIO_SAMPLE_RATE } from '@mockroom/contracts';

const LITTLE_ENDIAN_HOST = endianness() === 'LE';

/** Int16 samples as little-endian bytes (a copy). */
export function int16ToBuffer(pcm: Int16Array): Buffer {
  if (LITTLE_ENDIAN_HOST) return Buffer.from(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength));
  const out = Buffer.allocUnsafe(pcm.length * 2);
  for (let i = 0; i < pcm.length; i++) out.writeInt16LE(pcm[i], i * 2);
  return out;
}

/** Little-endian Int16 bytes as samples (a copy, so the source may have any alignment). */
export function bufferToInt16(bytes: Uint8Array): Int16Array {
  if (bytes.byteLength % 2 !== 0)
    throw new RangeError(`16-bit PCM needs an even number of bytes, got ${bytes.byteLength}`);
  const out = new Int16Array(bytes.byteLength / 2);
  if (LITTLE_ENDIAN_HOST) {
    new Uint8Array(out.buffer).set(bytes);
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true);
  }
  return out;
}

export function concatPcm(chunks: readonly Int16Array[]): Int16Array {
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const out = new Int16Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Root mean square of samples [start, end), in sample units (0–32768). */
export function rms(pcm: Int16Array, start = 0, end = pcm.length): number {
  const n = end - start;
  if (n <= 0) return 0;
  let sum = 0;
  for (let i = start; i < end; i++) sum += pcm[i] * pcm[i];
  return Math.sqrt(sum / n);
}

/** Level relative to full scale: 0 dBFS is an RMS of 32768 (a full-scale square wave; a full-scale sine is -3 dBFS). */
export function toDbfs(rmsValue: number): number {
  return rmsValue > 0 ? 20 * Math.log10(rmsValue / 32768) : -Infinity;
}

/** RMS level of samples [start, end) in dBFS (-Infinity for digital silence). */
export function dbfs(pcm: Int16Array, start = 0, end = pcm.length): number {
  return toDbfs(rms(pcm, start, end));
}

/** Duration of a number of samples (or of a buffer of samples) at a sample rate, in ms. */
export function durationMs(samples: number | ArrayLike<number>, sampleRate = AUDIO_SAMPLE_RATE): number {
  const n = typeof samples === 'number' ? samples : samples.length;
  return (n * 1000) / sampleRate;
}

/** Float samples (-1..1, clipped) to Int16. */
export function floatToInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i];
    const s = v >= 1 ? 32767 : v <= -1 ? -32768 : Math.round(v * 32768);
    out[i] = s > 32767 ? 32767 : s;
  }
  return out;
}
