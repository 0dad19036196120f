/**
 * Several API processes: what relaying costs and how long a failover takes. Two API processes and a worker from the
 * build behind nginx (as the e2e test runs them), PostgreSQL and Redis.
 *  1. A frame's way through the owner, straight or relayed: a candidate streams audio in real time to the process
 *     that owns the interview, then (another interview) to the other one, which relays it. The owner acknowledges every
 *     25th frame (`audio:ack`); the time from sending that frame to its ack, p50/p95, each way, and the difference: what
 *     relaying adds.
 *  2. Failover: a candidate speaks through the process that does not own the interview; the owner is killed (-9); the
 *     page reconnects as the web client does (a second after the server closes it), joins, resends its outbox and goes
 *     on speaking. The time from the kill to the first transcript segment at the client, per run.
 *
 *   node tools/scripts/run-ts.mjs apps/bench/src/cluster.bench.ts [--seconds 30] [--failovers 3]
 */
import {
  AUDIO_FRAME_MS,
  AUDIO_FRAME_SAMPLES,
  type InterviewSnapshot,
  type SocketError,
  type TranscriptSegment,
} from '@mockroom/contracts';
import {
  type ClusterProcess,
  concatPcm,
  createTestDatabase,
  LiveClient,
  silence,
  speak,
  startCluster,
  TEST_REDIS_URL,
  TestBrowser,
  uniqueEmail,
} from '@mockroom/server-testing';
import IORedis from 'ioredis';
import { performance } from 'node:perf_hooks';
import { argNumber, ms, summarize, table } from './support/stats';

type Ack<T> = T | { error: SocketError };
const OUTBOX_FRAMES = 10_000 / AUDIO_FRAME_MS;

const ANSWER =
  'I would keep the session in Redis with a time to live and send its identifier in an HTTP only cookie. ' +
  'Every request reads the cookie and looks the session up, and signing out deletes it. ' +
  'The password is hashed with bcrypt, and the login endpoint is rate limited per account and per address.';

function ok<T>(reply: Ack<T>): T {
  if (reply && typeof reply === 'object' && 'error' in reply)
    throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply as T;
}

