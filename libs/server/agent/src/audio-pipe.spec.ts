import { AudioFrame, dispose } from '@livekit/rtc-node';
import { ParticipantAudioPipe } from './audio-pipe';

/** A tone as LiveKit would deliver it: 10 ms frames at `rate`, `channels` interleaved. */
function toneFrames(seconds: number, rate: number, channels: number, hz = 440): AudioFrame[] {
  const perFrame = rate / 100;
  const frames: AudioFrame[] = [];
  for (let f = 0; f < seconds * 100; f++) {
    const data = new Int16Array(perFrame * channels);
    for (let i = 0; i < perFrame; i++) {
      const value = Math.round(8000 * Math.sin((2 * Math.PI * hz * (f * perFrame + i)) / rate));
      for (let c = 0; c < channels; c++) data[i * channels + c] = value;
    }
    frames.push(new AudioFrame(data, rate, channels, perFrame));
  }
  return frames;
}

/** Zero crossings per second: the tone's frequency, twice. */
function crossingsPerSecond(samples: Int16Array, rate: number): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1] < 0 !== samples[i] < 0) crossings++;
  return crossings / (samples.length / rate);
}

describe('ParticipantAudioPipe', () => {
  // The native side keeps the process alive until released.
  afterAll(() => dispose());

  it('turns 48 kHz stereo 10 ms frames into numbered 16 kHz mono 20 ms frames, keeping the pitch', () => {
    const out: { seq: number; frame: Int16Array }[] = [];
    const pipe = new ParticipantAudioPipe((seq, frame) => out.push({ seq, frame }));
    for (const frame of toneFrames(2, 48_000, 2)) pipe.push(frame);
    pipe.end();
    expect(out.every((o, i) => o.seq === i && o.frame.length === 320)).toBe(true);
    expect(out.length).toBeGreaterThanOrEqual(99);
    expect(out.length).toBeLessThanOrEqual(101);
    const all = new Int16Array(out.length * 320);
    out.forEach((o, i) => all.set(o.frame, i * 320));
    expect(crossingsPerSecond(all.subarray(1600, all.length - 1600), 16_000)).toBeGreaterThan(860);
    expect(crossingsPerSecond(all.subarray(1600, all.length - 1600), 16_000)).toBeLessThan(900);
    expect(Math.max(...all.subarray(1600, 3200))).toBeGreaterThan(7000);
  });

  it('passes 16 kHz audio through unchanged, in whole frames, padding the last', () => {
    const out: Int16Array[] = [];
    const pipe = new ParticipantAudioPipe((_seq, frame) => out.push(frame));
    const samples = Int16Array.from({ length: 500 }, (_, i) => i);
    pipe.push(new AudioFrame(samples.slice(0, 250), 16_000, 1, 250));
    pipe.push(new AudioFrame(samples.slice(250), 16_000, 1, 250));
    expect(out).toHaveLength(1);
    expect(Array.from(out[0])).toEqual(Array.from(samples.subarray(0, 320)));
    pipe.end();
    expect(out).toHaveLength(2);
    expect(Array.from(out[1].subarray(0, 180))).toEqual(Array.from(samples.subarray(320)));
    expect(Array.from(out[1].subarray(180)).every((v) => v === 0)).toBe(true);
    expect(pipe.sent).toBe(2);
  });
});
