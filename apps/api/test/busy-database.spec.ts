import type { AudioStreamAccepted, InterviewSnapshot, Prompt, SocketError } from '@mockroom/contracts';
import { concatPcm, LiveClient, silence, speak } from '@mockroom/server-testing';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// The test takes the API's own pooled connections, which only the DataSource can hand out.
// eslint-disable-next-line no-restricted-imports
import { DataSource, QueryRunner } from 'typeorm';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * Under load the database pool can run dry. A candidate speaking at that moment must get a "busy" error event,
 * and the segment and the recording must be stored once the pool frees up: no crash, nothing lost or doubled.
 */
const POOL_SIZE = 2;
const SENTENCE = 'Authentication starts with the user submitting credentials over HTTPS.';

type Ack<T> = T | { error: SocketError };

describe('live interview with an exhausted database pool', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-busy-')),
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      DATABASE_CONNECT_TIMEOUT_MS: '300',
      DECISION_BUDGET_MS: '2000',
    });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  /** Takes every connection of the API's pool, so its next query waits and times out. */
  async function holdPool(): Promise<QueryRunner[]> {
    const dataSource = t.app.get(DataSource);
    const held: QueryRunner[] = [];
    for (let i = 0; i < POOL_SIZE; i++) {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      held.push(runner);
    }
    return held;
  }

  it('tells the candidate the server is busy, then stores the segment and the whole recording', async () => {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('busy'));
    const created = await browser.post('/api/interviews', {
      questionIds: ['authentication-sessions-end-to-end'],
      maxFollowUps: 0,
      answerSilenceMs: 2000,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const live = new LiveClient(t.baseUrl, browser.cookieHeader());
    await live.connect();
    const joined = await live.emitAck<Ack<InterviewSnapshot>>('interview:join', id);
    expect('error' in joined).toBe(false);
    await live.emitAck('interview:start');
    const question = (await live.waitFor('prompt')) as Prompt;
    const accepted = await live.emitAck<Ack<AudioStreamAccepted>>('audio:start', {
      streamId: 'stream-busy',
      sampleRate: 16_000,
    });
    expect('error' in accepted).toBe(false);
    live.socket.emit('prompt:played', question.seq);

    // The pool runs dry before the first frame: opening the recording and storing the segment both have to wait.
    const held = await holdPool();
    const speech = concatPcm(silence(300), speak(SENTENCE), silence(1200));
    let seq = await live.streamPcm(speech, { speed: 2 });
    const busy = (await live.waitFor('error', (e) => e.code === 'server-busy', 20_000)) as SocketError;
    expect(busy.message).toMatch(/busy/);
    expect(live.all('transcript:segment')).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await Promise.all(held.map((runner) => runner.release()));

    // The pool is back: the segment is transcribed, the answer ends on silence and the interview closes.
    const tailParts = [silence(3000)];
    seq = await live.streamPcm(tailParts[0], { speed: 2, fromSeq: seq });
    const segment = await live.waitFor('transcript:segment', (s) => s.speaker === 'candidate', 60_000);
    expect(segment.text.split(' ').length).toBeGreaterThan(3);
    // The microphone stays open, as a real one does, until the interviewer moves on (it may nudge first: the words
    // came late, and the pause is judged on them).
    const closed = () => live.all('prompt').some((p) => (p as Prompt).kind === 'closing');
    for (let heardMs = 0; !closed() && heardMs < 30_000; heardMs += 200) {
      tailParts.push(silence(200));
      seq = await live.streamPcm(tailParts.at(-1)!, { speed: 1, fromSeq: seq });
    }
    const tail = concatPcm(...tailParts);
    await live.waitFor('prompt', (p) => p.kind === 'closing', 60_000);
    await live.waitFor('interview:completed', () => true, 60_000);
    expect(live.all('error').filter((e) => e.code === 'segment-lost')).toHaveLength(0);

    const rows = (
      await db.query(`SELECT seq, text FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate'`, [
        id,
      ])
    ).rows;
    expect(rows).toHaveLength(1);
    const recording = (await db.query('SELECT path, duration_ms FROM recordings WHERE interview_id = $1', [id])).rows;
    expect(recording).toHaveLength(1);
    // Every frame the candidate sent while the pool was dry is in the recording, in order.
    const frames = Math.ceil(speech.length / 320) + Math.ceil(tail.length / 320);
    const stored = readFileSync(join(t.config.mediaDir, recording[0].path));
    const expected = Buffer.alloc(frames * 640);
    Buffer.from(speech.buffer, speech.byteOffset, speech.byteLength).copy(expected);
    Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength).copy(expected, Math.ceil(speech.length / 320) * 640);
    expect(stored.length).toBeGreaterThan(speech.length * 2);
    expect(stored.equals(expected.subarray(0, stored.length))).toBe(true);
    expect(recording[0].duration_ms).toBe(stored.length / 32);
    live.close();
  });
});
