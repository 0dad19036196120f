/**
 * When is an answer over? A labelled set, built here from the bank's sample answers (flite, kal16): each case is a
 * first part left open on purpose (a sentence ending "…and the second thing is", "…because", a trailing "um", or a
 * list of three announced with two given), a pause of 1–6 s at that labelled mid-thought point, the rest of the answer
 * (a true end) and silence. Each case is one AI interview of two questions (the case's answers the first: it is not the
 * last answer, whose end cannot be taken back), spoken in real time through the product's
 * socket as a browser would (API and worker processes, PocketSphinx). The same cases run twice: with the interviewer's
 * reading of the pause (TURN_END_RULE=meaning, the default) and with the plain silence rule (TURN_END_RULE=silence),
 * printed side by side:
 *  1. false cut-offs: the answer ended during the mid-thought pause, by pause length (and the pauses met by a nudge);
 *  2. response delay after the true end: end of the last word → the next prompt's text at the client;
 *  3. speech start → the first partial words at the client.
 * Then, once, sounds over the interviewer's voice while a question is read: backchannels ("mm-hmm", "okay") and
 * coughs (noise bursts) that must not take the turn, and real interruptions that must (the time to take it).
 *
 *   node tools/scripts/run-ts.mjs apps/bench/src/turn-taking.bench.ts [--cases 10] [--between 4] [--patience 5000] [--rules meaning,silence]
 */
import { AUDIO_FRAME_MS, AUDIO_SAMPLE_RATE, type Prompt, type TurnState } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { concatPcm, FliteTextToSpeech, wavToPcm16k } from '@mockroom/speech';
import { performance } from 'node:perf_hooks';
import { HttpSession, LiveSocket } from './support/candidate';
import { FramePacer, Microphone } from './support/microphone';
import { silence } from './support/speech';
import { startStack } from './support/stack';
import { argNumber, argValue, ms, seededRandom, summarize, table } from './support/stats';

const PAUSES_MS = [1000, 2000, 3000, 4000, 6000];
const KINDS = ['open phrase', 'conjunction', 'filler', 'unfinished list'] as const;
/**
 * Harder than the labelled open points: a pause after a finished sentence, with more of the answer to come. Nothing in
 * the words says "more"; only what the answer has covered, its length and the voice do. Reported apart.
 */
const BETWEEN = 'between sentences';
const BETWEEN_PAUSES_MS = [1000, 1500, 2000, 3000];
type Kind = (typeof KINDS)[number] | typeof BETWEEN;
/** Loud enough to be speech, for finding where flite's words begin and end. */
const SPEECH_LEVEL = 600;

interface Case {
  questionId: string;
  kind: Kind;
  pauseMs: number;
  pcm: Int16Array;
  /** Sample offsets in `pcm`: first word, the labelled pause's start (end of the first part's last word), the rest's start, the last word's end. */
  speechStart: number;
  pauseStart: number;
  restStart: number;
  lastWordEnd: number;
}

interface CaseResult {
  kind: Kind;
  pauseMs: number;
  cutOff: boolean;
  /** Prompts the interviewer began at a pause and took back when the candidate went on. */
  takenBack: number;
  nudged: boolean;
  delayMs: number | null;
  /** End of the last word → its transcript at the client (the part of the delay that is hearing, not deciding). */
  lastWordsMs: number | null;
  firstPartialMs: number | null;
  /** How the answer ended, as the review says it. */
  ending: string | null;
}

const tts = new FliteTextToSpeech({ voice: 'kal16' });
async function say(text: string): Promise<Int16Array> {
  return wavToPcm16k((await tts.synthesize(text)).wav);
}

function firstLoud(pcm: Int16Array): number {
  for (let i = 0; i < pcm.length; i++) if (Math.abs(pcm[i]) > SPEECH_LEVEL) return i;
  return 0;
}
function lastLoud(pcm: Int16Array): number {
  for (let i = pcm.length - 1; i >= 0; i--) if (Math.abs(pcm[i]) > SPEECH_LEVEL) return i + 1;
  return pcm.length;
}
/** Speech without flite's own leading and trailing silence, so the pauses are exactly what the case says. */
function trim(pcm: Int16Array): Int16Array {
  return pcm.subarray(firstLoud(pcm), lastLoud(pcm));
}

