import { AUDIO_FRAME_MS, AUDIO_FRAME_SAMPLES, type InterviewSnapshot, type LiveTranscriptSegment, type Prompt, type SocketError } from '@mockroom/contracts';
import { concatPcm, createTestDatabase, ForgetfulRedis, LiveClient, silence, speak, TestBrowser, TestDatabase, uniqueEmail } from '@mockroom/server-testing';
import { Client } from 'pg';
import { eventually } from './support/eventually';
import { RunningProduct, startProduct, tempDir } from './support/product';

/**
 * The product as `npm start` runs it, on a Redis that restarts in the middle of an answer and comes back empty (no
 * persistence): the answer completes with each sentence transcribed once, and the recording is as long as what was
 * said, to the frame (up to the interview's end).
 */
const TRAILING_SILENCE_MS = 1500;

describe('Redis restarting mid-answer', () => {
  let db: TestDatabase;
  let redis: ForgetfulRedis;
  let product: RunningProduct;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_redis_restart');
    redis = await ForgetfulRedis.create();
    product = await startProduct({ DATABASE_URL: db.url, REDIS_URL: redis.url, MOCKROOM_DATA_DIR: tempDir('redis-restart') });
  }, 90_000);

  afterAll(async () => {
    await product?.stop();
    await redis?.stop();
    await db?.drop();
  });

  it('completes the answer with its transcript and an exact recording', async () => {
    const browser = new TestBrowser(product.url);
    await browser.signUp(uniqueEmail('redis-restart'));
    const created = await browser.post('/api/interviews', { questionIds: ['authentication-sessions-end-to-end'], answerSilenceMs: 30_000, maxFollowUps: 0, voice: 'browser' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const live = new LiveClient(product.url, browser.cookieHeader());
    await live.connect();
    try {
      expect('error' in (await live.emitAck<InterviewSnapshot | { error: SocketError }>('interview:join', id))).toBe(false);
      await live.emitAck('interview:start');
      await live.waitFor('prompt');
      await live.emitAck('audio:start', { streamId: 'redis-stream', sampleRate: 16_000 });

      const first = concatPcm(silence(300), speak('The server hashes the password with a strong algorithm like bcrypt.'), silence(1200));
      const second = concatPcm(speak('Then it creates a session and sets an HTTP only cookie on the response.'), silence(TRAILING_SILENCE_MS));
      let seq = await live.streamPcm(first, { speed: 2 });
      const firstSegment = (await live.waitFor('transcript:segment', undefined, 60_000)) as LiveTranscriptSegment;

      await redis.restart();

      seq = await live.streamPcm(second, { fromSeq: seq, speed: 2 });
      const secondSegment = (await live.waitFor('transcript:segment', (s) => s.seq !== firstSegment.seq, 90_000)) as LiveTranscriptSegment;
      expect(secondSegment.text).toMatch(/session|cookie|response/);
      expect(await live.emitAck('answer:done')).toEqual({ ok: true });
      await live.waitFor('prompt', (p: Prompt) => p.kind === 'closing', 120_000);

      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const rows = (await client.query(`SELECT text FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate' ORDER BY seq`, [id])).rows;
        expect(rows).toHaveLength(2);
        // The recording's length is stored as the interview finishes, a moment after its closing prompt.
        const recordings = (await eventually(() => client.query(`SELECT duration_ms FROM recordings WHERE interview_id = $1 AND speaker = 'candidate'`, [id]), (result) => expect(result.rows.length > 0 && result.rows.every((r) => r.duration_ms > 0)).toBe(true), 30_000)).rows;
        expect(recordings).toHaveLength(1);
        // Every frame is recorded once, up to the end of the interview: the finished answer may end it (and its
        // recording) during the trailing silence, before the last silent frames arrive; those are refused.
        const missingMs = seq * AUDIO_FRAME_MS - recordings[0].duration_ms;
        expect(missingMs).toBeGreaterThanOrEqual(0);
        expect(missingMs).toBeLessThanOrEqual(TRAILING_SILENCE_MS);
        if (missingMs > 0) expect(new Set(live.all('error').map((e) => e.code))).toEqual(new Set(['session-ended']));
        expect(seq).toBe(Math.ceil(first.length / AUDIO_FRAME_SAMPLES) + Math.ceil(second.length / AUDIO_FRAME_SAMPLES));
      } finally {
        await client.end();
      }
      // The review opens: the scoring that followed the restart went through.
      expect((await browser.get(`/api/interviews/${id}/review`)).status).toBe(200);
    } finally {
      live.close();
    }
  }, 240_000);
});
