import { AUDIO_FRAME_SAMPLES, AUDIO_SAMPLE_RATE } from '@mockroom/contracts';
import { AudioFrame, AudioResampler, AudioResamplerQuality } from '@livekit/rtc-node';

/**
 * One participant's audio as LiveKit delivers it (AudioFrames, usually 48 kHz, 10 ms, mono or stereo) turned into what
 * the transcription pipeline takes: 16 kHz mono Int16, 20 ms frames numbered from 0 (the same frames a browser sends
 * on the built-in transport).
 */
export class ParticipantAudioPipe {
  private resampler: AudioResampler | null = null;
  private readonly pending = new Int16Array(AUDIO_FRAME_SAMPLES);
  private pendingSamples = 0;
  private seq = 0;

  constructor(private readonly send: (seq: number, frame: Int16Array) => void) {}

  /** Frames sent so far (the next frame's number). */
  get sent(): number {
    return this.seq;
  }

  push(frame: AudioFrame): void {
    const mono = frame.channels === 1 ? frame : downmix(frame);
    if (mono.sampleRate === AUDIO_SAMPLE_RATE) return this.collect(mono.data.subarray(0, mono.samplesPerChannel));
    if (!this.resampler || this.resampler.inputRate !== mono.sampleRate) {
      this.resampler?.close();
      this.resampler = new AudioResampler(mono.sampleRate, AUDIO_SAMPLE_RATE, 1, AudioResamplerQuality.MEDIUM);
    }
    for (const out of this.resampler.push(mono)) this.collect(out.data.subarray(0, out.samplesPerChannel));
  }

  /** The rest of the audio (the participant left): what the resampler holds, padded with silence to a whole frame. */
  end(): void {
    if (this.resampler) {
      for (const out of this.resampler.flush()) this.collect(out.data.subarray(0, out.samplesPerChannel));
      this.resampler.close();
      this.resampler = null;
    }
    if (this.pendingSamples > 0) {
      this.pending.fill(0, this.pendingSamples);
      this.pendingSamples = AUDIO_FRAME_SAMPLES;
      this.emit();
    }
  }

  private collect(samples: Int16Array): void {
    let offset = 0;
    while (offset < samples.length) {
      const take = Math.min(AUDIO_FRAME_SAMPLES - this.pendingSamples, samples.length - offset);
      this.pending.set(samples.subarray(offset, offset + take), this.pendingSamples);
      this.pendingSamples += take;
      offset += take;
      if (this.pendingSamples === AUDIO_FRAME_SAMPLES) this.emit();
    }
  }

  private emit(): void {
    this.send(this.seq++, this.pending.slice());
    this.pendingSamples = 0;
  }
}

/** Interleaved multi-channel audio as its mean. */
function downmix(frame: AudioFrame): AudioFrame {
  const { channels, samplesPerChannel, data } = frame;
  const mono = new Int16Array(samplesPerChannel);
  for (let i = 0; i < samplesPerChannel; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += data[i * channels + c];
    mono[i] = Math.round(sum / channels);
  }
  return new AudioFrame(mono, frame.sampleRate, 1, samplesPerChannel);
}
