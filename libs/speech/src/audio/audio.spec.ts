import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { concat, silence, tone, toInt16, zeroCrossingFrequency } from '../test/signals';
import { fliteWav } from '../test/speech-fixtures';
import { run } from '../util/process';
import { bufferToInt16, concatPcm, dbfs, durationMs, floatToInt16, int16ToBuffer, rms } from './pcm';
import { resample, wavToPcm16k } from './resample';
import { decodeWav, encodeStereoWav, encodeWav, mixToMono, toPcm16Wav, WavFormatError } from './wav';

/** A WAV with any format fields, for the decoder's error paths. */
function rawWav(
  format: number,
  bits: number,
  channels: number,
  rate: number,
  data: Buffer,
  dataSize = data.length,
): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(format, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE((rate * channels * bits) / 8, 28);
  header.writeUInt16LE((channels * bits) / 8, 32);
  header.writeUInt16LE(bits, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataSize, 40);
  return Buffer.concat([header, data]);
}

describe('PCM helpers', () => {
  it('converts Int16 samples to little-endian bytes and back', () => {
    const pcm = new Int16Array([0, 1, -1, 32767, -32768, 12345]);
    const bytes = int16ToBuffer(pcm);
    expect([...bytes.subarray(0, 8)]).toEqual([0, 0, 1, 0, 0xff, 0xff, 0xff, 0x7f]);
    expect([...bufferToInt16(bytes)]).toEqual([...pcm]);
    // Unaligned input is fine.
    expect([...bufferToInt16(Buffer.concat([Buffer.from([9]), bytes]).subarray(1))]).toEqual([...pcm]);
    expect(() => bufferToInt16(Buffer.alloc(3))).toThrow(/even number of bytes/);
  });

  it('concatenates and measures', () => {
    expect([...concatPcm([new Int16Array([1, 2]), new Int16Array([]), new Int16Array([3])])]).toEqual([1, 2, 3]);
    const sine = toInt16(tone(1000, 1000, 1));
    expect(dbfs(sine)).toBeCloseTo(-3, 0);
    expect(rms(new Int16Array([3, -4]))).toBeCloseTo(Math.sqrt(12.5));
    expect(dbfs(new Int16Array(100))).toBe(-Infinity);
    expect(durationMs(16000)).toBe(1000);
    expect(durationMs(new Int16Array(320))).toBe(20);
    expect(durationMs(44100, 44100)).toBe(1000);
    expect([...floatToInt16(new Float32Array([0, 1, -1, 2, -2, 0.5]))]).toEqual([
      0, 32767, -32768, 32767, -32768, 16384,
    ]);
  });
});