async function main(): Promise<void> {
  const seconds = argNumber('seconds', 30);
  const failovers = argNumber('failovers', 3);
  const db = await createTestDatabase('bench_cluster');
  const cluster = await startCluster(db.url, { apis: 2, workers: 1 });
  const redis = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const speech = speak(ANSWER);
  try {
    const candidate = new TestBrowser(cluster.url);
    await candidate.signUp(uniqueEmail('bench-cluster'));
    const owner = async (interviewId: string): Promise<{ owner: ClusterProcess; other: ClusterProcess }> => {
      const held = await redis.get(`${cluster.redisPrefix}:lease:${interviewId}`);
      const api = held ? cluster.apiOf(held.slice(0, held.lastIndexOf(':'))) : undefined;
      if (!api) throw new Error(`nobody holds ${interviewId}`);
      return { owner: api, other: cluster.apis.find((a) => a !== api)! };
    };
    /** An interview owned by `first` (it joined there first), ready to listen. */
    const interview = async (first: ClusterProcess): Promise<string> => {
      const id = (
        await candidate.post('/api/interviews', {
          questionIds: ['authentication-sessions-end-to-end'],
          answerSilenceMs: 30_000,
          maxFollowUps: 0,
          voice: 'browser',
        })
      ).body.id as string;
      const live = new LiveClient(first.url!, candidate.cookieHeader());
      await live.connect();
      ok(await live.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
      ok(await live.emitAck('interview:start'));
      live.close();
      return id;
    };
    /** Streams in real time for `seconds`; the delay of each acknowledged frame. */
    const ackDelays = async (url: string, id: string): Promise<number[]> => {
      const live = new LiveClient(url, candidate.cookieHeader());
      await live.connect();
      ok(await live.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
      const stream = `bench-${id.slice(0, 8)}`;
      ok(await live.emitAck('audio:start', { streamId: stream, sampleRate: 16_000 }));
      const sentAt = new Map<number, number>();
      const delays: number[] = [];
      live.socket.on('audio:ack', ({ seq }: { seq: number }) => {
        const at = sentAt.get(seq);
        if (at !== undefined) delays.push(performance.now() - at);
      });
      const pcm = concatPcm(
        ...Array.from({ length: Math.ceil((seconds * 1000) / (speech.length / 16 + 500)) }, () =>
          concatPcm(speech, silence(500)),
        ),
      );
      const frames = Math.min(
        Math.floor((seconds * 1000) / AUDIO_FRAME_MS),
        Math.floor(pcm.length / AUDIO_FRAME_SAMPLES),
      );
      const started = performance.now();
      for (let seq = 0; seq < frames; seq++) {
        const frame = new Int16Array(pcm.subarray(seq * AUDIO_FRAME_SAMPLES, (seq + 1) * AUDIO_FRAME_SAMPLES));
        sentAt.set(seq, performance.now());
        live.socket.emit('audio:frame', seq, new Uint8Array(frame.buffer));
        const wait = started + (seq + 1) * AUDIO_FRAME_MS - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      }
      await new Promise((r) => setTimeout(r, 1000));
      await live.emitAck('interview:end');
      live.close();
      return delays;
    };

    console.log(`relaying: ${seconds} s of speech each way, in real time\n`);
    const directId = await interview(cluster.apis[0]);
    const direct = summarize(await ackDelays(cluster.apis[0].url!, directId));
    const relayedId = await interview(cluster.apis[0]);
    if ((await owner(relayedId)).owner !== cluster.apis[0])
      throw new Error('the interview is not owned where it was started');
    const relayed = summarize(await ackDelays(cluster.apis[1].url!, relayedId));
    console.log(
      table(
        ['frame → its ack at the client', 'frames', 'p50', 'p95', 'max'],
        [
          ['straight to the owner', String(direct.n), ms(direct.p50, 1), ms(direct.p95, 1), ms(direct.max, 1)],
          [
            'relayed by the other process',
            String(relayed.n),
            ms(relayed.p50, 1),
            ms(relayed.p95, 1),
            ms(relayed.max, 1),
          ],
          ['added by relaying', '', ms(relayed.p50 - direct.p50, 1), ms(relayed.p95 - direct.p95, 1), ''],
        ],
      ),
    );

    console.log(
      `\nfailover: the owner killed (-9) while the candidate speaks through the other process, ${failovers} runs\n`,
    );
    const times: number[] = [];
    for (let run = 0; run < failovers; run++) {
      const [first, second] = cluster.apis;
      const id = await interview(first);
      const stream = `failover-${run}-${id.slice(0, 8)}`;
      const pcm = concatPcm(speech, silence(800), speech, silence(800), speech, silence(2000));
      const total = Math.floor(pcm.length / AUDIO_FRAME_SAMPLES);
      let live = new LiveClient(second.url!, candidate.cookieHeader());
      await live.connect();
      ok(await live.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
      ok(await live.emitAck('audio:start', { streamId: stream, sampleRate: 16_000 }));
      let killedAt: number | null = null;
      let firstSegmentAfter: number | null = null;
      const watch = (client: LiveClient) =>
        client.socket.on('transcript:segment', (_segment: TranscriptSegment) => {
          if (killedAt !== null && firstSegmentAfter === null) firstSegmentAfter = performance.now();
        });
      watch(live);
      let reconnecting: Promise<void> | null = null;
      let resendFrom: number | null = null;
      const started = performance.now();
      for (let seq = 0; seq < total; seq++) {
        if (seq === Math.floor(6000 / AUDIO_FRAME_MS)) {
          // Six seconds in: the owner dies.
          const dead = (await owner(id)).owner;
          const exited = new Promise((r) => dead.child.once('exit', r));
          killedAt = performance.now();
          dead.child.kill('SIGKILL');
          await exited;
          // The relaying process closes the page's socket once the lease has lapsed; the page reconnects a second later.
          reconnecting = new Promise<void>((resolve) => {
            live.socket.once('disconnect', () => {
              setTimeout(() => {
                void (async () => {
                  const back = new LiveClient(cluster.url, candidate.cookieHeader());
                  await back.connect();
                  watch(back);
                  ok(await back.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
                  ok(await back.emitAck('audio:start', { streamId: stream, sampleRate: 16_000 }));
                  live = back;
                  resendFrom = Math.max(0, seq - OUTBOX_FRAMES);
                  resolve();
                })();
              }, 1000);
            });
          });
        }
        if (reconnecting && resendFrom === null) {
          // Offline: the page keeps its outbox and waits.
          await reconnecting;
          for (let again = resendFrom!; again < seq; again++)
            live.socket.emit(
              'audio:frame',
              again,
              new Uint8Array(
                new Int16Array(pcm.subarray(again * AUDIO_FRAME_SAMPLES, (again + 1) * AUDIO_FRAME_SAMPLES)).buffer,
              ),
            );
        }
        live.socket.emit(
          'audio:frame',
          seq,
          new Uint8Array(
            new Int16Array(pcm.subarray(seq * AUDIO_FRAME_SAMPLES, (seq + 1) * AUDIO_FRAME_SAMPLES)).buffer,
          ),
        );
        const wait = started + (seq + 1) * AUDIO_FRAME_MS - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      }
      for (let waited = 0; firstSegmentAfter === null && waited < 30_000; waited += 100)
        await new Promise((r) => setTimeout(r, 100));
      if (killedAt !== null && firstSegmentAfter !== null) times.push(firstSegmentAfter - killedAt);
      console.log(
        `  run ${run + 1}: ${firstSegmentAfter === null ? 'no segment within 30 s' : `first transcript segment ${ms(firstSegmentAfter - killedAt!)} after the kill`}`,
      );
      await live.emitAck('interview:end').catch(() => undefined);
      live.close();
      // The killed process comes back, as a supervisor would start it, for the next run.
      const dead = cluster.apis.find((a) => a.child.exitCode !== null || a.child.signalCode !== null);
      if (dead) await cluster.respawn(dead);
    }
    const failover = summarize(times);
    console.log(
      `\n${table(['owner killed → next transcript segment at the client', 'runs', 'p50', 'max'], [['', String(failover.n), ms(failover.p50), ms(failover.max)]])}`,
    );
  } finally {
    await redis.quit();
    await cluster.stop();
    await db.drop();
  }
}

main().catch((error: Error) => {
  console.error(`bench: ${error.stack ?? error.message}`);
  process.exit(1);
});
