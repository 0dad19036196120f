import { AUDIO_FRAME_SAMPLES } from '@mockroom/contracts';
import { FrameBudget, RecordedTime, RecordingQuota } from './audio-limits';
import { AudioStream, type AudioPathHooks, type Utterance } from './audio-stream';
import { FakeLiveAudio, tone } from './runtime-fakes';

/**
 * One participant's audio path on its own: what it reports upward and what it sends to the worker while an utterance
 * is spoken, with typed fakes for the session above it and for the live-audio channel.
 */

/** The session above the path: records what it was told, and says whether utterances may travel. */
class FakeSession implements AudioPathHooks {
  may = true;
  readonly speechStarts: number[] = [];
  readonly utterances: Utterance[] = [];
  readonly streaming: { startMs: number; liveKey: string }[] = [];
  onSpeechStart(_stream: AudioStream, atMs: number): void {
    this.speechStarts.push(atMs);
  }
  onUtterance(_stream: AudioStream, utterance: Utterance): void {
    this.utterances.push(utterance);
  }
  mayStream(): boolean {
    return this.may;
  }
  onStreaming(_stream: AudioStream, live: { startMs: number; liveKey: string }): void {
    this.streaming.push(live);
  }
  async openRecording() {
    const file = { write: () => true, end: (done: () => void) => done(), on: () => file, destroyed: false };
    return file as never;
  }
}

function path(options: { segmentSilenceMs?: number } = {}) {
  const session = new FakeSession();
  const channel = new FakeLiveAudio();
  const stream = new AudioStream(
    'mic-1',
    session,
    options.segmentSilenceMs ?? 600,
    {
      budget: new FrameBudget(1000, 100_000, 0),
      quota: new RecordingQuota(1_000_000),
      allowance: new RecordedTime(1000, 100_000),
    },
    { channel, interviewId: 'iv', logger: { warn: () => undefined } },
  );
  let seq = 0;
  /** Frames on the interview's clock, from 1 s on. */
  const feed = (pcm: Int16Array) => {
    for (let i = 0; i < pcm.length / AUDIO_FRAME_SAMPLES; i++) {
      const frame = pcm.subarray(i * AUDIO_FRAME_SAMPLES, (i + 1) * AUDIO_FRAME_SAMPLES);
      expect(stream.push(seq, frame, 1000 + seq * 20, 0)).toBe('taken');
      seq++;
    }
  };
  const quiet = (frames: number) => feed(new Int16Array(frames * AUDIO_FRAME_SAMPLES));
  return { session, channel, stream, feed, quiet };
}

describe('a participant’s audio path', () => {
  it('sends an utterance to the worker while it is spoken, and the rest when it ends: the worker gets it whole', () => {
    const { session, channel, feed, quiet } = path();
    quiet(10);
    feed(tone(60)); // 1.2 s of speech
    expect(session.speechStarts).toHaveLength(1);
    expect(session.streaming).toHaveLength(1);
    const { liveKey, startMs } = session.streaming[0];
    // Sent every 300 ms while spoken, the first part marked first.
    const appends = channel.calls.filter((c) => c.op === 'append');
    expect(appends.length).toBeGreaterThanOrEqual(3);
    expect(appends[0]).toMatchObject({ first: true, key: liveKey });
    expect(appends.slice(1).every((c) => c.op === 'append' && !c.first)).toBe(true);
    quiet(60);
    expect(session.utterances).toHaveLength(1);
    const [utterance] = session.utterances;
    expect(utterance).toMatchObject({ streamed: true, speaking: false, startMs });
    // On the interview's clock: speech began at frame 10, 1 s + 200 ms in, less the 200 ms pre-roll.
    expect(Math.abs(utterance.startMs - 1000)).toBeLessThanOrEqual(60);
    expect(utterance.speechEndMs).toBeLessThan(utterance.endMs);
    const end = channel.calls.at(-1)!;
    expect(end).toMatchObject({ op: 'end', key: liveKey, total: utterance.pcm.length, cut: false });
    expect(channel.audioOf(liveKey)).toEqual(utterance.pcm);
  });

  it('keeps an utterance back while the session says not now: it is reported whole, nothing is sent', () => {
    const { session, channel, feed, quiet } = path();
    session.may = false;
    feed(tone(40));
    quiet(60);
    expect(session.streaming).toHaveLength(0);
    expect(channel.calls).toHaveLength(0);
    expect(session.utterances).toHaveLength(1);
    expect(session.utterances[0]).toMatchObject({ streamed: false, speaking: false });
    expect(session.utterances[0].pcm.length).toBeGreaterThan(40 * AUDIO_FRAME_SAMPLES);
  });

  it('starts sending an utterance already under way once the session allows it, from its beginning', () => {
    const { session, channel, feed, quiet } = path();
    session.may = false;
    feed(tone(30));
    session.may = true;
    feed(tone(30));
    expect(session.streaming).toHaveLength(1);
    quiet(60);
    const [utterance] = session.utterances;
    expect(utterance.streamed).toBe(true);
    expect(channel.audioOf(session.streaming[0].liveKey)).toEqual(utterance.pcm);
  });

  it('says the speaker goes on when an utterance is cut at its maximum length, and sends the next one too', () => {
    const { session, channel, feed, quiet } = path();
    feed(tone(600)); // 12 s without a pause: longer than the 10 s maximum
    expect(session.utterances).toHaveLength(1);
    expect(session.utterances[0]).toMatchObject({ streamed: true, speaking: true });
    expect(channel.calls.find((c) => c.op === 'end')).toMatchObject({ cut: true });
    quiet(60);
    expect(session.utterances).toHaveLength(2);
    expect(session.utterances[1]).toMatchObject({ speaking: false });
    expect(session.streaming).toHaveLength(2);
    for (const [i, live] of session.streaming.entries())
      expect(channel.audioOf(live.liveKey)).toEqual(session.utterances[i].pcm);
  });

  it('"I’m done" ends the utterance at once', () => {
    const { session, stream, feed } = path();
    feed(tone(40));
    stream.flush();
    expect(session.utterances).toHaveLength(1);
    expect(session.utterances[0]).toMatchObject({ streamed: true, speaking: false });
  });

  it('closing the path mid-utterance ends what the worker reads where its audio ends', async () => {
    const { session, channel, stream, feed } = path();
    feed(tone(40));
    const { liveKey } = session.streaming[0];
    const sent = channel.audioOf(liveKey).length;
    await stream.close();
    expect(channel.calls.at(-1)).toMatchObject({ op: 'end', key: liveKey, total: sent });
    expect(session.utterances).toHaveLength(0);
  });
});
