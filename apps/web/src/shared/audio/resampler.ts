/**
 * The capture pipeline's signal processing, kept free of any browser API so the AudioWorklet can bundle it
 * and Node can test it: mix to mono, low-pass, resample to 16 kHz, and cut exact 20 ms Int16 frames.
 */

/** Averages the channels of one render quantum into `out` (which must be as long as the channels). */
export function mixToMono(channels: readonly Float32Array[], out: Float32Array): Float32Array {
  const count = channels.length;
  if (count === 0) {
    out.fill(0);
    return out;
  }
  if (count === 1) {
    out.set(channels[0].subarray(0, out.length));
    return out;
  }
  const scale = 1 / count;
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    for (let c = 0; c < count; c++) sum += channels[c][i] ?? 0;
    out[i] = sum * scale;
  }
  return out;
}

/** One second-order section (RBJ cookbook low-pass), direct form I, state kept across blocks. */
class Biquad {
  private readonly b0: number;
  private readonly b1: number;
  private readonly b2: number;
  private readonly a1: number;
  private readonly a2: number;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(sampleRate: number, cutoff: number, q: number) {
    const w0 = (2 * Math.PI * cutoff) / sampleRate;
    const cos = Math.cos(w0);
    const alpha = Math.sin(w0) / (2 * q);
    const a0 = 1 + alpha;
    this.b0 = (1 - cos) / 2 / a0;
    this.b1 = (1 - cos) / a0;
    this.b2 = (1 - cos) / 2 / a0;
    this.a1 = (-2 * cos) / a0;
    this.a2 = (1 - alpha) / a0;
  }

  process(x: number): number {
    const y = this.b0 * x + this.b1 * this.x1 + this.b2 * this.x2 - this.a1 * this.y1 - this.a2 * this.y2;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    // Flush denormals so a silent input never slows the audio thread down.
    this.y1 = Math.abs(y) < 1e-20 ? 0 : y;
    return this.y1;
  }
}

/** A 4th-order Butterworth low-pass (two biquads), the anti-aliasing filter before decimation. */
export class LowPass {
  private readonly sections: Biquad[];

  constructor(sampleRate: number, cutoff: number) {
    // The Q of each section of a 4th-order Butterworth filter.
    this.sections = [new Biquad(sampleRate, cutoff, 0.5411961), new Biquad(sampleRate, cutoff, 1.306563)];
  }

  processInPlace(samples: Float32Array): void {
    const [first, second] = this.sections;
    for (let i = 0; i < samples.length; i++) samples[i] = second.process(first.process(samples[i]));
  }
}

/**
 * Streams mono audio from any input rate to the output rate by linear interpolation, filtering first when
 * downsampling. The read position is kept as an exact fraction (integer numerator over the output rate) and
 * carried from one block to the next, so N seconds of input always give N seconds of output: no drift.
 */
export class Resampler {
  readonly inputRate: number;
  readonly outputRate: number;
  private readonly filter: LowPass | null;
  /** Index of the next output sample's position in the input stream, relative to the current block (integer part). */
  private position = 0;
  /** Fractional part of that position, in units of 1/outputRate. */
  private fraction = 0;
  /** The last input sample of the previous block (position -1 of the current one). */
  private previous = 0;
  private primed = false;
  private scratch: Float32Array = new Float32Array(0);

  constructor(inputRate: number, outputRate: number) {
    this.inputRate = Math.round(inputRate);
    this.outputRate = Math.round(outputRate);
    if (!(this.inputRate > 0) || !(this.outputRate > 0)) throw new RangeError('Sample rates must be positive.');
    // Keep ~90% of the output band: below the output's Nyquist frequency with room for the filter's slope.
    this.filter = this.inputRate > this.outputRate ? new LowPass(this.inputRate, this.outputRate * 0.45) : null;
  }

