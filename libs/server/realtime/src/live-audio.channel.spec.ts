import { loadConfig } from '@mockroom/server-config';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { LiveAudioAbandonedError, LiveAudioChannel, type LiveAudioEntry } from './live-audio.channel';

const config = loadConfig({
  DATABASE_URL: 'postgres://unused/db',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  MOCKROOM_QUEUE_PREFIX: `test-live-audio-${randomUUID().slice(0, 8)}`,
  MOCKROOM_SECRET: 'x'.repeat(40),
});

function pcm(length: number, value: number): Int16Array {
  return new Int16Array(length).fill(value);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('LiveAudioChannel (real Redis)', () => {
  let redis: IORedis;
  let channel: LiveAudioChannel;

  beforeAll(() => {
    redis = new IORedis(config.redis.url, { maxRetriesPerRequest: null });
    channel = new LiveAudioChannel(redis, config);
  });

  afterAll(async () => {
    await channel.onApplicationShutdown();
    await redis.quit();
  });

  it('delivers audio in order and the rest of it together with the end', async () => {
    const key = channel.newKey('interview-a');
    expect(channel.owns(key)).toBe(true);
    const received: LiveAudioEntry[] = [];
    const reading = (async () => {
      for await (const entry of channel.read(key, { pollMs: 10 })) received.push(entry);
    })();
    await channel.append(key, pcm(4800, 1), true);
    await channel.append(key, pcm(4800, 2));
    await channel.end(key, 12_000, false, pcm(2400, 3));
    await reading;
    const audio = received.filter((e): e is { audio: Int16Array } => 'audio' in e);
    expect(audio.map((e) => [e.audio.length, e.audio[0]])).toEqual([
      [4800, 1],
      [4800, 2],
      [2400, 3],
    ]);
    expect(received[received.length - 1]).toMatchObject({ end: 12_000, cut: false });
    // Read again from the start (a retried job hears the same audio).
    const again: LiveAudioEntry[] = [];
    for await (const entry of channel.read(key)) again.push(entry);
    expect(again).toHaveLength(4);
    await channel.remove(key);
    expect(await redis.exists(key)).toBe(0);
  });

  it('dates the end from its announcement, even while the reader is still busy with earlier audio', async () => {
    const key = channel.newKey('interview-b');
    let endedAt = 0;
    let sentAt = 0;
    const reading = (async () => {
      for await (const entry of channel.read(key, { pollMs: 10 })) {
        if ('audio' in entry)
          await sleep(400); // a decoder catching up
        else endedAt = entry.endedAt;
      }
    })();
    await channel.append(key, pcm(4800, 1), true);
    await sleep(50); // the reader has the audio and is busy with it
    sentAt = Date.now();
    await channel.end(key, 4800, true);
    await reading;
    const doneAt = Date.now();
    expect(endedAt).toBeGreaterThanOrEqual(sentAt);
    // Announced at once: well before the reader got round to reading it (~350 ms later).
    expect(endedAt).toBeLessThan(doneAt - 200);
  });

  it('gives up on an utterance whose sender went away', async () => {
    const key = channel.newKey('interview-c');
    await channel.append(key, pcm(320, 1), true);
    const read = async () => {
      for await (const _ of channel.read(key, { pollMs: 10, idleTimeoutMs: 100 })) void _;
    };
    await expect(read()).rejects.toThrow(/no audio arrived/);
  });

  it('settles what a previous owner left: an ended utterance is waited for, an open one abandoned at once', async () => {
    const interview = `interview-${randomUUID().slice(0, 8)}`;
    const ended = channel.newKey(interview);
    const open = channel.newKey(interview);
    await channel.append(ended, pcm(320, 1), true);
    await channel.end(ended, 320);
    await channel.append(open, pcm(320, 2), true);
    // The reader of the open utterance (a transcription job) would wait half a minute for audio that never comes.
    const reading = (async () => {
      for await (const _ of channel.read(open, { pollMs: 10 })) void _;
    })();
    // The ended one's job stores its segment and removes its list a moment later.
    setTimeout(() => void channel.remove(ended), 300);
    const started = Date.now();
    expect(await channel.settle(interview, 5000)).toEqual({ ended: 1, abandoned: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await expect(reading).rejects.toBeInstanceOf(LiveAudioAbandonedError);
    // Nothing left: settling again finds the open list already abandoned, and nothing to wait for.
    expect(await channel.settle(interview, 5000)).toEqual({ ended: 0, abandoned: 0 });
    await channel.remove(open);
  });
});
