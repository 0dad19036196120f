import type {
  CodeDocView,
  CodeRunView,
  CodeSnapshot,
  CodingTaskView,
  InterviewSnapshot,
  Prompt,
  SocketError,
  TurnState,
} from '@mockroom/contracts';
import { CODING_TASKS } from '@mockroom/question-bank';
import { LiveClient } from '@mockroom/server-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * Coding rounds through the API as the web client drives them: the editor's task, runs of the candidate's code in the
 * sandbox (a real bubblewrap process, on the worker's code queue) with their results over the socket, the editor's
 * history, and who may do what.
 */
type Ack<T> = T | { error: SocketError };

const QUESTION = 'parse-http-query-string';
const reference = CODING_TASKS.get(QUESTION)!.reference;

describe('coding rounds', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-coding-')),
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  async function codingInterview(questionIds = [QUESTION]) {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('coder'));
    const created = await browser.post('/api/interviews', { voice: 'browser', questionIds, maxFollowUps: 0 });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const live = new LiveClient(t.baseUrl, browser.cookieHeader());
    await live.connect();
    const joined = await live.emitAck<Ack<InterviewSnapshot>>('interview:join', id);
    if ('error' in joined) throw new Error(joined.error.message);
    return { browser, live, id };
  }

  async function started(questionIds = [QUESTION]) {
    const session = await codingInterview(questionIds);
    await session.live.emitAck<Ack<TurnState>>('interview:start');
    await session.live.waitFor('prompt', (p: Prompt) => p.kind === 'question');
    return session;
  }

  /** Asks for a run and waits for its result on the socket. */
  async function run(
    s: { browser: TestBrowser; live: LiveClient; id: string },
    body: { language: string; code: string; kind?: 'run' | 'submit'; questionId?: string },
  ): Promise<CodeRunView> {
    const asked = await s.browser.post(`/api/interviews/${s.id}/code-runs`, {
      questionId: QUESTION,
      kind: 'run',
      ...body,
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'queued', tests: [] });
    return (await s.live.waitFor(
      'code:run',
      (r: CodeRunView) => r.id === asked.body.id && (r.status === 'done' || r.status === 'failed'),
      60_000,
    )) as CodeRunView;
  }

  it('shows the editor of a coding question without its hidden tests or solutions', async () => {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('reader'));
    const view = (await browser.get(`/api/questions/${QUESTION}/coding`)).body as CodingTaskView;
    expect(view).toMatchObject({ questionId: QUESTION, entry: 'parseQuery' });
    expect(view.languages).toEqual(['javascript', 'typescript', 'python']);
    expect(view.examples.length).toBeGreaterThan(0);
    expect(view.examples[0]).toEqual({
      name: 'repeated keys',
      input: '"foo=1&bar=2&foo=3"',
      expected: '{"foo":["1","3"],"bar":["2"]}',
    });
    expect(view.hiddenCount).toBeGreaterThan(0);
    const text = JSON.stringify(view);
    expect(text).not.toContain('decodeURIComponent'); // the reference solutions stay on the server
    expect(text).not.toContain('%zz'); // and so do the hidden tests
    expect((await browser.get('/api/questions/rest-vs-graphql/coding')).status).toBe(404);
    expect((await browser.get('/api/coding-questions')).body).toEqual({
      questionIds: [
        'crud-feature-schema-api-ui',
        'optimistic-ui-updates-rollback',
        'parse-http-query-string',
        'sliding-window-request-counts',
        'streaming-median-two-heaps',
      ],
    });
    expect((await browser.get('/api/questions/no-such-question/coding')).status).toBe(404);
    expect((await new TestBrowser(t.baseUrl).get(`/api/questions/${QUESTION}/coding`)).status).toBe(401);
  });

  it('runs the starter, then a working answer, then submits it against the hidden tests', async () => {
    const s = await started();
    const starter = await run(s, { language: 'javascript', code: CODING_TASKS.get(QUESTION)!.starter.javascript! });
    expect(starter).toMatchObject({ status: 'done', verdict: 'ok', kind: 'run', by: 'candidate', passed: 0 });
    expect(starter.total).toBe(3);
    expect(starter.tests[0]).toMatchObject({ passed: false, hidden: false, actual: '{}' });
    expect(starter.message).toBe('0 of 3 example tests passed.');

    const printing = `${reference.javascript}\nconsole.log('parsing', 42);\n`;
    const good = await run(s, { language: 'javascript', code: printing });
    expect(good).toMatchObject({ verdict: 'ok', passed: 3, total: 3, message: 'All 3 example tests passed.' });
    // What the program printed itself is shown; the harness's own lines are not.
    expect(good.stdout.trim()).toBe('parsing 42');

    const submitted = await run(s, { language: 'python', code: reference.python!, kind: 'submit' });
    expect(submitted.total).toBe(CODING_TASKS.get(QUESTION)!.tests.length);
    expect(submitted.passed).toBe(submitted.total);
    const hidden = submitted.tests.filter((x) => x.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    for (const test of hidden) {
      expect(test.input).toBeUndefined();
      expect(test.expected).toBeUndefined();
      expect(test.actual).toBeUndefined();
    }

    // The list keeps every run, in order, with the code that ran and its moment on the interview's clock.
    const listed = (await s.browser.get(`/api/interviews/${s.id}/code-runs`)).body as CodeRunView[];
    expect(listed.map((r) => r.id)).toEqual([starter.id, good.id, submitted.id]);
    expect(listed[1].code).toBe(printing);
    expect(listed[2].atMs).toBeGreaterThanOrEqual(listed[0].atMs);
    s.live.close();
  });

  it('reports compile errors, crashes and runaway programs, and keeps serving', async () => {
    const s = await started();
    const typo = await run(s, {
      language: 'typescript',
      code: 'function parseQuery(query: string) {\n  return {;\n}\n',
    });
    expect(typo).toMatchObject({ verdict: 'compile-error', passed: 0 });
    expect(typo.message).toMatch(/^Line 2, column \d+: /);
    expect(typo.tests.every((x) => x.skipped)).toBe(true);

    const crash = await run(s, { language: 'python', code: 'raise RuntimeError("no parser yet")\n' });
    expect(crash.verdict).toBe('runtime-error');
    expect(crash.message).toBe('The program stopped before the tests: RuntimeError: no parser yet');

    const throwing = await run(s, {
      language: 'javascript',
      code: 'function parseQuery(q) { throw new TypeError("bad " + q.length); }',
    });
    expect(throwing.verdict).toBe('ok');
    expect(throwing.tests[0]).toMatchObject({ passed: false, error: 'TypeError: bad 17' });

    const loop = await run(s, { language: 'javascript', code: 'function parseQuery(q) { for (;;) {} }' });
    expect(['timeout', 'cpu-limit']).toContain(loop.verdict);
    expect(loop.tests.every((x) => !x.passed)).toBe(true);
    expect(loop.tests[0].skipped).toBe(true);

    // Hostile programs through the whole path: refused by the sandbox, reported as results.
    const hostile: [string, string, (r: CodeRunView) => void][] = [
      [
        'python',
        'def parseQuery(q):\n    return open("/etc/passwd").read()\n',
        (r) => expect(r.tests[0].error).toMatch(/FileNotFoundError/),
      ],
      [
        'python',
        'import socket\ndef parseQuery(q):\n    socket.create_connection(("127.0.0.1", 5432), timeout=2)\n    return {}\n',
        (r) => expect(r.tests[0].error).toMatch(/(ConnectionRefusedError|OSError|unreachable)/i),
      ],
      [
        'python',
        'import os\ndef parseQuery(q):\n    while True:\n        os.fork()\n',
        (r) =>
          expect(r.tests[0].error ?? r.message).toMatch(/(BlockingIOError|Resource temporarily unavailable|stopped)/),
      ],
      [
        'javascript',
        'function parseQuery(q) { const hog = []; for (;;) hog.push(new Array(1e6).fill(7)); }',
        (r) => expect(r.verdict).toBe('memory-limit'),
      ],
    ];
    for (const [language, code, check] of hostile) {
      const result = await run(s, { language, code });
      expect(result.tests.every((x) => !x.passed)).toBe(true);
      check(result);
    }

    // The API is fine and the next run works.
    expect((await s.browser.get('/api/health')).status).toBe(200);
    const after = await run(s, { language: 'typescript', code: reference.typescript! });
    expect(after).toMatchObject({ verdict: 'ok', passed: 3, total: 3 });
    s.live.close();
  });

  it('refuses bad runs with a clear message and stores nothing', async () => {
    const s = await codingInterview([QUESTION, 'rest-vs-graphql']);
    const url = `/api/interviews/${s.id}/code-runs`;
    const code = reference.javascript!;
    // Not started yet.
    expect(
      await s.browser.post(url, { questionId: QUESTION, language: 'javascript', code, kind: 'run' }),
    ).toMatchObject({ status: 409 });
    await s.live.emitAck<Ack<TurnState>>('interview:start');
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ questionId: QUESTION, language: 'ruby', code, kind: 'run' }, 400, /language must be one of/],
      [{ questionId: QUESTION, language: 'javascript', code, kind: 'debug' }, 400, /kind must be/],
      [{ questionId: QUESTION, language: 'javascript', code: 42, kind: 'run' }, 400, /code must be/],
      [{ questionId: QUESTION, language: 'javascript', code: 'x'.repeat(64_001), kind: 'run' }, 400, /at most 64000/],
      [{ questionId: QUESTION, language: 'javascript', code: 'a\u0000b', kind: 'run' }, 400, /NUL/],
      [{ questionId: 'rest-vs-graphql', language: 'javascript', code, kind: 'run' }, 404, /no code editor/],
      [{ questionId: 'streaming-median-two-heaps', language: 'python', code, kind: 'run' }, 404, /no code editor/],
      [{ questionId: '../../etc', language: 'javascript', code, kind: 'run' }, 400, /questionId/],
    ];
    for (const [body, status, message] of cases) {
      const reply = await s.browser.post(url, body);
      expect({ body, status: reply.status }).toEqual({ body, status });
      expect(JSON.stringify(reply.body)).toMatch(message);
    }
    expect((await s.browser.get(url)).body).toEqual([]);

    // Someone else can neither run code in it nor read its runs.
    const other = new TestBrowser(t.baseUrl);
    await other.signUp(uniqueEmail('other'));
    expect((await other.post(url, { questionId: QUESTION, language: 'javascript', code, kind: 'run' })).status).toBe(
      403,
    );
    expect((await other.get(url)).status).toBe(403);
    expect((await other.get(`/api/interviews/${s.id}/code-snapshots`)).status).toBe(403);

    // One run at a time.
    const first = await s.browser.post(url, { questionId: QUESTION, language: 'javascript', code, kind: 'submit' });
    const second = await s.browser.post(url, { questionId: QUESTION, language: 'javascript', code, kind: 'run' });
    expect(first.status).toBe(202);
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/still going/);
    await s.live.waitFor('code:run', (r: CodeRunView) => r.id === first.body.id && r.status === 'done', 60_000);
    expect(((await s.browser.get(url)).body as CodeRunView[]).map((r) => r.id)).toEqual([first.body.id]);
    s.live.close();
  });

  it('shares the editor as a document, keeps its history on the server clock, and refuses what is not code of this interview', async () => {
    const s = await codingInterview([QUESTION, 'rest-vs-graphql']);
    // Before the interview runs the editor can be opened but not changed.
    const before = await s.live.emitAck<Ack<CodeDocView>>('code:state', QUESTION);
    if ('error' in before) throw new Error(before.error.message);
    const early = new Y.Doc();
    Y.applyUpdate(early, new Uint8Array(before.update as ArrayBuffer));
    const earlyEdits: Uint8Array[] = [];
    early.on('update', (u: Uint8Array) => earlyEdits.push(u));
    early.getText('code').insert(0, 'x');
    expect(
      await s.live.emitAck('code:sync', { questionId: QUESTION, epoch: before.epoch, update: earlyEdits[0] }),
    ).toMatchObject({ error: { code: 'not-live' } });
    await s.live.emitAck<Ack<TurnState>>('interview:start');

    const opened = await s.live.emitAck<Ack<CodeDocView>>('code:state', QUESTION);
    if ('error' in opened) throw new Error(opened.error.message);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(opened.update as ArrayBuffer));
    expect(doc.getText('code').toString()).toBe('');
    const edits: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => edits.push(u));
    const send = async () => {
      const update = Y.mergeUpdates(edits.splice(0));
      const ack = await s.live.emitAck<Ack<{ atMs: number }>>('code:sync', {
        questionId: QUESTION,
        epoch: opened.epoch,
        update,
      });
      if ('error' in ack) throw new Error(ack.error.message);
      return ack.atMs;
    };
    doc.transact(() => {
      doc.getMap('meta').set('language', 'python');
      doc.getText('code').insert(0, 'def parseQuery(q):\n    return {}\n');
    });
    const firstAt = await send();
    await new Promise((r) => setTimeout(r, 700)); // the typing pauses: the text is kept
    doc.getText('code').insert(doc.getText('code').length, '# more\n');
    const secondAt = await send();
    expect(secondAt).toBeGreaterThan(firstAt);

    // Bad edits are refused with a reason, and the document stays as it was.
    const refusals: [unknown, string][] = [
      [{ questionId: 'rest-vs-graphql', epoch: opened.epoch, update: new Uint8Array([0, 0]) }, 'bad-request'],
      [{ questionId: QUESTION, epoch: 'not-this-copy', update: new Uint8Array([0, 0]) }, 'stale-doc'],
      [{ questionId: QUESTION, epoch: opened.epoch, update: 'text, not bytes' }, 'bad-request'],
      ['not an object', 'bad-request'],
    ];
    for (const [payload, code] of refusals) {
      expect(await s.live.emitAck('code:sync', payload)).toMatchObject({ error: { code } });
    }
    expect(await s.live.emitAck('code:state', 'streaming-median-two-heaps')).toMatchObject({
      error: { code: 'bad-request' },
    });
    // Bytes that are not an edit: refused, and the editor is loaded again from the text it had (a new copy).
    expect(
      await s.live.emitAck('code:sync', {
        questionId: QUESTION,
        epoch: opened.epoch,
        update: new Uint8Array(64).fill(7),
      }),
    ).toMatchObject({ error: { code: 'malformed' } });
    const reloaded = await s.live.emitAck<Ack<CodeDocView>>('code:state', QUESTION);
    if ('error' in reloaded) throw new Error(reloaded.error.message);
    expect(reloaded.epoch).not.toBe(opened.epoch);
    const again = new Y.Doc();
    Y.applyUpdate(again, new Uint8Array(reloaded.update as ArrayBuffer));
    expect(again.getText('code').toString()).toBe('def parseQuery(q):\n    return {}\n# more\n');
    expect(reloaded.language).toBe('python');

    // Ending the interview keeps what was waiting; the history is the text at each pause, on the server's clock.
    await s.live.emitAck('interview:end');
    const history = (await s.browser.get(`/api/interviews/${s.id}/code-snapshots`)).body as CodeSnapshot[];
    expect(history).toEqual([
      { questionId: QUESTION, language: 'python', code: 'def parseQuery(q):\n    return {}\n', atMs: firstAt },
      { questionId: QUESTION, language: 'python', code: 'def parseQuery(q):\n    return {}\n# more\n', atMs: secondAt },
    ]);
    s.live.close();
  });
  it('weighs the tests into the answer’s correctness, and keeps a coding-only interview', async () => {
    const s = await started();
    const submitted = await run(s, { language: 'javascript', code: reference.javascript!, kind: 'submit' });
    expect(submitted.passed).toBe(submitted.total);
    const typed = await s.live.emitAck<Ack<unknown>>(
      'answer:text',
      'I split the query on ampersands, split each token on the first equals sign only, decode keys and values with ' +
        'decodeURIComponent after turning plus signs into spaces, and keep every value in a list per key.',
    );
    expect(typed).not.toHaveProperty('error');
    await s.live.emitAck('interview:end');
    const review = (await s.browser.get(`/api/interviews/${s.id}/review`)).body as {
      questions: { answers: { reasons: { correctness: string } | null }[] }[];
    };
    const reasons = review.questions[0].answers[0].reasons;
    expect(reasons?.correctness).toMatch(/^The code passed 11 of 11 tests \(hidden ones included\)\./);
    s.live.close();

    // Nothing said, only code written and run: the interview is kept (one with nothing at all is not).
    const silent = await started();
    await run(silent, { language: 'python', code: reference.python! });
    await silent.live.emitAck('interview:end');
    const kept = await silent.browser.get(`/api/interviews/${silent.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.interview.status).toBe('completed');
    silent.live.close();
  });
  it('lets a human interviewer watch the candidate type, run the code and point at a line', async () => {
    const interviewer = new TestBrowser(t.baseUrl);
    await interviewer.signUp(uniqueEmail('watcher'), 'correct horse battery', 'Wanda Watcher', 'interviewer');
    const candidate = new TestBrowser(t.baseUrl);
    await candidate.signUp(uniqueEmail('typist'));
    const session = (await interviewer.post('/api/sessions', { questionIds: [QUESTION] })).body as {
      interview: { id: string };
      invitePath: string;
    };
    const id = session.interview.id;
    expect((await candidate.post(`/api/invitations/${session.invitePath.split('/').pop()}/accept`)).status).toBe(201);
    const lead = new LiveClient(t.baseUrl, interviewer.cookieHeader());
    const cand = new LiveClient(t.baseUrl, candidate.cookieHeader());
    await lead.connect();
    await cand.connect();
    expect(await lead.emitAck('interview:join', id)).not.toHaveProperty('error');
    expect(await cand.emitAck('interview:join', id)).not.toHaveProperty('error');
    expect(await lead.emitAck('interview:start')).not.toHaveProperty('error');
    expect(await lead.emitAck('console:show', { kind: 'question', questionIndex: 0 })).not.toHaveProperty('error');

    // Both open the editor's document: the candidate to type, the interviewer to watch.
    const opened = (await cand.emitAck('code:state', QUESTION)) as CodeDocView;
    const watched = (await lead.emitAck('code:state', QUESTION)) as CodeDocView;
    expect(watched.epoch).toBe(opened.epoch);
    const typing = new Y.Doc();
    Y.applyUpdate(typing, new Uint8Array(opened.update as ArrayBuffer));
    const watching = new Y.Doc();
    Y.applyUpdate(watching, new Uint8Array(watched.update as ArrayBuffer));
    typing.on('update', (update: Uint8Array) => {
      void cand.emitAck('code:sync', { questionId: QUESTION, epoch: opened.epoch, update });
    });
    // Keystroke by keystroke.
    const code = reference.javascript!;
    for (const char of code.slice(0, 80)) typing.getText('code').insert(typing.getText('code').length, char);
    typing.getText('code').insert(typing.getText('code').length, code.slice(80));
    await lead.waitFor('code:sync', () => {
      // Each edit the console receives is applied as the browser would.
      for (const sync of lead.all('code:sync').splice(0))
        Y.applyUpdate(watching, new Uint8Array(sync.update as ArrayBuffer));
      return watching.getText('code').toString() === code;
    });
    // The candidate's own edits are not echoed back to them.
    expect(cand.all('code:sync')).toEqual([]);

    // The interviewer runs the code; everyone in the session sees the result.
    const asked = await interviewer.post(`/api/interviews/${id}/code-runs`, {
      questionId: QUESTION,
      language: 'javascript',
      code: watching.getText('code').toString(),
      kind: 'submit',
    });
    expect(asked.status).toBe(202);
    const done = (await cand.waitFor(
      'code:run',
      (r: CodeRunView) => r.id === asked.body.id && r.status === 'done',
      60_000,
    )) as CodeRunView;
    expect(done).toMatchObject({ by: 'interviewer', passed: done.total });

    // Pointing is the interviewer's; both see it.
    expect(await lead.emitAck('code:point', { questionId: QUESTION, line: 3 })).toEqual({
      questionId: QUESTION,
      line: 3,
    });
    expect(await cand.waitFor('code:point')).toEqual({ questionId: QUESTION, line: 3 });
    expect(await cand.emitAck('code:point', { questionId: QUESTION, line: 1 })).toMatchObject({
      error: { code: 'not-interviewer' },
    });
    // The interviewer watches; only the candidate types.
    const update = Y.encodeStateAsUpdate(watching);
    expect(await lead.emitAck('code:sync', { questionId: QUESTION, epoch: watched.epoch, update })).toMatchObject({
      error: { code: 'not-candidate', message: 'Only the candidate types in the editor; the console watches it.' },
    });
    lead.close();
    cand.close();
  });
});
