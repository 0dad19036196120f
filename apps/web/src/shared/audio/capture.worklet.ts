/**
 * The microphone's AudioWorkletProcessor: mixes to mono, low-pass filters, resamples to 16 kHz and posts exact
 * 20 ms frames of Int16LE PCM (with their level) to the main thread.
 *
 * Loaded with `audioWorklet.addModule()` from the URL Vite gives for `./capture.worklet.ts?worker&url`: Vite bundles
 * this file and its imports into one self-contained script in the build's assets (same origin, so a strict
 * `script-src 'self'` allows it). It runs in the AudioWorkletGlobalScope, which the DOM typings don't describe:
 * the few globals it uses are declared here.
 */
import { CAPTURE_PROCESSOR, type CaptureFrameMessage, type CaptureProcessorOptions } from './capture-protocol';
import { CapturePipeline } from './resampler';

declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: { processorOptions?: unknown });
}
declare function registerProcessor(
  name: string,
  processor: new (options: { processorOptions?: CaptureProcessorOptions }) => AudioWorkletProcessor,
): void;

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly pipeline: CapturePipeline;
  private stopped = false;

  constructor(options: { processorOptions?: CaptureProcessorOptions }) {
    super(options);
    const { targetRate = 16_000, frameSamples = 320 } = options.processorOptions ?? {};
    this.pipeline = new CapturePipeline(sampleRate, targetRate, frameSamples);
    this.port.onmessage = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === 'stop') this.stopped = true;
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.stopped) return false;
    const channels = inputs[0];
    // No input connected (yet, or any more): nothing to capture, but stay alive.
    if (!channels || channels.length === 0) return true;
    for (const frame of this.pipeline.process(channels)) {
      const message: CaptureFrameMessage = { type: 'frame', pcm: frame.pcm, level: frame.level };
      this.port.postMessage(message, [frame.pcm]);
    }
    return true;
  }
}

registerProcessor(CAPTURE_PROCESSOR, CaptureProcessor);
