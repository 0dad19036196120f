import { JobName, type Prompt } from '@mockroom/contracts';
import * as Y from 'yjs';
import { InterviewRuntime } from './interview-runtime';
import { AUDIO_FRAME_SAMPLES } from '@mockroom/contracts';
import { GO_ON_WINDOW_MS } from './interview-runtime';
import { fakeInterview, fakeSessionDeps, tone } from './runtime-fakes';

/**
 * The AI interviewer's policy on its own, over the live core, with typed fakes for its storage, queue and live channel
 * (runtime-fakes.ts): no database, no Redis, no worker. The scoring job never answers here, so the interviewer decides
 * from its quick in-process reading, as it does when the worker is slow.
 */

const QUESTIONS = ['authentication-sessions-end-to-end', 'rest-vs-graphql'];
const STRONG =
  'The user posts their email and password over HTTPS. The server hashes passwords with bcrypt and compares the hash. ' +
  'It creates a random session token, keeps the session in Redis with an expiry, and sets it in an HTTP only, secure ' +
  'cookie. Middleware verifies the session on every request and refreshes it; logout deletes it from the store.';

async function started(plan: Parameters<typeof fakeInterview>[2] = {}) {
  const deps = fakeSessionDeps();
  // Scores come from the quick reading once the decision budget has passed: keep that short here.
  deps.config.interviews.decisionBudgetMs = 50;
  const entity = fakeInterview('ai', QUESTIONS, plan);
  const runtime = await InterviewRuntime.load(deps, entity);
  const turn = await runtime.start();
  const prompts = () => deps.emitted.room.filter((e) => e.event === 'prompt').map((e) => e.args[0] as Prompt);
  return { deps, entity, runtime, turn, prompts };
}

