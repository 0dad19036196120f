import { JobName, type Prompt } from '@mockroom/contracts';
import * as Y from 'yjs';
import { InterviewRuntime } from './interview-runtime';
import { fakeInterview, fakeSessionDeps } from './runtime-fakes';

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

async function started() {
  const deps = fakeSessionDeps();
  // Scores come from the quick reading once the decision budget has passed: keep that short here.
  deps.config.interviews.decisionBudgetMs = 50;
  const entity = fakeInterview('ai', QUESTIONS);
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
});