function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 20 && s.length < 220);
}

/** The labelled set: cases rotate through the kinds of open first part and the pause lengths. */
async function buildCases(count: number, between: number): Promise<Case[]> {
  const bank = QuestionBank.load();
  const random = seededRandom(11);
  const cases: Case[] = [];
  for (const summary of bank.list({ limit: 200 }).items) {
    if (cases.length >= count + between) break;
    const question = bank.get(summary.id);
    const sentences = question?.sampleAnswer ? sentencesOf(question.sampleAnswer) : [];
    if (sentences.length < 3) continue;
    // Every kind meets every pause length over 20 cases (4 kinds × 5 pauses, coprime).
    const extra = cases.length - count;
    const kind: Kind = extra >= 0 ? BETWEEN : KINDS[cases.length % KINDS.length];
    const pauseMs =
      extra >= 0 ? BETWEEN_PAUSES_MS[extra % BETWEEN_PAUSES_MS.length] : PAUSES_MS[cases.length % PAUSES_MS.length];
    const bare = (s: string) => s.replace(/[.!?]+$/, '');
    let first: string;
    let rest: string;
    switch (kind) {
      case 'open phrase':
        first = `${bare(sentences[0])}, and the second thing is`;
        rest = sentences[1];
        break;
      case 'conjunction':
        first = `${bare(sentences[0])} because`;
        rest = sentences[1];
        break;
      case 'filler':
        first = `${sentences[0]} And um`;
        rest = sentences[1];
        break;
      case BETWEEN:
        first = sentences[0];
        rest = `${sentences[1]} ${sentences[2]}`;
        break;
      case 'unfinished list':
        first = `There are three parts to it. First, ${sentences[0]} Second, ${sentences[1]}`;
        rest = `And third, ${sentences[2]}`;
        break;
    }
    const a = trim(await say(first));
    const b = trim(await say(rest));
    const lead = silence(400 + Math.round(random() * 300));
    const pcm = concatPcm([lead, a, silence(pauseMs), b, silence(15_000)]);
    cases.push({
      questionId: question!.id,
      kind,
      pauseMs,
      pcm,
      speechStart: lead.length,
      pauseStart: lead.length + a.length,
      restStart: lead.length + a.length + (pauseMs * AUDIO_SAMPLE_RATE) / 1000,
      lastWordEnd: lead.length + a.length + (pauseMs * AUDIO_SAMPLE_RATE) / 1000 + b.length,
    });
  }
  if (cases.length < count + between)
    throw new Error(`only ${cases.length} questions with three usable sample sentences`);
  return cases;
}

/** A prompt not taken back this long after it began stands (the candidate's window to go on, and then some). */
const STANDS_AFTER_MS = 4000;
/** The second question of each case's interview. */
const OTHER_QUESTION = 'authentication-sessions-end-to-end';

const frameOf = (sample: number) => Math.floor(sample / (AUDIO_SAMPLE_RATE / 1000) / AUDIO_FRAME_MS);

/** How the review says the case's answer ended ("ended after 2.5 s of silence: finished sentence, …"), once it opens. */
async function answerEnding(session: HttpSession, id: string): Promise<string | null> {
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      const review = await session.request<{ questions: { answers: { ending?: string | null }[] }[] }>(
        'GET',
        `/api/interviews/${id}/review`,
      );
      return review.questions[0]?.answers[0]?.ending ?? null;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return null;
}

