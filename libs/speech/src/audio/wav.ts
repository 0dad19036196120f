import { floatToInt16, int16ToBuffer } from './pcm';

export type WavEncoding = 'pcm16' | 'float32';

export interface DecodedWav {
  sampleRate: number;
  channels: number;
  encoding: WavEncoding;
  /** Samples per channel. */
  frames: number;
  /** One array per channel, values in -1..1. */
  channelData: Float32Array[];
}

export class WavFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WavFormatError';
  }
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** The 44-byte header of a 16-bit PCM WAV file holding `dataBytes` of samples (for files written in pieces). */
export function wavHeader(dataBytes: number, sampleRate: number, channels = 1): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(WAVE_FORMAT_PCM, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/**
 * A 16-bit PCM WAV file. Samples are interleaved when there is more than one channel
 * (left, right, left, right, ...).
 */
export function encodeWav(samples: Int16Array, sampleRate: number, channels = 1): Buffer {
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new RangeError(`bad sample rate ${sampleRate}`);
  if (!Number.isInteger(channels) || channels < 1) throw new RangeError(`bad channel count ${channels}`);
  if (samples.length % channels !== 0)
    throw new RangeError(`${samples.length} samples do not divide into ${channels} channels`);
  const header = wavHeader(samples.length * 2, sampleRate, channels);
  return Buffer.concat([header, int16ToBuffer(samples)]);
}

/** Two channels of equal length as one interleaved stereo 16-bit WAV. */
export function encodeStereoWav(left: Int16Array, right: Int16Array, sampleRate: number): Buffer {
  if (left.length !== right.length) throw new RangeError('left and right channels differ in length');
  const interleaved = new Int16Array(left.length * 2);
  for (let i = 0; i < left.length; i++) {
    interleaved[2 * i] = left[i];
    interleaved[2 * i + 1] = right[i];
  }
  return encodeWav(interleaved, sampleRate, 2);
}

/**
 * Decodes a RIFF/WAVE file holding 16-bit integer PCM or 32-bit float samples, any number of
 * channels, any sample rate. Chunk sizes written by streaming encoders (0 or 0xFFFFFFFF for
 * "unknown") and truncated files are tolerated: the data runs to the end of the buffer.
 */
export function decodeWav(wav: Uint8Array): DecodedWav {
  const buf = Buffer.isBuffer(wav) ? wav : Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength);
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new WavFormatError('not a WAV file (no RIFF/WAVE header)');
  }
  let format: { audioFormat: number; channels: number; sampleRate: number; bits: number; blockAlign: number } | null =
    null;
  let offset = 12;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const declared = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (declared < 16 || body + 16 > buf.length) throw new WavFormatError('WAV fmt chunk is too short');
      let audioFormat = buf.readUInt16LE(body);
      const channels = buf.readUInt16LE(body + 2);
      const sampleRate = buf.readUInt32LE(body + 4);
      const blockAlign = buf.readUInt16LE(body + 12);
      const bits = buf.readUInt16LE(body + 14);
      if (audioFormat === WAVE_FORMAT_EXTENSIBLE) {
        // The sub-format GUID starts with the actual format code.
        if (declared < 40 || body + 26 > buf.length) throw new WavFormatError('WAV extensible fmt chunk is too short');
        audioFormat = buf.readUInt16LE(body + 24);
      }
      format = { audioFormat, channels, sampleRate, bits, blockAlign };
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('WAV data chunk comes before the fmt chunk');
      const available = buf.length - body;
      const size = declared === 0 || declared === 0xffffffff || declared > available ? available : declared;
      return decodeSamples(buf.subarray(body, body + size), format);
    }
    if (declared === 0xffffffff) break;
    offset = body + declared + (declared % 2); // chunks are word-aligned
  }
  throw new WavFormatError(format ? 'WAV file has no data chunk' : 'WAV file has no fmt chunk');
}

function decodeSamples(
  data: Buffer,
  f: { audioFormat: number; channels: number; sampleRate: number; bits: number; blockAlign: number },
): DecodedWav {
  const { audioFormat, channels, sampleRate, bits } = f;
  let encoding: WavEncoding;
  if (audioFormat === WAVE_FORMAT_PCM && bits === 16) encoding = 'pcm16';
  else if (audioFormat === WAVE_FORMAT_IEEE_FLOAT && bits === 32) encoding = 'float32';
  else {
    const name =
      audioFormat === WAVE_FORMAT_PCM
        ? 'integer PCM'
        : audioFormat === WAVE_FORMAT_IEEE_FLOAT
          ? 'float'
          : `format code ${audioFormat}`;
    throw new WavFormatError(
      `unsupported WAV encoding: ${bits}-bit ${name} (supported: 16-bit integer PCM and 32-bit float)`,
    );
  }
  if (channels < 1) throw new WavFormatError('WAV file declares 0 channels');
  if (sampleRate < 1) throw new WavFormatError('WAV file declares a sample rate of 0');
  const bytesPerSample = bits / 8;
  const frameBytes = bytesPerSample * channels;
  const frames = Math.floor(data.length / frameBytes);
  const channelData = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i++) {
    const base = i * frameBytes;
    for (let c = 0; c < channels; c++) {
      const at = base + c * bytesPerSample;
      channelData[c][i] = encoding === 'pcm16' ? data.readInt16LE(at) / 32768 : data.readFloatLE(at);
    }
  }
  return { sampleRate, channels, encoding, frames, channelData };
}

/** Averages the channels into one. */
export function mixToMono(channelData: readonly Float32Array[]): Float32Array {
  if (channelData.length === 1) return channelData[0];
  const frames = channelData[0]?.length ?? 0;
  const out = new Float32Array(frames);
  for (const channel of channelData) for (let i = 0; i < frames; i++) out[i] += channel[i];
  for (let i = 0; i < frames; i++) out[i] /= channelData.length;
  return out;
}

/** Re-encodes any supported WAV as 16-bit PCM with exact chunk sizes (no resampling, channels kept). */
export function toPcm16Wav(wav: Uint8Array): { wav: Buffer; sampleRate: number; channels: number; frames: number } {
  const decoded = decodeWav(wav);
  const interleaved = new Float32Array(decoded.frames * decoded.channels);
  for (let i = 0; i < decoded.frames; i++) {
    for (let c = 0; c < decoded.channels; c++) interleaved[i * decoded.channels + c] = decoded.channelData[c][i];
  }
  return {
    wav: encodeWav(floatToInt16(interleaved), decoded.sampleRate, decoded.channels),
    sampleRate: decoded.sampleRate,
    channels: decoded.channels,
    frames: decoded.frames,
  };
}
