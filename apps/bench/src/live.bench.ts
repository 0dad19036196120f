/**
 * Live turn latency: one candidate answers aloud, in real time, through the whole product (API and worker processes
 * from dist/server, PostgreSQL, Redis, PocketSphinx and flite in the worker), and the client times what it sees.
 *
 *   node tools/scripts/run-ts.mjs apps/bench/src/live.bench.ts [--answers 20] [--done-after-ms 1000] [--silence-every 3]
 *
 * Answers are the bank's sample answers spoken by flite sentence by sentence with pauses (30–60 s each). Most end with
 * "I'm done" (`answer:done`) `--done-after-ms` after the last word; every `--silence-every`-th ends by the answer-silence
 * window instead. A first, unmeasured answer warms the decoders up. Prints, each with p50 and p95:
 *  - end of answer → the next prompt's text at the client ("I'm done" pressed; or the last speech frame + the silence window);
 *  - end of a segment (its last speech frame + the endpointer's segment pause, as the client's own copy of the endpointer
 *    sees it on the same frames) → its `transcript:segment` at the client;
 *  - the engine's decoding time per segment (`engineMs`) and the rest: the time of our own code;
 *  - speech start (the segment's first frame, pre-roll included, as the client sent it) → the segment's first partial
 *    words (`transcript:partial`) at the client.
 */
import { ANSWER_SILENCE_DEFAULT_MS, AUDIO_FRAME_MS, LiveTranscriptSegment, Prompt } from '@mockroom/contracts';
import { concatPcm } from '@mockroom/speech';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { HttpSession, LiveSocket } from './support/candidate';
import { machineCpuPercent, machineTicks, otherCpuPercent } from './support/machine';
import { FramePacer, LocalSegment, Microphone } from './support/microphone';
import { silence, SpokenAnswer, spokenAnswers } from './support/speech';
import { startStack } from './support/stack';
import { argNumber, mean, ms, summarize, Summary, table } from './support/stats';

/** The server's default segment pause (SEGMENT_SILENCE_MS); the client's endpointer copy must use the same. */
const SEGMENT_SILENCE_MS = 600;
const QUESTIONS_PER_INTERVIEW = 12;
/** Above this CPU use by other processes during an answer (% of one core), the machine was busy with something else. */
const QUIET_OTHER_CPU = 25;

interface TurnResult {
  /** Answers are numbered from 0, the warm-up. */
  answer: number;
  mode: 'done' | 'silence';
  /** CPU use by processes other than the benchmark's during the answer, % of one core. */
  otherCpu: number;
  /** End of answer → next prompt's text at the client. */
  promptMs: number;
  /** The later of the end of answer and the answer's last transcript at the client → next prompt's text: deciding, storing, asking. */
  afterTranscriptMs: number;
  /** End of answer → the next prompt's synthesised audio announced at the client (null if it did not come). */
  audioMs: number | null;
  nextKind: string;
}

interface SegmentResult {
  answer: number;
  flushed: boolean;
  latencyMs: number;
  engineMs: number | null;
  /** Start of the segment (its first frame, pre-roll included) sent → its first partial words at the client. */
  firstPartialMs: number | null;
}