/** One case: an interview of one question, the answer spoken in real time; what the client saw. */
async function runCase(
  baseUrl: string,
  session: HttpSession,
  pacer: FramePacer,
  c: Case,
  patienceMs: number,
): Promise<CaseResult> {
  // Two questions, the case's first: its answer is not the interview's last, as most answers are not (after the last
  // one the interview ends, so an end taken there cannot be taken back, and the interviewer waits longer).
  const id = await session.createInterview({
    questionIds: [c.questionId, c.questionId === OTHER_QUESTION ? 'rest-vs-graphql' : OTHER_QUESTION],
    maxFollowUps: 0,
    answerSilenceMs: patienceMs,
    voice: 'browser',
  });
  const live = new LiveSocket(baseUrl, session.cookieHeader());
  await live.connect();
  let firstPartialAt: number | null = null;
  let nudged = false;
  live.socket.on('transcript:partial', (p) => {
    if (firstPartialAt === null && p.speaker === 'candidate' && p.text.trim()) firstPartialAt = performance.now();
  });
  let lastSegmentAt: number | null = null;
  live.socket.on('transcript:segment', (s) => {
    if (s.speaker === 'candidate') lastSegmentAt = performance.now();
  });
  try {
    await live.join(id);
    const question = live.next('prompt');
    await live.start();
    const asked = (await question).payload;
    live.socket.emit('prompt:played', asked.seq);
    live.socket.on('prompt', (p: Prompt) => {
      if (p.kind === 'nudge' || p.kind === 'interjection') {
        if (p.kind === 'nudge') nudged = true;
        live.socket.emit('prompt:played', p.seq);
      }
    });
    await live.ack('audio:start', { streamId: `turns-${id.slice(0, 8)}`, sampleRate: AUDIO_SAMPLE_RATE });
    // The next prompt that stands: one taken back (the candidate went on) is counted, not measured.
    const begun: { seq: number; at: number }[] = [];
    const withdrawn = new Set<number>();
    live.socket.on('prompt', (p: Prompt) => {
      if (p.seq > asked.seq && p.kind !== 'nudge' && p.kind !== 'interjection')
        begun.push({ seq: p.seq, at: performance.now() });
    });
    live.socket.on('prompt:withdrawn', (w: { seq: number }) => withdrawn.add(w.seq));
    const mic = new Microphone(live.socket, performance.now(), 600);
    pacer.add(mic);
    void mic.play(c.pcm);
    const deadline = performance.now() + 120_000;
    let standing: { seq: number; at: number } | undefined;
    while (!standing && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      standing = begun.find((b) => !withdrawn.has(b.seq) && performance.now() - b.at > STANDS_AFTER_MS);
    }
    if (!standing) throw new Error(`case ${c.questionId}: no prompt followed the answer`);
    const { at } = standing;
    const lastWordsAt = lastSegmentAt;
    pacer.remove(mic);
    // The second question is not answered: the interview ends here, and its review says how the first answer ended.
    await live.ack('interview:end');
    const restSentAt = mic.sentAt[frameOf(c.restStart)];
    const cutOff = restSentAt === undefined || at < restSentAt;
    const endSentAt = mic.sentAt[frameOf(c.lastWordEnd)];
    const startSentAt = mic.sentAt[frameOf(c.speechStart)];
    return {
      ending: await answerEnding(session, id),
      kind: c.kind,
      pauseMs: c.pauseMs,
      cutOff,
      takenBack: withdrawn.size,
      nudged,
      delayMs: cutOff || endSentAt === undefined ? null : at - endSentAt,
      lastWordsMs: cutOff || endSentAt === undefined || lastWordsAt === null ? null : lastWordsAt - endSentAt,
      firstPartialMs: firstPartialAt === null || startSentAt === undefined ? null : firstPartialAt - startSentAt,
    };
  } finally {
    live.close();
  }
}

async function runRule(rule: 'meaning' | 'silence', cases: Case[], patienceMs: number): Promise<CaseResult[]> {
  const stack = await startStack({
    worker: true,
    env: { STT_ENGINE: 'pocketsphinx', TTS_ENGINE: 'flite', TURN_END_RULE: rule },
  });
  const pacer = new FramePacer();
  const results: CaseResult[] = [];
  try {
    const session = new HttpSession(stack.baseUrl);
    await session.signUp(`turns-${rule}`);
    // A first, unmeasured case warms the decoders up.
    await runCase(stack.baseUrl, session, pacer, cases[0], patienceMs);
    for (const [i, c] of cases.entries()) {
      const result = await runCase(stack.baseUrl, session, pacer, c, patienceMs);
      results.push(result);
      process.stderr.write(
        `  ${rule} ${i + 1}/${cases.length}: ${c.kind}, ${c.pauseMs / 1000} s pause → ${result.cutOff ? 'CUT OFF' : `answered ${ms(result.delayMs ?? NaN)} after the last word (its transcript after ${ms(result.lastWordsMs ?? NaN)})`}${result.nudged ? ' (nudged)' : ''}${result.takenBack ? ` (began ${result.takenBack}× and took it back)` : ''}; ${result.ending ?? 'no ending recorded'}\n`,
      );
    }
  } finally {
    pacer.stop();
    await stack.stop();
  }
  return results;
}

