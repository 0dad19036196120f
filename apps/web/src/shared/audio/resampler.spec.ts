import { describe, expect, it } from '@jest/globals';
import { CapturePipeline, FrameAssembler, levelFromRms, mixToMono, Resampler, toInt16 } from './resampler';

/** Feeds `seconds` of a sine wave through `process` in blocks of `block` samples. */
function sine(rate: number, seconds: number, frequency: number, amplitude = 0.5): Float32Array {
  const samples = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < samples.length; i++) samples[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / rate);
  return samples;
}

function resampleAll(resampler: Resampler, input: Float32Array, block = 128): number[] {
  const out: number[] = [];
  for (let start = 0; start < input.length; start += block) {
    resampler.process(input.subarray(start, Math.min(input.length, start + block)), (sample) => out.push(sample));
  }
  return out;
}

function rms(values: ArrayLike<number>, from = 0, to = values.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i] * values[i];
  return Math.sqrt(sum / (to - from));
}

describe('Resampler', () => {
  it.each([44_100, 48_000, 96_000, 22_050, 16_000, 8_000])(
    'turns N seconds at %i Hz into N seconds at 16 kHz, without drift',
    (rate) => {
      const resampler = new Resampler(rate, 16_000);
      const seconds = 37;
      const out = resampleAll(resampler, new Float32Array(rate * seconds));
      // Linear interpolation needs the input sample after each position, so the output trails by under one input sample.
      expect(out.length).toBeGreaterThanOrEqual(16_000 * seconds - Math.ceil(16_000 / rate));
      expect(out.length).toBeLessThanOrEqual(16_000 * seconds);
    },
  );

  it('gives the same output whatever the block sizes (the position is carried across blocks)', () => {
    const input = sine(44_100, 0.5, 440);
    const whole = resampleAll(new Resampler(44_100, 16_000), input, input.length);
    const blocks = resampleAll(new Resampler(44_100, 16_000), input, 128);
    const odd = resampleAll(new Resampler(44_100, 16_000), input, 7);
    expect(blocks).toHaveLength(whole.length);
    expect(odd).toHaveLength(whole.length);
    for (let i = 0; i < whole.length; i++) {
      expect(blocks[i]).toBeCloseTo(whole[i], 6);
      expect(odd[i]).toBeCloseTo(whole[i], 6);
    }
  });

  it('keeps speech-band tones and their phase', () => {
    const out = resampleAll(new Resampler(48_000, 16_000), sine(48_000, 1, 1_000, 0.5));
    // Skip the filter's start-up; a 0.5 amplitude sine has an RMS of ~0.354.
    expect(rms(out, 1_600)).toBeCloseTo(0.5 / Math.SQRT2, 1);
    // The output is still a 1 kHz tone: 16 samples per period, so a sample correlates with the one a period later.
    for (let i = 2_000; i < 2_100; i++) expect(out[i + 16]).toBeCloseTo(out[i], 2);
  });

  it('filters out what would alias above 8 kHz', () => {
    const out = resampleAll(new Resampler(44_100, 16_000), sine(44_100, 1, 12_000, 0.5));
    expect(rms(out, 1_600)).toBeLessThan(0.03);
  });

  it('passes audio through unchanged at the same rate', () => {
    const input = sine(16_000, 0.1, 300);
    const out = resampleAll(new Resampler(16_000, 16_000), input, 128);
    expect(out.length).toBe(input.length - 1);
    for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(input[i], 6);
  });
});

describe('mixToMono', () => {
  it('averages the channels', () => {
    const out = mixToMono([Float32Array.from([1, 0.5, -1]), Float32Array.from([0, 0.5, 1])], new Float32Array(3));
    expect(Array.from(out)).toEqual([0.5, 0.5, 0]);
  });

  it('copies a single channel and silences a missing input', () => {
    expect(Array.from(mixToMono([Float32Array.from([0.25, -0.25])], new Float32Array(2)))).toEqual([0.25, -0.25]);
    expect(Array.from(mixToMono([], new Float32Array(2).fill(1)))).toEqual([0, 0]);
  });
});

describe('FrameAssembler', () => {
  it('cuts exact frames of Int16 little-endian samples', () => {
    const assembler = new FrameAssembler(4);
    expect(assembler.push(1)).toBeNull();
    expect(assembler.push(-1)).toBeNull();
    expect(assembler.push(0.5)).toBeNull();
    const frame = assembler.push(2);
    expect(frame).not.toBeNull();
    const bytes = new Uint8Array(frame!.pcm);
    expect(bytes).toHaveLength(8);
    const view = new DataView(frame!.pcm);
    expect([0, 1, 2, 3].map((i) => view.getInt16(i * 2, true))).toEqual([32767, -32768, 16384, 32767]);
    expect(bytes[0]).toBe(0xff); // low byte first
    expect(bytes[1]).toBe(0x7f);
    expect(assembler.push(0)).toBeNull(); // a new frame starts
  });

  it('reports silence as level 0 and a loud tone near 1', () => {
    const assembler = new FrameAssembler(320);
    let silent = null;
    for (let i = 0; i < 320; i++) silent = assembler.push(0);
    expect(silent!.level).toBe(0);
    let loud = null;
    for (let i = 0; i < 320; i++) loud = assembler.push(0.9 * Math.sin(i / 3));
    expect(loud!.level).toBeGreaterThan(0.85);
  });
});

describe('levels and samples', () => {
  it('maps RMS to 0..1 on a dB scale', () => {
    expect(levelFromRms(0)).toBe(0);
    expect(levelFromRms(0.001)).toBe(0); // -60 dBFS
    expect(levelFromRms(1)).toBe(1);
    expect(levelFromRms(10 ** (-33 / 20))).toBeCloseTo(0.5, 5);
  });

  it('clamps and rounds to Int16', () => {
    expect(toInt16(0)).toBe(0);
    expect(toInt16(1.5)).toBe(32767);
    expect(toInt16(-1.5)).toBe(-32768);
  });
});

describe('CapturePipeline', () => {
  it('posts exactly one 640-byte frame per 20 ms of 44.1 kHz stereo input', () => {
    const pipeline = new CapturePipeline(44_100, 16_000, 320);
    const seconds = 10;
    const left = sine(44_100, seconds, 440, 0.3);
    const right = sine(44_100, seconds, 660, 0.3);
    const frames: ArrayBuffer[] = [];
    for (let start = 0; start < left.length; start += 128) {
      const end = Math.min(left.length, start + 128);
      for (const frame of pipeline.process([left.subarray(start, end), right.subarray(start, end)]))
        frames.push(frame.pcm);
    }
    // 10 s = 500 frames; the last one may still wait for its final sample.
    expect(frames.length).toBeGreaterThanOrEqual(499);
    expect(frames.length).toBeLessThanOrEqual(500);
    expect(frames.every((pcm) => pcm.byteLength === 640)).toBe(true);
    expect(new Set(frames).size).toBe(frames.length); // a fresh buffer per frame (each is transferred)
  });
});
