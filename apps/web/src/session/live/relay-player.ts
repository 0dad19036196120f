import { AUDIO_SAMPLE_RATE } from '@mockroom/contracts';
import { levelFromRms } from '../../shared/audio/resampler';
import { DEFAULT_JITTER, pcmToFloat32, planFrame, rms, type JitterOptions } from './relay-audio';

/**
 * `idle`: not opened yet; `running`: the other voice plays; `blocked`: the browser holds sound back until a click
 * ("Join audio"); `unsupported`: no Web Audio here.
 */
export type RelayAudioStatus = 'idle' | 'running' | 'blocked' | 'unsupported';

export interface RelayPlayerHandlers {
  onStatus?: (status: RelayAudioStatus) => void;
  /** The other voice's loudness (0..1), per frame received. */
  onLevel?: (level: number) => void;
}

/** For the browser tests: how much of the other voice arrived, and how much of it was scheduled to play. */
export interface RelayTestHook {
  framesReceived: number;
  framesPlayed: number;
  framesDropped: number;
}

/**
 * The other participant's voice: each 20 ms frame becomes an AudioBuffer scheduled right after the one before, a
 * little behind real time (see planFrame). Frames that arrive while the browser blocks sound are dropped, not queued:
 * once sound is allowed, playback starts from what is said then.
 */
export class RelayPlayer {
  private readonly handlers: RelayPlayerHandlers;
  private readonly jitter: JitterOptions;
  private context: AudioContext | null = null;
  private output: GainNode | null = null;
  private status: RelayAudioStatus = 'idle';
  private queuedUntil = 0;
  private closed = false;
  readonly hook: RelayTestHook = { framesReceived: 0, framesPlayed: 0, framesDropped: 0 };

  constructor(handlers: RelayPlayerHandlers = {}, jitter: JitterOptions = DEFAULT_JITTER) {
    this.handlers = handlers;
    this.jitter = jitter;
  }

  getStatus(): RelayAudioStatus {
    return this.status;
  }

  /** Creates the audio context. Without a recent click the browser may keep it suspended: then `unlock()` from one. */
  open(): void {
    if (this.closed || this.context) return;
    const Context = typeof window === 'undefined' ? undefined : window.AudioContext;
    if (!Context) {
      this.setStatus('unsupported');
      return;
    }
    try {
      const context = new Context({ latencyHint: 'interactive' });
      const output = context.createGain();
      output.connect(context.destination);
      context.onstatechange = () => this.sync();
      this.context = context;
      this.output = output;
    } catch {
      this.setStatus('unsupported');
      return;
    }
    this.sync();
    if (this.context.state === 'suspended')
      void this.context.resume().then(
        () => this.sync(),
        () => this.sync(),
      );
  }

  /** Lets sound play; call it from a click (or any other user gesture). */
  async unlock(): Promise<void> {
    if (this.closed) return;
    if (!this.context) this.open();
    const context = this.context;
    if (!context || context.state !== 'suspended') return;
    try {
      await context.resume();
    } catch {
      // Still blocked: the status says so.
    }
    this.sync();
  }

  /** One frame of the other voice (16 kHz Int16LE). */
  push(pcm: ArrayBuffer | ArrayBufferView): void {
    if (this.closed) return;
    this.hook.framesReceived++;
    const samples = pcmToFloat32(pcm);
    if (samples.length === 0) return;
    this.handlers.onLevel?.(levelFromRms(rms(samples)));
    const context = this.context;
    const output = this.output;
    if (!context || !output || context.state !== 'running') {
      this.hook.framesDropped++;
      return;
    }
    const plan = planFrame(context.currentTime, this.queuedUntil, samples.length / AUDIO_SAMPLE_RATE, this.jitter);
    if (!plan.play) {
      this.hook.framesDropped++;
      return;
    }
    this.queuedUntil = plan.queuedUntil;
    try {
      const buffer = context.createBuffer(1, samples.length, AUDIO_SAMPLE_RATE);
      buffer.copyToChannel(samples, 0);
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(output);
      source.onended = () => source.disconnect();
      source.start(plan.startAt);
      this.hook.framesPlayed++;
    } catch {
      this.hook.framesDropped++;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const context = this.context;
    this.context = null;
    this.output = null;
    if (context) {
      context.onstatechange = null;
      if (context.state !== 'closed') context.close().catch(() => undefined);
    }
  }

  private sync(): void {
    const context = this.context;
    if (!context || this.closed) return;
    if (context.state === 'running') this.setStatus('running');
    else if (context.state === 'suspended') {
      // Whatever was queued is stale by the time sound comes back.
      this.queuedUntil = 0;
      this.setStatus('blocked');
    }
  }

  private setStatus(status: RelayAudioStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.handlers.onStatus?.(status);
  }
}
