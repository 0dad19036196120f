import { AUDIO_FRAME_SAMPLES, AUDIO_SAMPLE_RATE } from '@mockroom/contracts';
import { CAPTURE_PROCESSOR, type CaptureFrameMessage, type CaptureProcessorOptions } from './capture-protocol';
import { micProblem, namedError, type MicProblem } from './mic-errors';
// Vite bundles the worklet and its imports into one script under /assets and gives its URL (see capture.worklet.ts).
import captureWorkletUrl from './capture.worklet.ts?worker&url';

export type MicStatus = 'idle' | 'starting' | 'running' | 'suspended' | 'error' | 'stopped';

export interface MicState {
  status: MicStatus;
  problem: MicProblem | null;
  /** The device's capture rate (the worklet resamples it to 16 kHz). */
  deviceRate: number | null;
}

export interface MicCaptureHandlers {
  /** One 20 ms frame: 320 Int16LE samples at 16 kHz (640 bytes), and its level 0..1. */
  onFrame?: (pcm: ArrayBuffer, level: number) => void;
  onStateChange?: (state: MicState) => void;
}

export const MIC_CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
  video: false,
};

/**
 * The microphone, captured through an AudioWorklet into 16 kHz 20 ms frames. One instance per use;
 * `stop()` releases the device, the audio graph and the context.
 */
export class MicCapture {
  private readonly handlers: MicCaptureHandlers;
  private state: MicState = { status: 'idle', problem: null, deviceRate: null };
  private stream: MediaStream | null = null;
  private context: AudioContext | null = null;
  private source: MediaStreamAudioSourceNode | null = null;
  private node: AudioWorkletNode | null = null;
  private sink: GainNode | null = null;
  private starting: Promise<void> | null = null;
  private generation = 0;

  constructor(handlers: MicCaptureHandlers = {}) {
    this.handlers = handlers;
  }

  getState(): MicState {
    return this.state;
  }

  /** Asks for the microphone and starts capturing. Safe to call again after an error (it retries). */
  start(): Promise<void> {
    if (this.state.status === 'running' || this.state.status === 'suspended') return this.resume();
    if (!this.starting) {
      this.starting = this.open().finally(() => {
        this.starting = null;
      });
    }
    return this.starting;
  }

  /** Resumes a context the browser suspended (autoplay rules); call it from a click. */
  async resume(): Promise<void> {
    const context = this.context;
    if (!context || context.state === 'closed') return;
    if (context.state === 'suspended') {
      try {
        await context.resume();
      } catch {
        // Still suspended: the state below says so.
      }
    }
    this.syncContextState();
  }

  /** The microphone's track while capturing (the LiveKit room publishes a clone of it). */
  getTrack(): MediaStreamTrack | null {
    return this.stream?.getAudioTracks()[0] ?? null;
  }

  stop(): void {
    this.generation++;
    this.teardown();
    this.setState({ status: 'stopped', problem: null, deviceRate: this.state.deviceRate });
  }

  private async open(): Promise<void> {
    const generation = ++this.generation;
    this.teardown();
    this.setState({ status: 'starting', problem: null, deviceRate: null });
    try {
      if (!navigator.mediaDevices?.getUserMedia) {
        throw namedError(
          window.isSecureContext ? 'MicUnsupportedError' : 'SecurityError',
          'getUserMedia is not available.',
        );
      }
      if (typeof AudioWorkletNode === 'undefined')
        throw namedError('MicUnsupportedError', 'AudioWorklet is not available.');
      const stream = await navigator.mediaDevices.getUserMedia(MIC_CONSTRAINTS);
      if (generation !== this.generation) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      this.stream = stream;
      const context = new AudioContext({ latencyHint: 'interactive' });
      this.context = context;
      await context.audioWorklet.addModule(captureWorkletUrl);
      if (generation !== this.generation) return;

      const processorOptions: CaptureProcessorOptions = {
        targetRate: AUDIO_SAMPLE_RATE,
        frameSamples: AUDIO_FRAME_SAMPLES,
      };
      const node = new AudioWorkletNode(context, CAPTURE_PROCESSOR, {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        // The worklet gets the device's own channels (the fake test device is stereo) and mixes them itself.
        channelCountMode: 'max',
        processorOptions,
      });
      node.port.onmessage = (event: MessageEvent<CaptureFrameMessage>) => {
        if (generation !== this.generation || event.data?.type !== 'frame') return;
        this.handlers.onFrame?.(event.data.pcm, event.data.level);
      };
      node.onprocessorerror = () => {
        if (generation !== this.generation) return;
        this.fail(namedError('CaptureError', 'The audio processor stopped.'));
      };
      // The worklet outputs silence; routing it to the speakers through a muted gain keeps the graph pulled everywhere.
      const sink = context.createGain();
      sink.gain.value = 0;
      const source = context.createMediaStreamSource(stream);
      source.connect(node);
      node.connect(sink);
      sink.connect(context.destination);
      this.source = source;
      this.node = node;
      this.sink = sink;

      for (const track of stream.getAudioTracks()) {
        track.addEventListener('ended', () => {
          if (generation === this.generation) this.fail(namedError('MicEndedError', 'The microphone track ended.'));
        });
      }
      context.onstatechange = () => {
        if (generation === this.generation) this.syncContextState();
      };
      this.state = { status: 'starting', problem: null, deviceRate: context.sampleRate };
      if (context.state === 'suspended') {
        // Without a recent click the browser may keep the context suspended; resume() from a click fixes it.
        await context.resume().catch(() => undefined);
      }
      if (generation !== this.generation) return;
      this.syncContextState();
    } catch (error) {
      if (generation !== this.generation) return;
      this.fail(error);
    }
  }

  private syncContextState(): void {
    const context = this.context;
    if (!context || this.state.status === 'error' || this.state.status === 'stopped') return;
    const status: MicStatus =
      context.state === 'running' ? 'running' : context.state === 'suspended' ? 'suspended' : 'stopped';
    if (status !== this.state.status) this.setState({ ...this.state, status });
  }

  private fail(error: unknown): void {
    this.teardown();
    this.setState({ status: 'error', problem: micProblem(error), deviceRate: null });
  }

  private teardown(): void {
    if (this.node) {
      this.node.port.onmessage = null;
      this.node.port.postMessage({ type: 'stop' });
      this.node.port.close();
      this.node.disconnect();
    }
    this.source?.disconnect();
    this.sink?.disconnect();
    this.stream?.getTracks().forEach((track) => track.stop());
    if (this.context) {
      this.context.onstatechange = null;
      if (this.context.state !== 'closed') this.context.close().catch(() => undefined);
    }
    this.node = null;
    this.source = null;
    this.sink = null;
    this.stream = null;
    this.context = null;
  }

  private setState(state: MicState): void {
    this.state = state;
    this.handlers.onStateChange?.(state);
  }
}