/** Sounds over the interviewer's voice: which ones took the turn, and how fast the real interruptions did. */
async function interruptions(): Promise<{ label: string; n: number; tookTurn: number; takeMs: number[] }[]> {
  const stack = await startStack({ worker: true, env: { STT_ENGINE: 'pocketsphinx', TTS_ENGINE: 'flite' } });
  const pacer = new FramePacer();
  const random = seededRandom(5);
  const noise = (msLong: number) => {
    const pcm = new Int16Array((msLong * AUDIO_SAMPLE_RATE) / 1000);
    for (let i = 0; i < pcm.length; i++)
      pcm[i] = Math.round((random() * 2 - 1) * 9000 * Math.sin((Math.PI * i) / pcm.length));
    return pcm;
  };
  const sounds: { label: string; make: () => Promise<Int16Array>; shouldTake: boolean }[] = [
    { label: 'backchannel "mm-hmm"', make: async () => trim(await say('mm hmm')), shouldTake: false },
    { label: 'backchannel "okay"', make: async () => trim(await say('okay')), shouldTake: false },
    {
      label: 'cough (noise burst)',
      make: async () => concatPcm([noise(180), silence(80), noise(140)]),
      shouldTake: false,
    },
    {
      label: 'real interruption',
      make: async () => trim(await say('Sorry, could you repeat the question please?')),
      shouldTake: true,
    },
  ];
  const rows: { label: string; n: number; tookTurn: number; takeMs: number[] }[] = [];
  try {
    const session = new HttpSession(stack.baseUrl);
    await session.signUp('turns-interrupt');
    const bank = QuestionBank.load();
    const questionIds = bank
      .list({ limit: 20 })
      .items.slice(0, 4)
      .map((q) => q.id);
    for (const sound of sounds) {
      const row = { label: sound.label, n: 0, tookTurn: 0, takeMs: [] as number[] };
      for (let round = 0; round < 4; round++) {
        const id = await session.createInterview({
          questionIds: [questionIds[round]],
          maxFollowUps: 0,
          voice: 'browser',
        });
        const live = new LiveSocket(stack.baseUrl, session.cookieHeader());
        await live.connect();
        try {
          await live.join(id);
          const question = live.next('prompt');
          await live.start();
          await question;
          await live.ack('audio:start', { streamId: `barge-${id.slice(0, 8)}`, sampleRate: AUDIO_SAMPLE_RATE });
          // The question is being read (prompt:played not sent): the sound comes over it.
          const took = live
            .next('interview:state', (s: TurnState) => s.phase === 'listening', 4000)
            .then(
              (r) => r.at,
              () => null,
            );
          const pcm = await sound.make();
          const heardAs: string[] = [];
          live.socket.on('transcript:partial', (p) => heardAs.push(p.text));
          const mic = new Microphone(live.socket, performance.now(), 600);
          pacer.add(mic);
          await mic.play(concatPcm([silence(300), pcm, silence(2500)]));
          pacer.remove(mic);
          const at = await took;
          process.stderr.write(
            `  ${sound.label} ${round + 1}: heard as ${JSON.stringify(heardAs)} → ${at === null ? 'kept the turn' : 'took it'}\n`,
          );
          row.n++;
          if (at !== null) {
            row.tookTurn++;
            const start = mic.sentAt[frameOf(AUDIO_SAMPLE_RATE * 0.3)];
            if (start !== undefined) row.takeMs.push(at - start);
          }
        } finally {
          live.close();
        }
      }
      rows.push(row);
    }
  } finally {
    pacer.stop();
    await stack.stop();
  }
  return rows;
}

function pct(n: number, of: number): string {
  return of ? `${((100 * n) / of).toFixed(0)} % (${n}/${of})` : '—';
}