  /** Resamples one block of input; calls `emit` for each output sample, in order. */
  process(input: Float32Array, emit: (sample: number) => void): void {
    const n = input.length;
    if (n === 0) return;
    let samples = input;
    if (this.filter) {
      if (this.scratch.length < n) this.scratch = new Float32Array(n);
      samples = this.scratch.subarray(0, n);
      samples.set(input);
      this.filter.processInPlace(samples);
    }
    if (!this.primed) {
      // The very first output sample is the very first input sample.
      this.previous = samples[0];
      this.primed = true;
    }
    const { inputRate, outputRate } = this;
    const step = Math.floor(inputRate / outputRate);
    const stepFraction = inputRate % outputRate;
    let position = this.position;
    let fraction = this.fraction;
    // Output sample at input position p + f/outputRate needs samples p and p + 1 (p = -1 is the previous block's last).
    while (position + 1 < n) {
      const left = position < 0 ? this.previous : samples[position];
      const right = samples[position + 1];
      emit(left + ((right - left) * fraction) / outputRate);
      position += step;
      fraction += stepFraction;
      if (fraction >= outputRate) {
        fraction -= outputRate;
        position += 1;
      }
    }
    this.previous = samples[n - 1];
    this.position = position - n;
    this.fraction = fraction;
  }
}

/** Loudness for a meter: RMS in dBFS mapped from -60 dB (0) to -6 dB (1). */
export function levelFromRms(rms: number): number {
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db + 60) / 54));
}

/** Float sample (-1..1) to Int16, clamped. */
export function toInt16(sample: number): number {
  const s = sample > 1 ? 1 : sample < -1 ? -1 : sample;
  return s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
}

export interface PcmFrame {
  /** `frameSamples` Int16 samples, little-endian. */
  pcm: ArrayBuffer;
  /** The frame's loudness, 0..1 (see levelFromRms). */
  level: number;
}

/** Collects samples into exact frames of `frameSamples` Int16LE samples, each with its level. */
export class FrameAssembler {
  readonly frameSamples: number;
  private buffer: ArrayBuffer;
  private view: DataView;
  private filled = 0;
  private sumSquares = 0;

  constructor(frameSamples: number) {
    this.frameSamples = frameSamples;
    this.buffer = new ArrayBuffer(frameSamples * 2);
    this.view = new DataView(this.buffer);
  }

  /** Adds one sample; returns the finished frame when this sample completes one, else null. */
  push(sample: number): PcmFrame | null {
    const value = toInt16(sample);
    this.view.setInt16(this.filled * 2, value, true);
    const normalised = value / 0x8000;
    this.sumSquares += normalised * normalised;
    this.filled++;
    if (this.filled < this.frameSamples) return null;
    const frame: PcmFrame = { pcm: this.buffer, level: levelFromRms(Math.sqrt(this.sumSquares / this.frameSamples)) };
    // A fresh buffer each time: the finished one is transferred to the main thread.
    this.buffer = new ArrayBuffer(this.frameSamples * 2);
    this.view = new DataView(this.buffer);
    this.filled = 0;
    this.sumSquares = 0;
    return frame;
  }
}

/** The whole chain for one capture: channels in at the device rate, 20 ms frames at the target rate out. */
export class CapturePipeline {
  private readonly resampler: Resampler;
  private readonly assembler: FrameAssembler;
  private mono: Float32Array = new Float32Array(128);

  constructor(inputRate: number, outputRate: number, frameSamples: number) {
    this.resampler = new Resampler(inputRate, outputRate);
    this.assembler = new FrameAssembler(frameSamples);
  }

  /** Processes one block of channels; returns the frames it completed (usually zero or one). */
  process(channels: readonly Float32Array[]): PcmFrame[] {
    const length = channels[0]?.length ?? 0;
    if (length === 0) return [];
    if (this.mono.length !== length) this.mono = new Float32Array(length);
    mixToMono(channels, this.mono);
    const frames: PcmFrame[] = [];
    this.resampler.process(this.mono, (sample) => {
      const frame = this.assembler.push(sample);
      if (frame) frames.push(frame);
    });
    return frames;
  }
}