describe('WAV', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mockroom-wav-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips mono and stereo 16-bit PCM', () => {
    const mono = toInt16(tone(250, 440, 0.5));
    const decoded = decodeWav(encodeWav(mono, 16000));
    expect(decoded).toMatchObject({ sampleRate: 16000, channels: 1, encoding: 'pcm16', frames: mono.length });
    expect([...floatToInt16(decoded.channelData[0])]).toEqual([...mono]);

    const left = toInt16(tone(100, 300, 0.5, 48000));
    const right = toInt16(tone(100, 600, 0.25, 48000));
    const stereo = decodeWav(encodeStereoWav(left, right, 48000));
    expect(stereo).toMatchObject({ sampleRate: 48000, channels: 2, frames: left.length });
    expect([...floatToInt16(stereo.channelData[0])]).toEqual([...left]);
    expect([...floatToInt16(stereo.channelData[1])]).toEqual([...right]);
    expect(mixToMono(stereo.channelData)[100]).toBeCloseTo((left[100] + right[100]) / 2 / 32768, 4);
  });

  it('decodes 32-bit float with any channel count and rate, and streaming (unknown) sizes', () => {
    const frames = 1000;
    const data = Buffer.alloc(frames * 3 * 4);
    for (let i = 0; i < frames; i++) for (let c = 0; c < 3; c++) data.writeFloatLE((c + 1) / 10, (i * 3 + c) * 4);
    const decoded = decodeWav(rawWav(3, 32, 3, 22050, data, 0xffffffff));
    expect(decoded).toMatchObject({ sampleRate: 22050, channels: 3, encoding: 'float32', frames });
    expect(decoded.channelData.map((c) => Number(c[500].toFixed(3)))).toEqual([0.1, 0.2, 0.3]);
    // Re-encoded as exact 16-bit PCM.
    const pcm16 = toPcm16Wav(rawWav(3, 32, 3, 22050, data, 0xffffffff));
    expect(pcm16.wav.readUInt32LE(40)).toBe(frames * 3 * 2);
    expect(decodeWav(pcm16.wav)).toMatchObject({ encoding: 'pcm16', channels: 3, frames });
  });

  it('decodes what sox writes (extensible float header)', async () => {
    const path = join(dir, 'float.wav');
    const made = await run('sox', [
      '-n',
      '-b',
      '32',
      '-e',
      'floating-point',
      '-c',
      '2',
      '-r',
      '44100',
      path,
      'synth',
      '0.5',
      'sine',
      '1000',
    ]);
    expect(made.code).toBe(0);
    const decoded = decodeWav(await readFile(path));
    expect(decoded).toMatchObject({ sampleRate: 44100, channels: 2, encoding: 'float32', frames: 22050 });
  });

  it('refuses what it cannot decode, clearly', () => {
    expect(() => decodeWav(Buffer.from('not a wav file at all'))).toThrow(
      new WavFormatError('not a WAV file (no RIFF/WAVE header)'),
    );
    expect(() => decodeWav(rawWav(1, 8, 1, 8000, Buffer.alloc(10)))).toThrow(
      /unsupported WAV encoding: 8-bit integer PCM \(supported: 16-bit integer PCM and 32-bit float\)/,
    );
    expect(() => decodeWav(rawWav(1, 24, 1, 8000, Buffer.alloc(12)))).toThrow(/24-bit integer PCM/);
    expect(() => decodeWav(rawWav(6, 8, 1, 8000, Buffer.alloc(10)))).toThrow(/format code 6/);
    expect(() => decodeWav(encodeWav(new Int16Array(4), 16000).subarray(0, 36))).toThrow(/no data chunk/);
  });

  it('decodes a WAV file made by flite', async () => {
    const path = join(dir, 'flite.wav');
    const result = await run('flite', ['-voice', 'slt', '-t', 'Tell me about a project you are proud of.', '-o', path]);
    expect(result.code).toBe(0);
    const decoded = decodeWav(await readFile(path));
    expect(decoded).toMatchObject({ sampleRate: 16000, channels: 1, encoding: 'pcm16' });
    const seconds = decoded.frames / decoded.sampleRate;
    expect(seconds).toBeGreaterThan(1.5);
    expect(seconds).toBeLessThan(5);
    expect(dbfs(floatToInt16(decoded.channelData[0]))).toBeGreaterThan(-40);
    // The 16 kHz voice comes through the resampler unchanged in length.
    expect(
      wavToPcm16k(await readFile(await fliteWav('Hello.', dir, { voice: 'kal16', name: 'hello' }))).length,
    ).toBeGreaterThan(8000);
  });
});

describe('resampling to 16 kHz', () => {
  it('keeps the frequency and duration of a tone', () => {
    const source = tone(1000, 1000, 0.5, 44100);
    const stereo = encodeStereoWav(toInt16(source), toInt16(source), 44100);
    const out = wavToPcm16k(stereo);
    expect(out.length).toBe(16000);
    expect(zeroCrossingFrequency(out, 16000)).toBeCloseTo(1000, -1);
    expect(dbfs(out, 1000, 15000)).toBeCloseTo(dbfs(toInt16(source)), 0);

    const up = resample(tone(500, 440, 0.5, 8000), 8000, 16000);
    expect(up.length).toBe(8000);
    expect(zeroCrossingFrequency(up, 16000)).toBeCloseTo(440, -1);

    // An odd rate with no small common ratio takes the general (interpolated kernel) path.
    const odd = resample(tone(1000, 700, 0.5, 11111), 11111, 16000);
    expect(odd.length).toBe(16000);
    expect(zeroCrossingFrequency(odd, 16000)).toBeCloseTo(700, -1);
    expect(dbfs(floatToInt16(odd), 1000, 15000)).toBeCloseTo(dbfs(toInt16(tone(1000, 700, 0.5))), 0);
  });

  it('filters out what does not fit below 8 kHz instead of aliasing it', () => {
    // A 12 kHz whistle at 44.1 kHz would fold to 4 kHz by dropping samples.
    const whistle = tone(500, 12_000, 0.5, 44100);
    const filtered = floatToInt16(resample(whistle, 44100, 16000));
    expect(dbfs(filtered, 800, 7200)).toBeLessThan(dbfs(toInt16(whistle)) - 40);
    const dropped = new Int16Array(8000);
    for (let i = 0; i < dropped.length; i++) dropped[i] = Math.round(whistle[Math.floor((i * 44100) / 16000)] * 32767);
    expect(dbfs(dropped)).toBeGreaterThan(dbfs(toInt16(whistle)) - 6);
  });

  it('keeps silence silent and lengths right for odd rates', () => {
    const out = resample(concat(silence(100, 22050)), 22050, 16000);
    expect(out.length).toBe(1600);
    expect(Math.max(...out.map(Math.abs))).toBe(0);
  });
});
