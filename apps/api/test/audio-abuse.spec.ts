import type { AudioStreamAccepted, InterviewSnapshot, Prompt, SocketError } from '@mockroom/contracts';
import { AUDIO_FRAME_SAMPLES } from '@mockroom/contracts';
import { LiveClient } from '@mockroom/server-testing';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * A signed-in candidate attacking the live socket with the product's default audio limits: unbounded streams, a flood
 * of frames, sequence gaps that would become minutes of silence, a full disk. The API stays up, answers, and bounds
 * what it keeps; every refusal is an error event.
 */
type Ack<T> = T | { error: SocketError };

describe('audio abuse, with the default limits', () => {
  let t: TestApp;
  let mediaDir: string;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-abuse-'));
    mediaDir = join(dataDir, 'media');
    // The defaults a user runs with (the integration tests' faster-than-real-time allowance switched back off).
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: dataDir,
      AUDIO_MAX_RATE_PERCENT: '125',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  async function liveInterview() {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('abuse'));
    const created = await browser.post('/api/interviews', {
      questionIds: ['authentication-sessions-end-to-end'],
      voice: 'server',
      maxFollowUps: 0,
    });
    const live = new LiveClient(t.baseUrl, browser.cookieHeader());
    await live.connect();
    const joined = await live.emitAck<Ack<InterviewSnapshot>>('interview:join', created.body.id);
    if ('error' in joined) throw new Error(joined.error.message);
    await live.emitAck('interview:start');
    const prompt = (await live.waitFor('prompt')) as Prompt;
    return { browser, live, id: created.body.id as string, prompt };
  }

  async function healthy(): Promise<void> {
    const res = await fetch(`${t.baseUrl}/api/health`);
    expect(res.status).toBe(200);
  }

  function openFiles(): number {
    return readdirSync('/proc/self/fd').length;
  }

  function recordingBytes(id: string): number {
    const dir = join(mediaDir, id);
    if (!existsSync(dir)) return 0;
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pcm'))
      .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  }

  it('bounds audio streams: old ones close, a flood of new ones is refused with an error, no file handles pile up', async () => {
    const { live } = await liveInterview();
    const before = openFiles();
    const replies: Ack<AudioStreamAccepted>[] = [];
    for (let i = 0; i < 1000; i++) {
      replies.push(
        await live.emitAck<Ack<AudioStreamAccepted>>('audio:start', {
          streamId: `flood-${String(i).padStart(4, '0')}`,
          sampleRate: 16_000,
        }),
      );
      // Each stream gets one frame, so it would open its recording file.
      live.socket.emit('audio:frame', 0, new Uint8Array(640));
    }
    const refused = replies.filter((r) => 'error' in r);
    expect(replies.length - refused.length).toBe(30);
    expect(refused[0]).toMatchObject({ error: { code: 'too-many-streams', event: 'audio:start' } });
    await new Promise((r) => setTimeout(r, 1500));
    // At most four streams (and their files) stay open for the candidate.
    expect(openFiles() - before).toBeLessThan(15);
    await healthy();
    live.close();
  }, 60_000);

  it('takes frames at real time plus a burst, refuses the rest, and fills gaps only as far as real time allows', async () => {
    const { live, id } = await liveInterview();
    await live.emitAck('audio:start', { streamId: 'flood-frames', sampleRate: 16_000 });
    const started = Date.now();
    // Every frame claims 499 lost frames before it: 1000 frames in (640 KB) would be 2.8 hours of recording.
    for (let i = 0; i < 1000; i++) {
      live.socket.emit('audio:frame', i * 500, new Uint8Array(AUDIO_FRAME_SAMPLES * 2));
      if (i % 100 === 99) await new Promise((r) => setImmediate(r));
    }
    await live.waitFor('error', (e) => (e as SocketError).code === 'too-fast', 10_000);
    await healthy();
    const elapsedS = (Date.now() - started) / 1000;
    // What reached the disk (written a second at a time): the 12 s burst plus 1.25 × real time at most.
    await new Promise((r) => setTimeout(r, 1000));
    const seconds = recordingBytes(id) / 32_000;
    expect(seconds).toBeGreaterThan(5);
    expect(seconds).toBeLessThanOrEqual(12 + 1.25 * elapsedS + 1);
    live.close();
  }, 60_000);

  it("holds one candidate's streams to one budget: opening more streams brings no new burst", async () => {
    const { live, id } = await liveInterview();
    const started = Date.now();
    // Four streams (the most a participant may hold), each sent 30 s of frames as fast as the socket takes them.
    for (let n = 0; n < 4; n++) {
      await live.emitAck('audio:start', { streamId: `burst-${n}`, sampleRate: 16_000 });
      for (let seq = 0; seq < 1500; seq++) {
        live.socket.emit('audio:frame', seq, new Uint8Array(AUDIO_FRAME_SAMPLES * 2));
        if (seq % 100 === 99) await new Promise((r) => setImmediate(r));
      }
    }
    await live.waitFor('error', (e) => (e as SocketError).code === 'too-fast', 10_000);
    await healthy();
    const elapsedS = (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 1500));
    // All four together: the 12 s burst plus 1.25 × real time, not four bursts.
    const seconds = recordingBytes(id) / 32_000;
    expect(seconds).toBeGreaterThan(5);
    expect(seconds).toBeLessThanOrEqual(12 + 1.25 * elapsedS + 1);
    live.close();
  }, 60_000);

  it('reports a disk that refuses the recording and carries on', async () => {
    const { live, id } = await liveInterview();
    // The recording's file is a device that is always full.
    const dir = join(mediaDir, id);
    mkdirSync(dir, { recursive: true });
    symlinkSync('/dev/full', join(dir, 'candidate-full-disk.pcm'));
    await live.emitAck('audio:start', { streamId: 'full-disk', sampleRate: 16_000 });
    await live.streamPcm(new Int16Array(16_000 * 3), { speed: 1 });
    const error = (await live.waitFor(
      'error',
      (e) => (e as SocketError).code === 'recording-failed',
      10_000,
    )) as SocketError;
    expect(error.message).toMatch(/could not be saved/);
    await healthy();
    // The interview still answers commands.
    expect(await live.emitAck('answer:done')).toEqual({ ok: true });
    live.close();
  }, 60_000);

  it('answers 404 for a missing prompt recording instead of exiting', async () => {
    const { browser, live, id, prompt } = await liveInterview();
    const audio = (await live.waitFor('prompt:audio', (a) => (a as { seq: number }).seq === prompt.seq, 30_000)) as {
      audioUrl: string;
    };
    rmSync(join(mediaDir, id), { recursive: true, force: true });
    const res = await browser.get(audio.audioUrl);
    expect(res.status).toBe(404);
    await healthy();
    live.close();
  }, 60_000);
});