/** Waits (a few ms at a time) until `check` holds; the session's chain runs in the background. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error(`never happened: ${what}`);
}

describe('the AI interviewer over the live core', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((dispose) => dispose()));

  it('opens with a greeting and the plan, asks the first question, and has it voiced', async () => {
    const { deps, entity, turn, prompts } = await started();
    cleanups.push(deps.dispose);
    expect(turn).toMatchObject({ phase: 'prompting', questionIndex: 0 });
    expect(deps.interviews.interviews.get(entity.id)?.status).toBe('live');
    const [first] = prompts();
    expect(first).toMatchObject({ kind: 'question', questionIndex: 0 });
    expect(first.lead).toMatch(/two questions/i);
    expect(deps.interviews.prompts).toHaveLength(1);
    expect(deps.queue.added.map((j) => j.name)).toContain(JobName.SynthesizePrompt);
  });

  it('takes a typed answer, stores it with the answer, and moves on after it', async () => {
    const { deps, runtime, prompts } = await started();
    cleanups.push(deps.dispose);
    const [first] = prompts();
    runtime.promptPlayed(first.seq);
    expect(runtime.turn.phase).toBe('listening');
    const segment = await runtime.typedAnswer(STRONG);
    expect(segment).toMatchObject({ speaker: 'candidate', engine: 'typed', text: STRONG });
    expect(deps.interviews.segments.map((s) => s.text)).toEqual([STRONG]);
    await until(() => prompts().length === 2, 'the next prompt');
    const [answer] = deps.interviews.answers;
    expect(answer).toMatchObject({ status: 'closed', questionIndex: 0 });
    expect(answer.ending).toMatchObject({ by: 'typed' });
    // Scored in the background; the next prompt is a follow-up on this question or the next question.
    expect(deps.queue.added.map((j) => j.name)).toContain(JobName.AssessAnswer);
    const next = prompts()[1];
    expect(next.kind === 'follow-up' ? next.questionIndex : next.questionIndex - 1).toBe(0);
  });

  it('hears a request for the question again as a request, not an answer', async () => {
    const { deps, runtime, prompts } = await started();
    cleanups.push(deps.dispose);
    runtime.promptPlayed(prompts()[0].seq);
    await runtime.typedAnswer('Sorry, could you repeat the question?');
    await until(() => prompts().length === 2, 'the question again');
    expect(prompts()[1]).toMatchObject({ kind: 'repeat', questionIndex: 0 });
    expect(deps.interviews.answers[0]).toMatchObject({ status: 'request', intent: 'repeat' });
    expect(deps.queue.added.map((j) => j.name)).not.toContain(JobName.AssessAnswer);
  });

  it('refuses an answer before the interview starts', async () => {
    const deps = fakeSessionDeps();
    cleanups.push(deps.dispose);
    const runtime = await InterviewRuntime.load(deps, fakeInterview('ai', QUESTIONS));
    await expect(runtime.typedAnswer('hello')).rejects.toMatchObject({ code: 'not-started' });
  });

  it('does not start an interview a newer owner holds, and lets go of one it loses', async () => {
    const deps = fakeSessionDeps();
    cleanups.push(deps.dispose);
    let lost = 0;
    deps.lease.lost = () => void lost++;
    // Another process wrote this interview under a newer lease: this one's start is refused.
    const held = fakeInterview('ai', QUESTIONS);
    deps.interviews.interviews.set(held.id, { status: 'created', turn: null, token: 7 });
    const refused = await InterviewRuntime.load(deps, held);
    expect(await refused.start()).toMatchObject({ phase: 'prompting', currentPromptSeq: null });
    expect(deps.interviews.interviews.get(held.id)?.status).toBe('created');
    expect(deps.emitted.room.filter((e) => e.event === 'prompt')).toHaveLength(0);
    // Started here, then taken over: the next save of the turn is refused and the host is told.
    const { deps: mine, entity, runtime, prompts } = await started();
    cleanups.push(mine.dispose);
    mine.lease.lost = () => void lost++;
    runtime.promptPlayed(prompts()[0].seq);
    mine.interviews.interviews.get(entity.id)!.token = 9;
    await runtime.typedAnswer(STRONG);
    await until(() => lost > 0, 'the lease reported lost');
    // The stored turn is still the one this owner wrote before it lost the interview.
    expect(mine.interviews.interviews.get(entity.id)!.turn).toMatchObject({ questionIndex: 0, phase: 'prompting' });
  });

  it('asks about the failing example of a coding question, and keeps the editor for the review', async () => {
    const deps = fakeSessionDeps();
    cleanups.push(deps.dispose);
    deps.config.interviews.decisionBudgetMs = 50;
    const entity = fakeInterview('ai', ['parse-http-query-string'], { maxFollowUps: 2 });
    const runtime = await InterviewRuntime.load(deps, entity);
    await runtime.start();
    const prompts = () => deps.emitted.room.filter((e) => e.event === 'prompt').map((e) => e.args[0] as Prompt);
    runtime.promptPlayed(prompts()[0].seq);
    const code = 'function parseQuery(q) {\n  return Object.fromEntries(q.split("&").map((t) => t.split("=")));\n}\n';
    // The candidate's browser loads the editor's document and types into its copy.
    const opened = await runtime.codeState('parse-http-query-string');
    const browser = new Y.Doc();
    Y.applyUpdate(browser, opened.update as Uint8Array);
    const edits: Uint8Array[] = [];
    browser.on('update', (update: Uint8Array) => edits.push(update));
    browser.getText('code').insert(0, code);
    browser.getMap('meta').set('language', 'javascript');
    let atMs = 0;
    for (const update of edits)
      atMs = (await runtime.codeSync({ questionId: 'parse-http-query-string', epoch: opened.epoch, update })).atMs;
    expect(runtime.editors.current('parse-http-query-string')).toMatchObject({ code, language: 'javascript' });
    // Kept for the review once the typing pauses.
    await until(() => deps.code.snapshots.length === 1, 'the code kept');
    expect(deps.code.snapshots).toEqual([
      { interviewId: entity.id, questionId: 'parse-http-query-string', language: 'javascript', code, atMs },
    ]);
    // A question of another interview, or without an editor, is refused.
    await expect(runtime.codeState('streaming-median-two-heaps')).rejects.toMatchObject({ code: 'bad-request' });
    await expect(runtime.codeState('rest-vs-graphql')).rejects.toMatchObject({ code: 'bad-request' });
    deps.code.runs.push({
      id: 'run-1',
      interviewId: entity.id,
      questionId: 'parse-http-query-string',
      status: 'done',
      kind: 'run',
      verdict: 'ok',
      language: 'javascript',
      code,
      passed: 1,
      total: 3,
      tests: [
        { name: 'repeated keys', hidden: false, passed: false },
        { name: 'URL encoding and plus signs', hidden: false, passed: false },
        { name: 'empty values', hidden: false, passed: true },
      ],
    } as unknown as (typeof deps.code.runs)[number]);
    await runtime.typedAnswer('I split on ampersands and then on equals signs and build an object from the pairs.');
    await until(() => prompts().length === 2, 'the follow-up');
    expect(prompts()[1]).toMatchObject({
      kind: 'follow-up',
      text: 'Your last run failed the example “repeated keys”. What does your code do with that input?',
    });
  });

  describe('an answer taken as ended too early', () => {
    const FIRST = 'I would keep the session in Redis with an expiry, and send its id in an HTTP only secure cookie.';
    const MORE = 'Passwords are hashed with bcrypt, and logout deletes the session from the store.';

    /** Speech to the endpointer (a tone) and its transcripts in order, with the worker's storing of each. */
    async function speaking(texts: string[]) {
      // No follow-ups: the next prompt is the next question.
      const ctx = await started({ maxFollowUps: 0 });
      let closed = false;
      cleanups.push(ctx.deps.dispose, () => void (closed = true));
      const said = [...texts];
      ctx.deps.queue.on(JobName.TranscribeSegment, async (payload) => {
        // A live utterance is read to its end, as the worker does: its audio ends when the candidate stops.
        let endMs = payload.endMs;
        if (payload.liveKey) {
          const ended = () => ctx.deps.liveAudio.calls.find((c) => c.op === 'end' && c.key === payload.liveKey);
          for (let i = 0; i < 2000 && !ended() && !closed; i++) await new Promise((resolve) => setTimeout(resolve, 5));
          if (!ended()) throw new Error('the live utterance never ended');
          const end = ended() as { total: number };
          endMs = payload.startMs + Math.round(end.total / 16);
        }
        const text = said.shift() ?? '';
        await ctx.deps.interviews.upsertSegment({
          interviewId: payload.interviewId,
          seq: payload.seq,
          speaker: 'candidate',
          answerId: payload.answerId,
          questionId: payload.questionId,
          startMs: payload.startMs,
          endMs,
          text,
          engine: 'test',
        });
        return {
          seq: payload.seq,
          speaker: 'candidate' as const,
          text,
          startMs: payload.startMs,
          endMs,
          questionId: payload.questionId,
          answerId: payload.answerId,
          engine: 'test',
        };
      });
      // The engine reads the bank once, on first use: not while the audio runs.
      await ctx.deps.quickAssessment.assess({ question: ctx.deps.bank.get(QUESTIONS[0])!, transcript: FIRST });
      ctx.runtime.promptPlayed(ctx.prompts()[0].seq);
      await ctx.runtime.startStream('mic', 'candidate');
      let seq = 0;
      /** Pushes 20 ms frames (of `pcm`'s length), yielding between them so the session's chain can run. */
      const push = async (pcm: Int16Array) => {
        for (let at = 0; at < pcm.length; at += AUDIO_FRAME_SAMPLES) {
          ctx.runtime.pushFrame('mic', 'candidate', seq++, pcm.subarray(at, at + AUDIO_FRAME_SAMPLES));
          // A little of the wall clock per frame: the session's chain keeps up with the audio, as it does live.
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      };
      const silence = (frames: number) => push(new Int16Array(frames * AUDIO_FRAME_SAMPLES));
      /** Silence, a frame at a time, until `check` holds (at most `frames`). */
      const silentUntil = async (check: () => boolean, frames: number, what: string) => {
        for (let i = 0; i < frames && !check(); i++) await silence(1);
        if (!check())
          throw new Error(
            `never happened: ${what} ${JSON.stringify(ctx.deps.emitted.room.map((e) => [e.event, e.args[0]]))}`,
          );
      };
      const withdrawn = () => ctx.deps.emitted.room.filter((e) => e.event === 'prompt:withdrawn').map((e) => e.args[0]);
      return { ...ctx, push, silence, silentUntil, withdrawn };
    }

    it('takes the next prompt back when the candidate goes on, and keeps one answer with all of it', async () => {
      const { deps, runtime, prompts, push, silentUntil, withdrawn } = await speaking([FIRST, MORE]);
      await push(tone(100));
      // A finished sentence, and a question after it to go to: the pause is answered within about a second.
      await silentUntil(() => prompts().length === 2, 150, 'the next prompt');
      const next = prompts()[1];
      expect(next).toMatchObject({ kind: 'question', questionIndex: 1 });
      const [answer] = deps.interviews.answers;
      expect(answer.ending).toMatchObject({ by: 'silence' });
      expect(answer.ending!.silenceMs).toBeLessThanOrEqual(1200);
      // The candidate goes on while the question begins.
      await push(tone(60));
      expect(withdrawn()).toEqual([{ seq: next.seq, answerId: answer.id }]);
      expect(runtime.turn).toMatchObject({ phase: 'listening', questionIndex: 0, answerId: answer.id });
      expect(deps.interviews.prompts.map((p) => p.seq)).not.toContain(next.seq);
      expect(deps.interviews.answers).toHaveLength(1);
      expect(deps.interviews.answers[0]).toMatchObject({ status: 'open', ending: null });
      // Their words go with that answer, which ends again at its next pause, and waits past the breath it learnt.
      await silentUntil(() => prompts().length === 3, 300, 'the question again');
      const [again] = deps.interviews.answers.filter((a) => a.questionIndex === 0);
      expect(again).toMatchObject({ id: answer.id, status: 'closed' });
      expect(again.ending).toMatchObject({ by: 'silence', wentOn: 1 });
      expect(again.ending!.reasons.join(' ')).toMatch(/went on after/);
      expect(deps.interviews.segments.filter((s) => s.answerId === answer.id).map((s) => s.text)).toEqual([
        FIRST,
        MORE,
      ]);
      expect(prompts()[2]).toMatchObject({ kind: 'question', questionIndex: 1 });
      // Its earlier close was scored under its own job id: the later close gets a fresh one.
      const assessIds = deps.queue.added.filter((j) => j.name === JobName.AssessAnswer).map((j) => j.jobId);
      expect(new Set(assessIds).size).toBe(assessIds.length);
    });

    it('does not take the prompt back for a short sound, nor for speech after the window', async () => {
      const { deps, prompts, push, silence, silentUntil, withdrawn } = await speaking([FIRST, 'okay', MORE]);
      await push(tone(100));
      await silentUntil(() => prompts().length === 2, 150, 'the next prompt');
      // An "okay" (0.3 s) while the question begins.
      await push(tone(15));
      await silence(30);
      expect(withdrawn()).toEqual([]);
      // Speech well after the window answers the new question.
      await silence(Math.ceil(GO_ON_WINDOW_MS / 20));
      await push(tone(80));
      await silence(5);
      expect(withdrawn()).toEqual([]);
      expect(deps.interviews.answers.filter((a) => a.questionIndex === 0)).toHaveLength(1);
      expect(deps.interviews.answers[0]).toMatchObject({ status: 'closed' });
    });
  });
});