async function main(): Promise<void> {
  const count = Math.max(KINDS.length, argNumber('cases', 10));
  const patienceMs = Math.max(1000, argNumber('patience', 5000));
  process.stderr.write(`building ${count} labelled cases with flite…\n`);
  const between = Math.max(0, argNumber('between', 4));
  const cases = await buildCases(count, between);
  const rules = argValue('rules', 'meaning,silence').split(',');
  const byRule = {
    meaning: rules.includes('meaning') ? await runRule('meaning', cases, patienceMs) : [],
    silence: rules.includes('silence') ? await runRule('silence', cases, patienceMs) : [],
  };
  const sounds = await interruptions();

  console.log(
    `\n${cases.length} cases (${[...KINDS, BETWEEN].join(', ')}), pauses ${PAUSES_MS.map((p) => p / 1000).join(', ')} s at the labelled mid-thought point; patience ${patienceMs / 1000} s; real time through the socket, PocketSphinx in the worker\n`,
  );
  const open = (r: CaseResult[]) => r.filter((x) => x.kind !== BETWEEN);
  const cutRows = [
    ...PAUSES_MS.map(
      (p) =>
        [`false cut-offs, ${p / 1000} s pauses`, (r: CaseResult[]) => open(r).filter((x) => x.pauseMs === p)] as const,
    ),
    ['false cut-offs, pauses up to 4 s', (r: CaseResult[]) => open(r).filter((x) => x.pauseMs <= 4000)] as const,
    ...BETWEEN_PAUSES_MS.map(
      (p) =>
        [
          `cut-offs between finished sentences, ${p / 1000} s`,
          (r: CaseResult[]) => r.filter((x) => x.kind === BETWEEN && x.pauseMs === p),
        ] as const,
    ),
  ].map(([label, pick]) => [
    label,
    ...(['meaning', 'silence'] as const).map((rule) =>
      pct(pick(byRule[rule]).filter((x) => x.cutOff).length, pick(byRule[rule]).length),
    ),
  ]);
  const delay = (rule: 'meaning' | 'silence') =>
    summarize(byRule[rule].flatMap((r) => (r.delayMs === null ? [] : [r.delayMs])));
  const heard = (rule: 'meaning' | 'silence') =>
    summarize(byRule[rule].flatMap((r) => (r.lastWordsMs === null ? [] : [r.lastWordsMs])));
  const partial = (rule: 'meaning' | 'silence') =>
    summarize(byRule[rule].flatMap((r) => (r.firstPartialMs === null ? [] : [r.firstPartialMs])));
  console.log(
    table(
      ['figure', 'reading the pause', 'fixed silence'],
      [
        ...cutRows,
        [
          'prompts begun at a pause and taken back (the candidate went on)',
          ...(['meaning', 'silence'] as const).map((rule) =>
            pct(byRule[rule].filter((x) => x.takenBack > 0).length, byRule[rule].length),
          ),
        ],
        [
          'answers that got a nudge',
          ...(['meaning', 'silence'] as const).map((rule) =>
            pct(byRule[rule].filter((x) => x.nudged).length, byRule[rule].length),
          ),
        ],
        [
          'true end → next prompt, p50 / p95',
          ...(['meaning', 'silence'] as const).map(
            (rule) => `${ms(delay(rule).p50)} / ${ms(delay(rule).p95)} (n ${delay(rule).n})`,
          ),
        ],
        [
          '  of which: last word → its transcript, p50 / p95',
          ...(['meaning', 'silence'] as const).map(
            (rule) => `${ms(heard(rule).p50)} / ${ms(heard(rule).p95)} (n ${heard(rule).n})`,
          ),
        ],
        [
          'speech start → first partial words, p50 / p95',
          ...(['meaning', 'silence'] as const).map(
            (rule) => `${ms(partial(rule).p50)} / ${ms(partial(rule).p95)} (n ${partial(rule).n})`,
          ),
        ],
      ],
    ),
  );
  console.log('\nsounds while the interviewer reads the question (4 each):\n');
  console.log(
    table(
      ['sound', 'took the turn', 'time to take it, p50 / max'],
      sounds.map((s) => [
        s.label,
        pct(s.tookTurn, s.n),
        s.takeMs.length ? `${ms(summarize(s.takeMs).p50)} / ${ms(Math.max(...s.takeMs))}` : '—',
      ]),
    ),
  );
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