interface Received<T> {
  payload: T;
  at: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Pairs the segments the client's endpointer cut with the transcripts that came back, in order. The server cuts the same
 * segments from the same frames; a pair must have the same duration (the server's offsets are shifted, not stretched).
 */
function pairSegments(
  local: (LocalSegment & { answer: number })[],
  received: Received<LiveTranscriptSegment>[],
  firstPartialAt: Map<number, number>,
  sentAt: readonly number[],
): { pairs: SegmentResult[]; unmatched: number } {
  const pairs: SegmentResult[] = [];
  const sorted = [...received].sort((a, b) => a.payload.seq - b.payload.seq);
  let next = 0;
  let unmatched = 0;
  for (const { payload, at } of sorted) {
    const duration = payload.endMs - payload.startMs;
    const found = local.slice(next, next + 4).findIndex((s) => Math.abs(s.endMs - s.startMs - duration) <= 1);
    if (found < 0) {
      unmatched++;
      continue;
    }
    const segment = local[next + found];
    next += found + 1;
    const partialAt = firstPartialAt.get(payload.seq);
    const startSent = sentAt[Math.floor(segment.startMs / AUDIO_FRAME_MS)];
    const firstPartialMs = partialAt === undefined || startSent === undefined ? null : partialAt - startSent;
    pairs.push({
      answer: segment.answer,
      flushed: segment.flushed,
      latencyMs: at - segment.at,
      engineMs: payload.engineMs ?? null,
      firstPartialMs,
    });
  }
  return { pairs, unmatched };
}

/** One interview: answers prompts until it closes or `budget` answers are given. */
async function interview(
  baseUrl: string,
  session: HttpSession,
  answers: SpokenAnswer[],
  budget: number,
  firstIndex: number,
  options: { doneAfterMs: number; silenceEvery: number; pacer: FramePacer },
) {
  const turns: TurnResult[] = [];
  const plan = answers.slice(0, QUESTIONS_PER_INTERVIEW);
  const id = await session.createInterview({
    questionIds: plan.map((a) => a.questionId),
    maxFollowUps: 1,
    answerSilenceMs: ANSWER_SILENCE_DEFAULT_MS,
    voice: 'server',
  });
  const live = new LiveSocket(baseUrl, session.cookieHeader());
  await live.connect();
  const segments: Received<LiveTranscriptSegment>[] = [];
  const audioAt = new Map<number, number>();
  live.socket.on('transcript:segment', (payload) => {
    if (payload.speaker === 'candidate') segments.push({ payload, at: performance.now() });
  });
  live.socket.on('prompt:audio', (audio) => audioAt.set(audio.seq, performance.now()));
  // Words while they are spoken: when each segment's first partial words arrived.
  const firstPartialAt = new Map<number, number>();
  live.socket.on('transcript:partial', (partial) => {
    if (partial.speaker === 'candidate' && partial.text.trim() && !firstPartialAt.has(partial.seq))
      firstPartialAt.set(partial.seq, performance.now());
  });
  await live.join(id);
  const first = live.next('prompt');
  await live.start();
  let prompt: Prompt = (await first).payload;
  await live.ack('audio:start', { streamId: `bench-${randomBytes(6).toString('hex')}`, sampleRate: 16_000 });
  const mic = new Microphone(live.socket, performance.now(), SEGMENT_SILENCE_MS);
  options.pacer.add(mic);
  const localSegments: (LocalSegment & { answer: number })[] = [];
  let rotation = 0;
  let given = 0;

  while (prompt.kind !== 'closing' && given < budget) {
    const index = firstIndex + given++;
    const warmUp = index === 0;
    const mode = !warmUp && index % options.silenceEvery === 0 ? 'silence' : 'done';
    const answer =
      (prompt.kind === 'question' && plan.find((a) => a.questionId === prompt.questionId)) ||
      plan[rotation++ % plan.length];
    const asked = prompt.seq;
    // An aside that brings an answer back to the question (the sample answers given to follow-ups are another
    // question's) leaves the answer open: the next turn is the prompt after the answer ends.
    const nextPrompt = live.next('prompt', (p) => p.seq > asked && p.kind !== 'interjection', 180_000);
    live.socket.emit('prompt:played', asked);
    const segmentsBefore = mic.segments.length;
    const ticks = machineTicks();
    await mic.play(concatPcm([silence(500), answer.pcm]));
    let endAt: number | null = null;
    if (mode === 'done') {
      // The candidate presses "I'm done" a moment after the last word (the microphone keeps sending silence).
      await mic.play(silence(options.doneAfterMs));
      endAt = performance.now();
      mic.flush(endAt);
      live.socket.emit('answer:done');
    }
    const { payload: next, at } = await nextPrompt;
    if (mode === 'silence') {
      // The server ends the answer on the frame that completes the silence window after the last word (the last
      // segment's speech end, without the endpointer's post-roll).
      const last = mic.segments.length > segmentsBefore ? mic.segments[mic.segments.length - 1] : null;
      endAt = last
        ? (mic.sentAt[Math.ceil((last.speechEndMs + ANSWER_SILENCE_DEFAULT_MS) / AUDIO_FRAME_MS) - 1] ?? null)
        : null;
    }
    for (const segment of mic.segments.slice(segmentsBefore)) localSegments.push({ ...segment, answer: index });
    const after = machineTicks();
    const otherCpu = otherCpuPercent(ticks, after);
    prompt = next;
    if (endAt === null) {
      process.stderr.write(
        `  answer ${index}: the next prompt (${next.kind}) came before the silence window had passed (or no segment was cut); not counted\n`,
      );
      continue;
    }
    // The prompt's audio follows its text; give it a few seconds.
    for (let waited = 0; !audioAt.has(next.seq) && waited < 10_000; waited += 50) await sleep(50);
    const audio = audioAt.get(next.seq);
    const lastTranscriptAt = Math.max(endAt, ...segments.filter((r) => r.at <= at).map((r) => r.at));
    turns.push({
      answer: index,
      mode,
      otherCpu,
      promptMs: at - endAt,
      afterTranscriptMs: at - lastTranscriptAt,
      audioMs: audio === undefined ? null : audio - endAt,
      nextKind: next.kind,
    });
    process.stderr.write(
      `  answer ${index}${warmUp ? ' (warm-up)' : ''}: ${(answer.durationMs / 1000).toFixed(0)} s, ended by ${mode === 'done' ? '"I\'m done"' : 'silence'} → ${next.kind} after ${(at - endAt).toFixed(0)} ms (CPU: machine ${machineCpuPercent(ticks, after).toFixed(0)} %, other processes ${otherCpu.toFixed(0)} %)\n`,
    );
  }
  options.pacer.remove(mic);
  if (prompt.kind !== 'closing') await live.ack('interview:end');
  // Transcripts of the last segments may still be on their way.
  for (let waited = 0; segments.length < localSegments.length && waited < 30_000; waited += 100) await sleep(100);
  live.close();
  return { turns, given, ...pairSegments(localSegments, segments, firstPartialAt, mic.sentAt) };
}

function row(label: string, s: Summary): string[] {
  return [label, String(s.n), ms(s.p50), ms(s.p95), ms(s.mean), ms(s.max)];
}

async function main(): Promise<void> {
  const measured = Math.max(1, argNumber('answers', 20));
  const doneAfterMs = Math.max(0, argNumber('done-after-ms', 1000));
  const silenceEvery = Math.max(2, argNumber('silence-every', 3));
  const total = measured + 1;

  process.stderr.write('speaking the sample answers with flite…\n');
  const answers = await spokenAnswers({
    count: Math.min(QUESTIONS_PER_INTERVIEW, total),
    minMs: 30_000,
    maxMs: 60_000,
    pauseMs: [250, 1250],
  });
  // The pipeline's latency is measured here, on answers ended by "I'm done" or by the plain silence window: the
  // interviewer's reading of pauses (which may take a long answer's breath as its end) has its own benchmark,
  // turn-taking.
  const stack = await startStack({
    worker: true,
    env: { STT_ENGINE: 'pocketsphinx', TTS_ENGINE: 'flite', TURN_END_RULE: 'silence' },
  });
  const pacer = new FramePacer();
  const turns: TurnResult[] = [];
  const segments: SegmentResult[] = [];
  let unmatched = 0;
  try {
    const session = new HttpSession(stack.baseUrl);
    await session.signUp('live');
    for (let given = 0; given < total;) {
      const result = await interview(stack.baseUrl, session, answers, total - given, given, {
        doneAfterMs,
        silenceEvery,
        pacer,
      });
      given += result.given;
      turns.push(...result.turns);
      segments.push(...result.pairs);
      unmatched += result.unmatched;
    }
  } finally {
    pacer.stop();
    await stack.stop();
  }

  const counted = turns.filter((t) => t.answer > 0);
  const audioSeconds = answers.reduce((s, a) => s + a.durationMs, 0) / answers.length / 1000;
  const modes = (list: TurnResult[]) =>
    `${list.filter((t) => t.mode === 'done').length} ended by "I'm done", ${list.filter((t) => t.mode === 'silence').length} by silence`;
  console.log(
    `one candidate, ${counted.length} answers measured after 1 warm-up (${modes(counted)}); "I'm done" ${doneAfterMs} ms after the last word, answer-silence window ${ANSWER_SILENCE_DEFAULT_MS} ms`,
  );
  console.log(
    `answers: ${answers.length} bank sample answers spoken by flite kal16, ${audioSeconds.toFixed(0)} s on average (30–60 s), 0.25–1.25 s pauses between sentences; frames of 20 ms sent in real time`,
  );
  console.log(
    `engines: PocketSphinx (worker, 2 decoders), flite prompt voice, rubric assessment; machine: ${cpus().length} cores, node ${process.version}`,
  );
  console.log(
    `other processes (PostgreSQL, Redis, anything else) used ${mean(counted.map((t) => t.otherCpu)).toFixed(0)} % of a core on average during the answers, at most ${Math.max(...counted.map((t) => t.otherCpu)).toFixed(0)} %\n`,
  );
  printFigures(counted, segments);
  const quiet = new Set(counted.filter((t) => t.otherCpu <= QUIET_OTHER_CPU).map((t) => t.answer));
  if (quiet.size < counted.length) {
    console.log(
      `\nthe ${quiet.size} answer${quiet.size === 1 ? '' : 's'} during which other processes used at most ${QUIET_OTHER_CPU} % of a core (${modes(counted.filter((t) => quiet.has(t.answer)))}):\n`,
    );
    printFigures(
      counted.filter((t) => quiet.has(t.answer)),
      segments.filter((s) => quiet.has(s.answer)),
    );
  }
  console.log(
    `\nend of segment = when the frame completing the ${SEGMENT_SILENCE_MS} ms pause after its last speech frame was sent; ${unmatched} transcript(s) not paired with a segment.`,
  );
  console.log(
    `next prompts: ${Object.entries(
      counted.reduce<Record<string, number>>((c, t) => ({ ...c, [t.nextKind]: (c[t.nextKind] ?? 0) + 1 }), {}),
    )
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}`,
  );
}

function printFigures(turns: TurnResult[], segments: SegmentResult[]): void {
  const done = turns.filter((t) => t.mode === 'done');
  const bySilence = turns.filter((t) => t.mode === 'silence');
  const measured = segments.filter((s) => s.answer > 0);
  const paused = measured.filter((s) => !s.flushed);
  const withEngine = paused.filter((s) => s.engineMs !== null);
  const flushed = measured.filter((s) => s.flushed);
  const rows = [
    row('"I\'m done" → next prompt text', summarize(done.map((t) => t.promptMs))),
    row('  of which after the last transcript', summarize(done.map((t) => t.afterTranscriptMs))),
    row('last speech + silence window → next prompt text', summarize(bySilence.map((t) => t.promptMs))),
    row(
      '"I\'m done" → next prompt audio ready',
      summarize(done.flatMap((t) => (t.audioMs === null ? [] : [t.audioMs]))),
    ),
    row('end of segment → transcript:segment', summarize(paused.map((s) => s.latencyMs))),
    row('  of which engine decoding (engineMs)', summarize(withEngine.map((s) => s.engineMs!))),
    row('  of which our code (latency − engineMs)', summarize(withEngine.map((s) => s.latencyMs - s.engineMs!))),
  ];
  if (flushed.length)
    rows.push(row('"I\'m done"-flushed segment → transcript', summarize(flushed.map((s) => s.latencyMs))));
  rows.push(
    row(
      'speech start → first partial words at the client',
      summarize(measured.flatMap((s) => (s.firstPartialMs === null ? [] : [s.firstPartialMs]))),
    ),
  );
  console.log(table(['figure', 'n', 'p50', 'p95', 'mean', 'max'], rows));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
