import type { InterviewSnapshot, Prompt, SocketError, TurnState, VoiceActivity } from '@mockroom/contracts';
import { quickWaitMs } from '@mockroom/assessment';
import { concatPcm, LiveClient, silence, speakSentences } from '@mockroom/server-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * The interviewer listens like a person, on real speech through the socket: a pause after a sentence left open is not
 * taken as the end, a finished answer is taken after a short silence (not the interview's whole patience), "give me a
 * moment" buys time, and a long silence while thinking gets a nudge before the answer ends. Silences are measured on
 * the audio's clock, so the audio is sent twice as fast as it is spoken.
 */
type Ack<T> = T | { error: SocketError };

const PATIENCE_MS = 6000;

describe('turn-taking: when the answer is over', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-turns-')),
      DECISION_BUDGET_MS: '3000',
    });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  async function listening(questionIds: string[]) {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('turns'));
    const created = await browser.post('/api/interviews', {
      questionIds,
      maxFollowUps: 0,
      answerSilenceMs: PATIENCE_MS,
      voice: 'browser',
    });
    const live = new LiveClient(t.baseUrl, browser.cookieHeader());
    await live.connect();
    const joined = await live.emitAck<Ack<InterviewSnapshot>>('interview:join', created.body.id);
    if ('error' in joined) throw new Error(joined.error.message);
    await live.emitAck<Ack<TurnState>>('interview:start');
    const first = (await live.waitFor('prompt')) as Prompt;
    await live.emitAck('audio:start', { streamId: 'turn-stream', sampleRate: 16_000 });
    live.socket.emit('prompt:played', first.seq);
    return { live, id: created.body.id as string, first };
  }

  async function endingOf(interviewId: string, promptSeq: number) {
    const rows = (
      await db.query('SELECT ending FROM interview_answers WHERE interview_id = $1 AND prompt_seq = $2', [
        interviewId,
        promptSeq,
      ])
    ).rows;
    return rows[0]?.ending as
      { by: string; silenceMs: number | null; state: string | null; reasons: string[]; nudged: boolean } | undefined;
  }

  const nextQuestion = (first: Prompt) => (p: Prompt) => p.seq > first.seq && p.kind === 'question';

  it('does not take a pause after a sentence left open as the end, and takes the finished answer after a short silence', async () => {
    const { live, id, first } = await listening(['authentication-sessions-end-to-end', 'rest-vs-graphql']);
    const open = speakSentences('The server hashes the password with bcrypt, and the second thing is');
    const rest = speakSentences(
      'it sets the session id in an HTTP only cookie and keeps the session in a database table.',
    );
    // 3.5 s of thinking in the middle; then the end, and silence. The clock is the audio's, so each part is sent once
    // the words before it are transcribed: a busy machine takes longer to decode but hears the same pauses.
    let seq = await live.streamPcm(concatPcm(silence(300), open, silence(1000)), { speed: 2 });
    await live.waitFor('transcript:segment', undefined, 30_000);
    seq = await live.streamPcm(concatPcm(silence(2500), rest, silence(1000)), { fromSeq: seq, speed: 2 });
    await live.waitFor('transcript:segment', (s) => s.seq !== live.all('transcript:segment')[0].seq, 30_000);
    await live.streamPcm(silence(3000), { fromSeq: seq, speed: 2 });
    const next = (await live.waitFor('prompt', nextQuestion(first), 30_000)) as Prompt;
    expect(next.questionIndex).toBe(1);
    // The cue said "still thinking" during the pause.
    const cues = live.all('voice:activity') as VoiceActivity[];
    expect(cues.some((a) => a.listening?.state === 'mid-thought')).toBe(true);
    // One answer: both halves in it, and it ended after a short silence, judged finished.
    const ending = await endingOf(id, first.seq);
    expect(ending).toMatchObject({ by: 'silence', state: 'done', nudged: false });
    // Taken before the patience ran out: the short wait of a finished answer (about a second, plus the time the last
    // words take to be transcribed; docs/benchmarks.md has the figures).
    expect(ending!.silenceMs).toBeLessThan(PATIENCE_MS / 2);
    expect(ending!.reasons).toContain('finished sentence');
    const words = (
      await db.query(
        `SELECT string_agg(text, ' ' ORDER BY seq) AS text FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate' AND answer_id = (SELECT id FROM interview_answers WHERE interview_id = $1 AND prompt_seq = $2)`,
        [id, first.seq],
      )
    ).rows[0].text as string;
    expect(words).toMatch(/cookie|session|redis/i);
    live.close();
  }, 90_000);

  it('answers a finished answer within about a second, and takes its prompt back when the candidate goes on', async () => {
    const { live, id, first } = await listening(['authentication-sessions-end-to-end', 'rest-vs-graphql']);
    const sentence = speakSentences('The server keeps the session in Redis and sends its id in an HTTP only cookie.');
    let seq = await live.streamPcm(concatPcm(silence(300), sentence, silence(300)), { speed: 2 });
    await live.waitFor('transcript:segment', undefined, 30_000);
    // Silence, a little at a time, until the interviewer speaks: a finished sentence with a question after it is
    // answered within about a second of the last word.
    const asked = () => live.all('prompt').find((p) => nextQuestion(first)(p as Prompt)) as Prompt | undefined;
    let quietMs = 300;
    for (; !asked() && quietMs < PATIENCE_MS; quietMs += 100)
      seq = await live.streamPcm(silence(100), { fromSeq: seq, speed: 1 });
    const begun = asked();
    expect(begun).toMatchObject({ kind: 'question', questionIndex: 1 });
    const ended = await endingOf(id, first.seq);
    expect(ended).toMatchObject({ by: 'silence' });
    // The silence the interviewer decided to wait (the cue counts it down): about a second, the quick wait of a
    // finished-looking answer at this patience; the ending's own figure adds the last words' transcription on a busy
    // machine.
    const decided = (live.all('voice:activity') as VoiceActivity[])
      .filter((a) => a.listening && a.answerEndsInMs !== null)
      .map((a) => a.silenceMs + a.answerEndsInMs!);
    expect(decided.at(-1)).toBeLessThanOrEqual(quickWaitMs('unsure', PATIENCE_MS));
    expect(ended!.silenceMs).toBeLessThan(PATIENCE_MS / 2);
    // The candidate had more to say, and goes on while the question begins: the question is taken back.
    const more = speakSentences('Logout deletes the session from Redis, and every request checks it in middleware.');
    seq = await live.streamPcm(more, { fromSeq: seq, speed: 1 });
    await live.waitFor('prompt:withdrawn', (w) => w.seq === begun!.seq, 10_000);
    expect(live.all('interview:state').at(-1)).toMatchObject({ phase: 'listening', questionIndex: 0 });
    const prompts = await db.query('SELECT seq FROM interview_prompts WHERE interview_id = $1', [id]);
    expect(prompts.rows.map((r) => r.seq)).not.toContain(begun!.seq);
    // It ends again at its next pause, with both sentences in the one answer, and the question is asked again.
    let again: Prompt | undefined;
    for (let heard = 0; !again && heard < 15_000; heard += 200) {
      seq = await live.streamPcm(silence(200), { fromSeq: seq, speed: 1 });
      again = live.all('prompt').find((p) => nextQuestion(first)(p as Prompt) && (p as Prompt).seq !== begun!.seq) as
        Prompt | undefined;
    }
    expect(again).toMatchObject({ kind: 'question', questionIndex: 1 });
    const answers = await db.query(
      `SELECT a.status, a.ending, string_agg(s.text, ' ' ORDER BY s.seq) AS text FROM interview_answers a
       JOIN transcript_segments s ON s.answer_id = a.id WHERE a.interview_id = $1 AND a.question_index = 0
       GROUP BY a.id`,
      [id],
    );
    expect(answers.rows).toHaveLength(1);
    expect(answers.rows[0].status).toBe('closed');
    expect(answers.rows[0].ending).toMatchObject({ by: 'silence', wentOn: 1 });
    expect(answers.rows[0].text).toMatch(/cookie|session/i);
    expect(answers.rows[0].text).toMatch(/logout|middleware|request/i);
    live.close();
  }, 90_000);

  it('hears the last words before judging the pause: a finished answer whose transcript is late is not nudged', async () => {
    const { live, id, first } = await listening(['authentication-sessions-end-to-end', 'rest-vs-graphql']);
    // The first half is left open: the interviewer reads the pause as mid-thought.
    const sent = await live.streamPcm(
      concatPcm(silence(300), speakSentences('The server hashes the password with bcrypt, and then'), silence(1000)),
      { speed: 2 },
    );
    await live.waitFor('voice:activity', (a) => (a as VoiceActivity).listening?.state === 'mid-thought', 30_000);
    // The end and a silence longer than the patience arrive at once (a burst after a slow network): the silence runs
    // out on the audio's clock before the last words are transcribed. Judged on the stale reading, that is a nudge.
    await live.streamPcm(
      concatPcm(
        speakSentences('it sets the session id in an HTTP only cookie and keeps the session in a database table.'),
        silence(PATIENCE_MS + 1000),
      ),
      { fromSeq: sent },
    );
    await live.waitFor('prompt', nextQuestion(first), 30_000);
    expect(live.all('prompt').filter((p) => (p as Prompt).kind === 'nudge')).toHaveLength(0);
    expect(await endingOf(id, first.seq)).toMatchObject({ by: 'silence', state: 'done', nudged: false });
    live.close();
  }, 90_000);

  it('gives more time after "let me think", and nudges before a long silence ends the answer', async () => {
    const { live, id, first } = await listening(['authentication-sessions-end-to-end', 'rest-vs-graphql']);
    // Asked for time, then silent longer than the patience (6 s) but less than what asking bought (18 s).
    const sent = await live.streamPcm(
      concatPcm(silence(300), speakSentences('Let me think about that for a second.'), silence(9000)),
      { speed: 2 },
    );
    await live.waitFor('voice:activity', (a) => (a as VoiceActivity).listening?.state === 'asked-for-time', 10_000);
    expect(live.all('prompt').filter(nextQuestion(first))).toHaveLength(0);
    // Still silent: the interviewer nudges, and the answer stays open.
    await live.streamPcm(new Int16Array(16 * 11_000), { speed: 2, fromSeq: sent });
    const nudge = (await live.waitFor('prompt', (p) => (p as Prompt).kind === 'nudge', 20_000)) as Prompt;
    expect(nudge.text).toMatch(/Take your time/);
    expect(live.all('prompt').filter(nextQuestion(first))).toHaveLength(0);
    // Speaking again after the nudge, the candidate finishes; the answer's ending remembers the nudge.
    const after = await live.streamPcm(
      concatPcm(
        speakSentences(
          'The server hashes the password with bcrypt and keeps the session in Redis, in an HTTP only cookie.',
        ),
        silence(4000),
      ),
      { speed: 2, fromSeq: sent + 550 },
    );
    expect(after).toBeGreaterThan(sent);
    await live.waitFor('prompt', nextQuestion(first), 30_000);
    expect(await endingOf(id, first.seq)).toMatchObject({ by: 'silence', nudged: true });
    live.close();
  }, 120_000);

  it('keeps the turn with the interviewer over a backchannel or a cough, and gives it to real speech', async () => {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('backchannel'));
    const created = await browser.post('/api/interviews', {
      questionIds: ['authentication-sessions-end-to-end'],
      maxFollowUps: 0,
      answerSilenceMs: PATIENCE_MS,
      voice: 'browser',
    });
    const live = new LiveClient(t.baseUrl, browser.cookieHeader());
    await live.connect();
    await live.emitAck<Ack<InterviewSnapshot>>('interview:join', created.body.id);
    await live.emitAck<Ack<TurnState>>('interview:start');
    await live.waitFor('prompt');
    await live.emitAck('audio:start', { streamId: 'backchannel-stream', sampleRate: 16_000 });
    // The question is still being read (no prompt:played): "right", a burst of noise like a cough, "yeah", and a second
    // of noise (a door, typing): long enough to pass for speech by its length, but it has no words.
    const cough = Int16Array.from({ length: 16 * 250 }, (_, i) =>
      Math.round(9000 * Math.sin(i * 1.7) * Math.sin(i / 40)),
    );
    let noiseSeed = 3;
    const noise = Int16Array.from({ length: 16 * 1000 }, (_, i) =>
      Math.round(
        (((noiseSeed = (noiseSeed * 16807) % 2147483647) / 2147483647) * 2 - 1) *
          9000 *
          Math.sin((Math.PI * i) / 16000),
      ),
    );
    const sounds = concatPcm(
      silence(300),
      speakSentences('Right.'),
      silence(1200),
      cough,
      silence(1000),
      speakSentences('Yeah.'),
      silence(1200),
      noise,
      silence(1200),
    );
    let seq = await live.streamPcm(sounds, { speed: 1 });
    const phases = () => live.all('interview:state').map((s) => (s as TurnState).phase);
    expect(phases().at(-1)).toBe('prompting');
    // Speaking for real takes the turn.
    seq = await live.streamPcm(
      concatPcm(speakSentences('Sorry, could you say that again more slowly please?'), silence(600)),
      { speed: 2, fromSeq: seq },
    );
    await live.waitFor('interview:state', (s) => (s as TurnState).phase === 'listening', 10_000);
    expect(seq).toBeGreaterThan(0);
    live.close();
  }, 60_000);

  it('gives the turn back when what stopped the interviewer was only a backchannel, from the sentence it was stopped in', async () => {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('resume'));
    const created = await browser.post('/api/interviews', {
      questionIds: ['authentication-sessions-end-to-end', 'rest-vs-graphql'],
      maxFollowUps: 0,
      answerSilenceMs: PATIENCE_MS,
      voice: 'browser',
    });
    const live = new LiveClient(t.baseUrl, browser.cookieHeader());
    await live.connect();
    await live.emitAck<Ack<InterviewSnapshot>>('interview:join', created.body.id);
    await live.emitAck<Ack<TurnState>>('interview:start');
    const first = (await live.waitFor('prompt')) as Prompt;
    await live.emitAck('audio:start', { streamId: 'resume-stream', sampleRate: 16_000 });
    // The page's voice stopped for the candidate's sound 6 s into the greeting and question; the sound was "okay".
    const spoken = `${first.lead} ${first.text}`;
    live.socket.emit('prompt:interrupted', first.seq, 6000);
    await live.waitFor('interview:state', (s) => (s as TurnState).phase === 'listening', 10_000);
    let seq = await live.streamPcm(concatPcm(silence(300), speakSentences('Okay.'), silence(1500)), { speed: 2 });
    const resume = (await live.waitFor('prompt:resume', () => true, 30_000)) as {
      seq: number;
      fromMs: number;
      fromChar: number;
    };
    expect(resume.seq).toBe(first.seq);
    // From the start of a sentence, at or before where the voice stopped.
    expect(resume.fromChar === 0 || /[.!?]\s$/.test(spoken.slice(0, resume.fromChar))).toBe(true);
    expect(resume.fromMs).toBeLessThanOrEqual(6000);
    expect(live.all('interview:state').at(-1)).toMatchObject({ phase: 'prompting', currentPromptSeq: first.seq });
    // The prompt is heard to its end this time; then the candidate answers, and the "okay" was not taken as the answer.
    live.socket.emit('prompt:played', first.seq);
    await live.waitFor(
      'interview:state',
      (s) => (s as TurnState).phase === 'listening' && live.all('interview:state').length > 3,
      10_000,
    );
    seq = await live.streamPcm(
      concatPcm(
        speakSentences(
          'The server hashes the password with bcrypt and keeps the session in Redis behind an HTTP only cookie.',
        ),
        silence(600),
      ),
      { speed: 2, fromSeq: seq },
    );
    await live.emitAck('answer:done');
    const next = (await live.waitFor('prompt', nextQuestion(first), 30_000)) as Prompt;
    expect(next.questionIndex).toBe(1);
    const ending = await endingOf(created.body.id, first.seq);
    expect(ending).toMatchObject({ by: 'done-button' });
    expect(seq).toBeGreaterThan(0);

    // Real words over the voice are an answer: nothing is taken up again.
    live.socket.emit('prompt:interrupted', next.seq, 1500);
    await live.waitFor(
      'interview:state',
      (s) => (s as TurnState).phase === 'listening' && (s as TurnState).currentPromptSeq === next.seq,
      10_000,
    );
    const resumesBefore = live.all('prompt:resume').length;
    seq = await live.streamPcm(
      concatPcm(
        silence(300),
        speakSentences('I would pick GraphQL when clients need different shapes of data.'),
        silence(1500),
      ),
      { speed: 2, fromSeq: seq },
    );
    await live.waitFor('transcript:segment', (seg) => (seg as { seq: number }).seq > next.seq, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(live.all('prompt:resume')).toHaveLength(resumesBefore);
    live.close();
  }, 90_000);

  it('asks for the question again when the nudge is answered "yes"', async () => {
    const { live, first } = await listening(['authentication-sessions-end-to-end']);
    // A sentence left open, then a silence past the patience: the nudge.
    const pcm = concatPcm(silence(300), speakSentences('So the first thing is'), silence(7000));
    const sent = await live.streamPcm(pcm, { speed: 2 });
    await live.waitFor('prompt', (p) => (p as Prompt).kind === 'nudge', 20_000);
    await live.streamPcm(concatPcm(speakSentences('Yes please.'), silence(2000)), { speed: 2, fromSeq: sent });
    const repeat = (await live.waitFor('prompt', (p) => (p as Prompt).kind === 'repeat', 30_000)) as Prompt;
    expect(repeat.text).toMatch(/authentication and sessions/);
    expect(repeat.seq).toBeGreaterThan(first.seq);
    live.close();
  }, 90_000);
});
