import {
  AUDIO_FRAME_MS,
  AUDIO_FRAME_SAMPLES,
  JOB_QUEUE,
  JobName,
  type AudioStreamAccepted,
  type InterviewSnapshot,
  type LiveTranscriptSegment,
  type Prompt,
  type SocketError,
} from '@mockroom/contracts';
import {
  concatPcm,
  createTestDatabase,
  LiveClient,
  silence,
  speak,
  TEST_REDIS_URL,
  TestBrowser,
  TestDatabase,
  uniqueEmail,
  uniqueRedisPrefix,
} from '@mockroom/server-testing';
import { Queue } from 'bullmq';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { eventually } from './support/eventually';
import {
  blindResendFrom,
  candidateRecordings,
  expectLikeUndisturbed,
  FAULT_PRODUCT_ENV,
  type FaultRun,
  takeFaultAnswer,
} from './support/fault-answer';
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
    product = await startProduct({
      DATABASE_URL: db.url,
      MOCKROOM_DATA_DIR: dataDir,
      MOCKROOM_QUEUE_PREFIX: prefix,
      STT_POOL_SIZE: '1',
      ...FAULT_PRODUCT_ENV,
    });
  });

  afterAll(async () => {
    await product?.stop();
    await db?.drop();
  });

  let baseline: FaultRun;

  it('takes the answer undisturbed first: three segments, about 70 words, a recording exact to the frame', async () => {
    baseline = await takeFaultAnswer(product.url, db.url, 'baseline');
    expect(baseline.segments).toHaveLength(3);
    expect(baseline.words).toBeGreaterThanOrEqual(55);
    expect(baseline.recordingMs).toBe(baseline.spokenMs);
    expect(baseline.errors).toEqual([]);
  }, 240_000);

  it('restarts a killed worker; the answer it was transcribing completes as if nothing had happened', async () => {
    const queue = new Queue(JOB_QUEUE[JobName.TranscribeSegment], { connection: { url: TEST_REDIS_URL }, prefix });
    let worker: number | null = null;
    try {
      const run = await takeFaultAnswer(product.url, db.url, 'worker-kill', {
        afterMs: 1500,
        concurrent: true,
        // Killed while it holds the second sentence's transcription, as an out-of-memory kill would.
        strike: async () => {
          await eventually(
            () => queue.getActive(),
            (jobs) => expect(jobs.length).toBeGreaterThan(0),
            30_000,
          );
          worker = childPid(product, 'worker');
          expect(worker).not.toBeNull();
          process.kill(worker!, 'SIGKILL');
        },
      });
      // The launcher says what happened and starts it again; the interview carried on to its end.
      expect(product.output()).toMatch(/The worker stopped unexpectedly \(SIGKILL\); starting it again in 1 s\./);
      expect(product.output()).toMatch(/The worker is running again \(pid \d+\)\./);
      expect(childPid(product, 'worker')).not.toBe(worker);
      expectLikeUndisturbed(run, baseline);
    } finally {
      await queue.close();
    }
  }, 240_000);

  it('takes up the audio of an answer the killed API was recording: the browser resends its last ten seconds, each frame is recorded once, where it was spoken', async () => {
    const run = await takeFaultAnswer(product.url, db.url, 'api-kill', {
      afterMs: 2000,
      concurrent: false,
      strike: async ({ live, sentFrames, reconnect }) => {
        const api = childPid(product, 'api');
        process.kill(api!, 'SIGKILL');
        live.close();
        await eventually(
          async () => (await fetch(`${product.url}/api/health`).catch(() => null))?.status ?? 0,
          (status) => expect(status).toBe(200),
          60_000,
        );
        const back = await reconnect();
        // The new API knows where the recording got to: past the first sentence, not past what was sent.
        expect(back.nextSeq).toBeGreaterThan(Math.floor(sentFrames / 2));
        expect(back.nextSeq).toBeLessThanOrEqual(sentFrames);
        // The browser resends all it kept, whatever the server says: what it already has is dropped.
        return { live: back.live, resendFrom: blindResendFrom(sentFrames) };
      },
    });
    expectLikeUndisturbed(run, baseline);
  }, 240_000);

  it('takes up a human session after the API is killed while the candidate speaks: their resent audio is recorded once', async () => {
    const lead = new TestBrowser(product.url);
    await lead.signUp(uniqueEmail('restart-lead'), 'correct horse battery', 'Rhea Restart', 'interviewer');
    const cand = new TestBrowser(product.url);
    await cand.signUp(uniqueEmail('restart-cand'));
    const session = (await lead.post('/api/sessions', { questionIds: ['authentication-sessions-end-to-end'] }))
      .body as { interview: { id: string }; invitePath: string };
    const id = session.interview.id;
    expect((await cand.post(`/api/invitations/${session.invitePath.split('/').pop()}/accept`)).status).toBeLessThan(
      300,
    );
    const join = async (browser: TestBrowser) => {
      const live = new LiveClient(product.url, browser.cookieHeader());
      await live.connect();
      const joined = await live.emitAck<InterviewSnapshot | { error: SocketError }>('interview:join', id);
      if ('error' in joined) throw new Error(joined.error.message);
      return live;
    };
    let leadLive = await join(lead);
    let candLive = await join(cand);
    await leadLive.emitAck('interview:start');
    await leadLive.emitAck('console:show', { kind: 'question', questionIndex: 0 });
    await candLive.waitFor('prompt');
    expect(
      await candLive.emitAck<AudioStreamAccepted>('audio:start', { streamId: 'human-resumed', sampleRate: 16_000 }),
    ).toEqual({ streamId: 'human-resumed', nextSeq: 0 });

    const first = concatPcm(
      silence(300),
      speak('The server hashes the password with a strong algorithm like bcrypt.'),
      silence(900),
    );
    const second = speak('Then it creates a session and sets an HTTP only cookie on the response.');
    const speech = concatPcm(first, second, silence(1500));
    const frames = (samples: number) => Math.ceil(samples / AUDIO_FRAME_SAMPLES);
    const killAt = frames(first.length + second.length / 2);
    try {
      await candLive.streamPcm(speech, { speed: 1.2, stopAfterFrames: killAt });
      await leadLive.waitFor('transcript:segment', (seg: LiveTranscriptSegment) => seg.speaker === 'candidate', 60_000);
      process.kill(childPid(product, 'api')!, 'SIGKILL');
      leadLive.close();
      candLive.close();
      await eventually(
        async () => (await fetch(`${product.url}/api/health`).catch(() => null))?.status ?? 0,
        (status) => expect(status).toBe(200),
        60_000,
      );

      // Both come back; the candidate's page resends its last ten seconds whatever the server has.
      leadLive = await join(lead);
      candLive = await join(cand);
      const resumed = await candLive.emitAck<AudioStreamAccepted>('audio:start', {
        streamId: 'human-resumed',
        sampleRate: 16_000,
      });
      expect(resumed.nextSeq).toBeGreaterThan(frames(first.length) / 2);
      expect(resumed.nextSeq).toBeLessThanOrEqual(killAt);
      const from = Math.max(0, killAt - 500);
      await candLive.streamPcm(speech.subarray(from * AUDIO_FRAME_SAMPLES), { fromSeq: from, speed: 1.2 });
      await eventually(
        async () => (await lead.get(`/api/interviews/${id}`)).body as InterviewSnapshot,
        (snapshot) =>
          expect(
            snapshot.transcript.filter((t) => t.speaker === 'candidate' && /session|cookie|response/.test(t.text))
              .length,
          ).toBeGreaterThan(0),
        60_000,
      );
      await leadLive.emitAck('interview:end');
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const rows = (
          await client.query(
            `SELECT text FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate' ORDER BY seq`,
            [id],
          )
        ).rows.map((r) => r.text as string);
        // Each sentence heard once: nothing of the first again after the restart.
        expect(rows).toHaveLength(2);
        expect(rows[1]).not.toMatch(/password|bcrypt/);
        const recordings = await candidateRecordings(client, id);
        // One recording, every frame once.
        expect(recordings.map((r) => r.duration_ms)).toEqual([frames(speech.length) * AUDIO_FRAME_MS]);
        expect(candLive.all('error')).toEqual([]);
      } finally {
        await client.end();
      }
    } finally {
      leadLive.close();
      candLive.close();
    }
  }, 240_000);

  it('restarts a killed API on the same address', async () => {
    const api = childPid(product, 'api');
    expect(api).not.toBeNull();
    process.kill(api!, 'SIGKILL');
    await eventually(
      async () => product.output(),
      (output) => expect(output).toMatch(/The API stopped unexpectedly \(SIGKILL\)/),
      10_000,
    );
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
    const created = await browser.post('/api/interviews', {
      role: 'backend',
      level: 'mid',
      questionCount: 10,
      maxFollowUps: 0,
      answerSilenceMs: 30_000,
      voice: 'browser',
    });
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
        const reply = await live.emitAck<AudioStreamAccepted | { error: SocketError }>('audio:start', {
          streamId: `flood-${streams++}`,
          sampleRate: 16_000,
        });
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
      expect(
        live
          .all('error')
          .map((e) => e.code)
          .filter(
            (code) => !['too-fast', 'too-many-streams', 'no-stream', 'recording-full', 'session-ended'].includes(code),
          ),
      ).toEqual([]);
      // New streams per minute are limited (30 by default).
      expect(accepted).toBeLessThanOrEqual(30);
      // One budget for all of the candidate's streams: the 12 s burst plus 1.25 × real time, however many streams.
      const capSeconds = 12 + 1.25 * seconds + 1;
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const paths = (await client.query(`SELECT path FROM recordings WHERE interview_id = $1`, [id])).rows.map(
          (r) => r.path as string,
        );
        const bytes = paths.reduce(
          (sum, path) => sum + (statSync(join(dataDir, 'media', path), { throwIfNoEntry: false })?.size ?? 0),
          0,
        );
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
