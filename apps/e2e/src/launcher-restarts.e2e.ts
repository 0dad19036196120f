import { AUDIO_FRAME_MS, AUDIO_FRAME_SAMPLES, JOB_QUEUE, JobName, type AudioStreamAccepted, type InterviewSnapshot, type LiveTranscriptSegment, type Prompt, type SocketError } from '@mockroom/contracts';
import { concatPcm, createTestDatabase, LiveClient, silence, speak, TEST_REDIS_URL, TestBrowser, TestDatabase, uniqueEmail, uniqueRedisPrefix } from '@mockroom/server-testing';
import { Queue } from 'bullmq';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { eventually } from './support/eventually';
import { childPid, RunningProduct, startProduct, tempDir } from './support/product';

/**
 * `npm start` keeps its processes running: a worker killed with SIGKILL in the middle of an answer (as the kernel's
 * OOM killer would) is started again by the launcher, the job it held is retried, and the answer completes with its
 * transcript; a killed API comes back on the same address.
 */
describe('the launcher restarts a process that dies', () => {
  let db: TestDatabase;
  let product: RunningProduct;
  const prefix = uniqueRedisPrefix('restart');
  const dataDir = tempDir('restart');

  beforeAll(async () => {
    db = await createTestDatabase('e2e_restart');
    product = await startProduct({ DATABASE_URL: db.url, MOCKROOM_DATA_DIR: dataDir, MOCKROOM_QUEUE_PREFIX: prefix, STT_POOL_SIZE: '1' });
  });

  afterAll(async () => {
    await product?.stop();
    await db?.drop();
  });

  it('restarts a killed worker; the answer it was transcribing completes', async () => {
    const browser = new TestBrowser(product.url);
    await browser.signUp(uniqueEmail('restart'));
    const created = await browser.post('/api/interviews', { questionIds: ['authentication-sessions-end-to-end'], answerSilenceMs: 3000, maxFollowUps: 0, voice: 'browser' });
    expect(created.status).toBe(201);
    const live = new LiveClient(product.url, browser.cookieHeader());
    await live.connect();
    const joined = await live.emitAck<InterviewSnapshot | { error: SocketError }>('interview:join', created.body.id);
    expect('error' in joined).toBe(false);
    await live.emitAck('interview:start');
    await live.waitFor('prompt');
    await live.emitAck('audio:start', { streamId: 'restart-stream', sampleRate: 16_000 });

    const queue = new Queue(JOB_QUEUE[JobName.TranscribeSegment], { connection: { url: TEST_REDIS_URL }, prefix });
    try {
      const speech = concatPcm(
        silence(300),
        speak('The server hashes the password with a strong algorithm like bcrypt.'),
        silence(900),
        speak('Then it creates a session and sets an HTTP only cookie.'),
        silence(4500),
      );
      const streaming = live.streamPcm(speech, { speed: 2 });

      // Kill the worker while it holds a transcription job, as an out-of-memory kill would.
      await eventually(() => queue.getActive(), (jobs) => expect(jobs.length).toBeGreaterThan(0), 30_000);
      const worker = childPid(product, 'worker');
      expect(worker).not.toBeNull();
      process.kill(worker!, 'SIGKILL');
      await streaming;

      // The launcher says what happened and starts it again; the interview carries on to its end.
      await eventually(async () => product.output(), (output) => expect(output).toMatch(/The worker stopped unexpectedly \(SIGKILL\); starting it again in 1 s\./), 10_000);
      await eventually(async () => product.output(), (output) => expect(output).toMatch(/The worker is running again \(pid \d+\)\./), 60_000);
      expect(childPid(product, 'worker')).not.toBe(worker);
      await live.waitFor('prompt', (p: Prompt) => p.kind === 'closing', 120_000);

      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const rows = (await client.query(`SELECT seq, text FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate' ORDER BY seq`, [created.body.id])).rows;
        expect(rows).toHaveLength(2);
        expect(rows.map((r) => r.text).join(' ')).toMatch(/password|session|cookie/);
        // The API recorded on while the worker was down: every frame, up to the interview's end (the answer ends on
        // the trailing silence, and silent frames after the end are refused).
        // The recording's length is stored as the interview finishes, a moment after its closing prompt.
        const recordings = (await eventually(() => client.query(`SELECT duration_ms FROM recordings WHERE interview_id = $1 AND speaker = 'candidate'`, [created.body.id]), (result) => expect(result.rows.length > 0 && result.rows.every((r) => r.duration_ms > 0)).toBe(true), 30_000)).rows;
        expect(recordings).toHaveLength(1);
        const missingMs = Math.ceil(speech.length / AUDIO_FRAME_SAMPLES) * AUDIO_FRAME_MS - recordings[0].duration_ms;
        expect(missingMs).toBeGreaterThanOrEqual(0);
        expect(missingMs).toBeLessThanOrEqual(4500);
        if (missingMs > 0) expect(new Set(live.all('error').map((e) => e.code))).toEqual(new Set(['session-ended']));
      } finally {
        await client.end();
      }
      const review = await browser.get(`/api/interviews/${created.body.id}/review`);
      expect(review.status).toBe(200);
    } finally {
      await queue.close();
      live.close();
    }
  }, 240_000);

  it('takes up the audio of an answer the killed API was recording: what the client resends is recorded once, where it was spoken', async () => {
    const browser = new TestBrowser(product.url);
    await browser.signUp(uniqueEmail('api-restart'));
    const created = await browser.post('/api/interviews', { questionIds: ['authentication-sessions-end-to-end'], answerSilenceMs: 30_000, maxFollowUps: 0, voice: 'browser' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const before = new LiveClient(product.url, browser.cookieHeader());
    await before.connect();
    expect('error' in (await before.emitAck<InterviewSnapshot | { error: SocketError }>('interview:join', id))).toBe(false);
    await before.emitAck('interview:start');
    await before.waitFor('prompt');
    expect(await before.emitAck<AudioStreamAccepted>('audio:start', { streamId: 'resumed-stream', sampleRate: 16_000 })).toEqual({ streamId: 'resumed-stream', nextSeq: 0 });

    const first = concatPcm(silence(300), speak('The server hashes the password with a strong algorithm like bcrypt.'), silence(1200));
    const second = speak('Then it creates a session and sets an HTTP only cookie on the response.');
    const speech = concatPcm(first, second, silence(1500));
    const frame = (samples: number) => Math.floor(samples / AUDIO_FRAME_SAMPLES);
    // The first sentence, then the API dies halfway through the second (the browser's last second is in flight).
    const killAt = frame(first.length + second.length / 2);
    await before.streamPcm(speech, { speed: 2, stopAfterFrames: killAt });
    const firstSegment = (await before.waitFor('transcript:segment', undefined, 60_000)) as LiveTranscriptSegment;
    const api = childPid(product, 'api');
    process.kill(api!, 'SIGKILL');
    before.close();
    await eventually(async () => (await fetch(`${product.url}/api/health`).catch(() => null))?.status ?? 0, (status) => expect(status).toBe(200), 60_000);

    // The browser comes back with the same stream: the server says where its recording got to, and the browser
    // resends from there (it keeps its last ten seconds).
    const after = new LiveClient(product.url, browser.cookieHeader());
    await after.connect();
    try {
      expect('error' in (await after.emitAck<InterviewSnapshot | { error: SocketError }>('interview:join', id))).toBe(false);
      const resumed = await after.emitAck<AudioStreamAccepted>('audio:start', { streamId: 'resumed-stream', sampleRate: 16_000 });
      expect(resumed.nextSeq).toBeGreaterThan(frame(first.length));
      expect(resumed.nextSeq).toBeLessThanOrEqual(killAt);
      await after.streamPcm(speech.subarray(resumed.nextSeq * AUDIO_FRAME_SAMPLES), { fromSeq: resumed.nextSeq, speed: 2 });
      const secondSegment = (await after.waitFor('transcript:segment', undefined, 60_000)) as LiveTranscriptSegment;
      expect(await after.emitAck('answer:done')).toEqual({ ok: true });
      await after.waitFor('prompt', (p: Prompt) => p.kind === 'closing', 120_000);

      // The second sentence is one segment, heard whole, where it was spoken on the interview's clock (not shifted by
      // the time the API was down), and nothing was heard twice.
      expect(secondSegment.seq).not.toBe(firstSegment.seq);
      expect(secondSegment.text).toMatch(/session|cookie|response/);
      expect(secondSegment.text).not.toMatch(/password|bcrypt/);
      // Frame 0 was at the same point of the clock for both: the sentences start as far apart as they were spoken.
      const spokenApartMs = first.length / 16 - 300;
      expect(Math.abs(secondSegment.startMs - firstSegment.startMs - spokenApartMs)).toBeLessThan(600);
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const rows = (await client.query(`SELECT seq, text, start_ms FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate' ORDER BY seq`, [id])).rows;
        expect(rows).toHaveLength(2);
        // The recording holds every frame once: as long as what was spoken.
        // The recording's length is stored as the interview finishes, a moment after its closing prompt.
        const recordings = (await eventually(() => client.query(`SELECT start_ms, duration_ms FROM recordings WHERE interview_id = $1 AND speaker = 'candidate'`, [id]), (result) => expect(result.rows.length > 0 && result.rows.every((r) => r.duration_ms > 0)).toBe(true), 30_000)).rows;
        expect(recordings).toHaveLength(1);
        // To the frame, up to the interview's end: a finished answer may end it during the trailing 1.5 s of silence,
        // and silent frames after that are refused.
        const missingMs = Math.ceil(speech.length / AUDIO_FRAME_SAMPLES) * AUDIO_FRAME_MS - recordings[0].duration_ms;
        expect(missingMs).toBeGreaterThanOrEqual(0);
        expect(missingMs).toBeLessThanOrEqual(1500);
        if (missingMs > 0) expect(new Set(after.all('error').map((e) => e.code))).toEqual(new Set(['session-ended']));
      } finally {
        await client.end();
      }
    } finally {
      after.close();
    }
  }, 240_000);

  it('restarts a killed API on the same address', async () => {
    const api = childPid(product, 'api');
    expect(api).not.toBeNull();
    process.kill(api!, 'SIGKILL');
    await eventually(async () => product.output(), (output) => expect(output).toMatch(/The API stopped unexpectedly \(SIGKILL\)/), 10_000);
    await eventually(
      async () => (await fetch(`${product.url}/api/health`).catch(() => null))?.status ?? 0,
      (status) => expect(status).toBe(200),
      60_000,
    );
    expect(product.output()).toMatch(/The API is running again/);
    // Accounts and sign-in still work through the new API process.
    const browser = new TestBrowser(product.url);
    expect((await browser.signUp(uniqueEmail('after-restart'))).status).toBe(201);
  }, 120_000);
  it('stays up under one candidate flooding it with streams and frames; its memory and the recording stay under their caps', async () => {
    const browser = new TestBrowser(product.url);
    await browser.signUp(uniqueEmail('flood'));
    // Long enough not to end while flooded (a flood is loud audio with gaps: answers may end on its silences).
    const created = await browser.post('/api/interviews', { role: 'backend', level: 'mid', questionCount: 10, maxFollowUps: 0, answerSilenceMs: 30_000, voice: 'browser' });
    const id = created.body.id as string;
    const live = new LiveClient(product.url, browser.cookieHeader());
    await live.connect();
    try {
      await live.emitAck('interview:join', id);
      await live.emitAck('interview:start');
      const api = childPid(product, 'api')!;
      const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api}/status`, 'utf8'))![1]) / 1024;
      const frame = new Uint8Array(new Int16Array(AUDIO_FRAME_SAMPLES).fill(3000).buffer);
      const floodMs = 15_000;
      const started = Date.now();
      let streams = 0;
      let accepted = 0;
      let rssMax = rssMb();
      while (Date.now() - started < floodMs && live.socket.connected) {
        const reply = await live.emitAck<AudioStreamAccepted | { error: SocketError }>('audio:start', { streamId: `flood-${streams++}`, sampleRate: 16_000 });
        if ('error' in reply) {
          if (reply.error.code === 'session-ended') break;
          expect(reply.error.code).toBe('too-many-streams');
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        accepted++;
        // As fast as the socket takes them, every tenth frame skipping ahead in the sequence.
        for (let i = 0, seq = 0; i < 2000; i++, seq += i % 10 === 0 ? 400 : 1) {
          live.socket.emit('audio:frame', seq, frame);
          if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
        }
        rssMax = Math.max(rssMax, rssMb());
      }
      const seconds = (Date.now() - started) / 1000;
      // Still up, on the same process, answering.
      expect(childPid(product, 'api')).toBe(api);
      expect((await fetch(`${product.url}/api/health`)).status).toBe(200);
      expect(live.all('error').map((e) => e.code).filter((code) => !['too-fast', 'too-many-streams', 'no-stream', 'recording-full', 'session-ended'].includes(code))).toEqual([]);
      // New streams per minute are limited (30 by default), and each may take real time × 1.25 plus a 12 s burst.
      expect(accepted).toBeLessThanOrEqual(30);
      const capSeconds = accepted * (12 + 1.25 * seconds);
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const paths = (await client.query(`SELECT path FROM recordings WHERE interview_id = $1`, [id])).rows.map((r) => r.path as string);
        const bytes = paths.reduce((sum, path) => sum + (statSync(join(dataDir, 'media', path), { throwIfNoEntry: false })?.size ?? 0), 0);
        expect(bytes / 32_000).toBeLessThanOrEqual(capSeconds);
      } finally {
        await client.end();
      }
      expect(rssMax).toBeLessThan(400);
    } finally {
      live.close();
    }
  }, 120_000);
});
