import type {
  AnswerResult,
  AudioStreamAccepted,
  InterviewSnapshot,
  LiveTranscriptSegment,
  PartialTranscript,
  Prompt,
  SocketError,
  TranscriptSegment,
  TurnState,
} from '@mockroom/contracts';
import { concatPcm, LiveClient, silence, speak, speakSentences, splitSentences } from '@mockroom/server-testing';
import { wordErrorRate } from '@mockroom/speech';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * The live interview without a browser: a Socket.IO client streams 20 ms frames of real speech (flite),
 * the server cuts segments, the worker's PocketSphinx transcribes them, and the interviewer moves on.
 */
const ANSWER =
  'Authentication starts with the user submitting credentials over HTTPS. The server hashes the password with a strong algorithm like bcrypt and compares it to the stored hash. ' +
  'If it is valid, the server creates a session and sets the session ID as an HTTP only secure cookie.';

type Ack<T> = T | { error: SocketError };

describe('live AI interview pipeline', () => {
  let t: TestApp;
  let db: Client;
  let answerPcm: Int16Array;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-pipeline-'));
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: dataDir,
      DECISION_BUDGET_MS: '3000',
    });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    answerPcm = speakSentences(ANSWER);
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  async function candidate(plan: Record<string, unknown>) {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('live'));
    const created = await browser.post('/api/interviews', plan);
    expect(created.status).toBe(201);
    const live = new LiveClient(t.baseUrl, browser.cookieHeader());
    await live.connect();
    const snapshot = await live.emitAck<Ack<InterviewSnapshot>>('interview:join', created.body.id);
    if ('error' in snapshot) throw new Error(snapshot.error.message);
    return { browser, live, id: created.body.id as string, snapshot };
  }

  async function startAudio(live: LiveClient, streamId: string): Promise<AudioStreamAccepted> {
    const accepted = await live.emitAck<Ack<AudioStreamAccepted>>('audio:start', { streamId, sampleRate: 16_000 });
    if ('error' in accepted) throw new Error(accepted.error.message);
    return accepted;
  }

  it('transcribes a spoken answer segment by segment, asks the next prompt, and keeps segments and recording', async () => {
    const { live, id, snapshot, browser } = await candidate({
      questionIds: ['authentication-sessions-end-to-end', 'client-vs-server-logic'],
      maxFollowUps: 1,
      answerSilenceMs: 2500,
    });
    expect(snapshot.interview.status).toBe('created');
    expect(snapshot.engines.stt).toMatch(/PocketSphinx/);

    const started = await live.emitAck<Ack<TurnState>>('interview:start');
    expect(started).toMatchObject({ phase: 'prompting', questionIndex: 0 });
    const first = (await live.waitFor('prompt')) as Prompt;
    expect(first).toMatchObject({ kind: 'question', questionId: 'authentication-sessions-end-to-end' });
    expect(first.text).toMatch(/authentication and sessions/);

    // The interviewer's voice arrives as a WAV the candidate's browser can play.
    const audio = (await live.waitFor('prompt:audio', (a) => a.seq === first.seq)) as {
      audioUrl: string;
      audioDurationMs: number;
    };
    expect(audio.audioDurationMs).toBeGreaterThan(1000);
    const wav = await fetch(`${t.baseUrl}${audio.audioUrl}`, { headers: { cookie: browser.cookieHeader() } });
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await wav.arrayBuffer()).toString('ascii', 0, 4)).toBe('RIFF');

    await startAudio(live, 'stream-one');
    live.socket.emit('prompt:played', first.seq);
    // A browser keeps sending silence after the answer, until the interviewer moves on (below).
    const speech = concatPcm(silence(500), answerPcm, silence(1500));
    // Up to the pause after the first sentence: the candidate has more to say.
    const firstSentenceFrames = Math.ceil((500 + speak(splitSentences(ANSWER)[0]).length / 16 + 800) / 20);
    const resumeAt = await live.streamPcm(speech, { speed: 2, stopAfterFrames: firstSentenceFrames });

    // The first sentence is transcribed while the answer is still open, not after it ends.
    const early = (await live.waitFor(
      'transcript:segment',
      (s) => s.speaker === 'candidate',
      60_000,
    )) as TranscriptSegment;
    expect(early.text.split(' ').length).toBeGreaterThan(3);
    // Its words came before its final text, as they were recognised: growing, then replaced by the final text.
    const partials = live.received.filter(
      (r) => r.event === 'transcript:partial' && (r.args[0] as PartialTranscript).seq === early.seq,
    );
    const finalAt = live.received.find(
      (r) => r.event === 'transcript:segment' && (r.args[0] as TranscriptSegment).seq === early.seq,
    )!.at;
    expect(partials.length).toBeGreaterThan(1);
    expect(partials.every((p) => p.at <= finalAt)).toBe(true);
    const words = partials.map((p) => (p.args[0] as PartialTranscript).text.split(' ').length);
    expect(words.at(-1)).toBeGreaterThan(words[0]);
    expect(partials[0].args[0]).toMatchObject({
      speaker: 'candidate',
      answerId: early.answerId,
      questionId: early.questionId,
      startMs: early.startMs,
    });
    const phases = live.all('interview:state').map((s) => s.phase);
    expect(phases).toContain('listening');
    expect(phases).not.toContain('thinking');
    expect(live.all('prompt').filter((p) => p.seq > first.seq)).toHaveLength(0);
    let seq = await live.streamPcm(speech.subarray(resumeAt * 320), { speed: 2, fromSeq: resumeAt });
    // The microphone stays open, in real time, until the interviewer moves on (a nudge may come first, should it take
    // the last words as a sentence left open).
    const movedOn = () => live.all('prompt').some((p) => p.seq > first.seq && p.kind !== 'nudge');
    for (let heardMs = 0; !movedOn() && heardMs < 60_000; heardMs += 200)
      seq = await live.streamPcm(silence(200), { speed: 1, fromSeq: seq });

    const next = (await live.waitFor('prompt', (p) => p.seq > first.seq && p.kind !== 'nudge', 60_000)) as Prompt;
    expect(['follow-up', 'question']).toContain(next.kind);

    const segments = live.all('transcript:segment').filter((s) => s.speaker === 'candidate') as LiveTranscriptSegment[];
    expect(segments.length).toBeGreaterThanOrEqual(2);
    // Each segment was decoded while it was spoken: only its end was left when it ended.
    expect(segments.every((s) => s.streamed)).toBe(true);
    const text = segments
      .sort((a, b) => a.seq - b.seq)
      .map((s) => s.text)
      .join(' ');
    const { wer } = wordErrorRate(ANSWER, text);
    expect(wer).toBeLessThan(0.6);

    const assessed = (await live.waitFor('answer:assessed', () => true, 30_000)) as AnswerResult;
    expect(assessed.scores?.overall).toEqual(expect.any(Number));
    expect(assessed.rubric.some((r) => r.covered)).toBe(true);

    const ended = await live.emitAck<Ack<InterviewSnapshot>>('interview:end');
    if ('error' in ended) throw new Error(ended.error.message);
    expect(ended.interview.status).toBe('completed');
    await live.waitFor('interview:completed');

    // One row per (interview, seq); candidate segments carry the answer and their times.
    const rows = (
      await db.query(
        'SELECT seq, speaker, start_ms, end_ms, text FROM transcript_segments WHERE interview_id = $1 ORDER BY seq',
        [id],
      )
    ).rows;
    expect(new Set(rows.map((r) => r.seq)).size).toBe(rows.length);
    expect(rows.filter((r) => r.speaker === 'candidate')).toHaveLength(segments.length);
    for (const row of rows.filter((r) => r.speaker === 'candidate')) expect(row.end_ms).toBeGreaterThan(row.start_ms);
    const recordings = (
      await db.query('SELECT speaker, start_ms, duration_ms FROM recordings WHERE interview_id = $1', [id])
    ).rows;
    expect(recordings).toHaveLength(1);
    // Every frame sent after the start is in the recording, to the frame.
    expect(recordings[0].duration_ms).toBe(seq * 20);
    live.close();
  });

  it('repeats the question when asked', async () => {
    const { live } = await candidate({ questionIds: ['rest-vs-graphql'], answerSilenceMs: 4000 });
    await live.emitAck('interview:start');
    const first = (await live.waitFor('prompt')) as Prompt;
    await startAudio(live, 'stream-repeat');
    await live.streamPcm(concatPcm(silence(300), speak('Sorry, could you repeat the question?'), silence(1500)), {
      speed: 4,
    });
    const again = (await live.waitFor('prompt', (p) => p.seq > first.seq, 30_000)) as Prompt;
    expect(again.kind).toBe('repeat');
    expect(again.text).toContain('REST and GraphQL');
    live.close();
  });

  it('skips a question when asked, and answers a clarifying question', async () => {
    const { live } = await candidate({
      questionIds: ['distributed-rate-limiter', 'rest-vs-graphql'],
      answerSilenceMs: 4000,
    });
    await live.emitAck('interview:start');
    const first = (await live.waitFor('prompt')) as Prompt;
    await startAudio(live, 'stream-skip');
    let seq = await live.streamPcm(concatPcm(silence(300), speak('Can I assume a single region?'), silence(1500)), {
      speed: 4,
    });
    const reply = (await live.waitFor('prompt', (p) => p.seq > first.seq, 30_000)) as Prompt;
    expect(reply.kind).toBe('clarification');
    expect(reply.text.length).toBeGreaterThan(20);

    seq = await live.streamPcm(concatPcm(silence(300), speak('Can we skip this one?'), silence(1500)), {
      speed: 4,
      fromSeq: seq,
    });
    const moved = (await live.waitFor('prompt', (p) => p.seq > reply.seq, 30_000)) as Prompt;
    expect(moved).toMatchObject({ kind: 'question', questionId: 'rest-vs-graphql' });
    live.close();
  });

  it('refuses malformed audio with an error event and stores nothing', async () => {
    const { live, id } = await candidate({ questionIds: ['rest-vs-graphql'] });
    // Before audio:start.
    live.socket.emit('audio:frame', 0, new Uint8Array(640));
    expect(((await live.waitFor('error', (e) => e.code === 'no-stream')) as SocketError).event).toBe('audio:frame');

    const wrongRate = await live.emitAck<Ack<AudioStreamAccepted>>('audio:start', {
      streamId: 'stream-bad',
      sampleRate: 44_100,
    });
    expect(wrongRate).toEqual({
      error: expect.objectContaining({ code: 'bad-rate', message: expect.stringContaining('16000 Hz') }),
    });

    await live.emitAck('interview:start');
    await startAudio(live, 'stream-bad');
    await new Promise((r) => setTimeout(r, 1100)); // error events are throttled to one a second
    live.socket.emit('audio:frame', 0, new Uint8Array(1000));
    const wrongSize = (await live.waitFor('error', (e) => e.code === 'bad-frame')) as SocketError;
    expect(wrongSize.message).toContain('640 bytes');
    await new Promise((r) => setTimeout(r, 1100));
    live.socket.emit('audio:frame', -4, new Uint8Array(640));
    await live.waitFor('error', (e) => e.code === 'bad-frame' && e.message.includes('sequence number'));

    // Nothing was said: the interview ends and is not kept.
    const ended = await live.emitAck<Ack<InterviewSnapshot>>('interview:end');
    expect(ended).toEqual({ error: expect.objectContaining({ code: 'interview-discarded' }) });
    await new Promise((r) => setTimeout(r, 1100));
    live.socket.emit('audio:frame', 0, new Uint8Array(640));
    await live.waitFor('error', (e) => e.code === 'session-ended' || e.code === 'not-joined');

    const rows = (
      await db.query(
        `SELECT count(*)::int AS n FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate'`,
        [id],
      )
    ).rows;
    expect(rows[0].n).toBe(0);
    live.close();
  });

  it("keeps other people's interviews closed", async () => {
    const { id, live: owner } = await candidate({ questionIds: ['rest-vs-graphql'] });
    const intruder = new TestBrowser(t.baseUrl);
    await intruder.signUp(uniqueEmail('intruder'));
    expect((await intruder.get(`/api/interviews/${id}`)).status).toBe(403);
    const socket = new LiveClient(t.baseUrl, intruder.cookieHeader());
    await socket.connect();
    const joined = await socket.emitAck<Ack<InterviewSnapshot>>('interview:join', id);
    expect(joined).toEqual({ error: expect.objectContaining({ code: 'not-your-session' }) });
    const start = await socket.emitAck<Ack<TurnState>>('interview:start');
    expect(start).toEqual({ error: expect.objectContaining({ code: 'not-joined' }) });
    socket.socket.emit('audio:frame', 0, new Uint8Array(640));
    await socket.waitFor('error', (e) => e.code === 'not-joined');
    // The intruder's socket is in no room: it hears nothing of the owner's interview.
    await owner.emitAck('interview:start');
    await owner.waitFor('prompt');
    await new Promise((r) => setTimeout(r, 300));
    expect(socket.all('prompt')).toHaveLength(0);
    socket.close();
    owner.close();
  });

  it('loses and duplicates nothing when the connection drops mid-answer', async () => {
    const { browser, live, id } = await candidate({
      questionIds: ['authentication-sessions-end-to-end'],
      answerSilenceMs: 2500,
      maxFollowUps: 0,
    });
    await live.emitAck('interview:start');
    await live.waitFor('prompt');
    await startAudio(live, 'stream-resume');
    const speech = concatPcm(silence(300), answerPcm, silence(3500));
    const frames = Math.ceil(speech.length / 320);
    const half = Math.floor(frames / 2);
    await live.streamPcm(speech, { speed: 8, stopAfterFrames: half });
    live.close();

    // A new connection, the same stream: the server says where to resume; resend a little more than needed.
    const again = new LiveClient(t.baseUrl, browser.cookieHeader());
    await again.connect();
    const snapshot = await again.emitAck<Ack<InterviewSnapshot>>('interview:join', id);
    expect('error' in snapshot).toBe(false);
    const accepted = await startAudio(again, 'stream-resume');
    expect(accepted.nextSeq).toBeGreaterThan(0);
    expect(accepted.nextSeq).toBeLessThanOrEqual(half);
    const resendFrom = Math.max(0, accepted.nextSeq - 25);
    await again.streamPcm(speech.subarray(resendFrom * 320), { speed: 8, fromSeq: resendFrom });
    await again.waitFor('interview:state', (s) => s.phase === 'done' || s.phase === 'thinking', 60_000);
    await again.waitFor('prompt', (p) => p.kind === 'closing', 60_000);
    // Completion is announced once the recording is closed and its length stored.
    await again.waitFor('interview:completed', () => true, 60_000);

    const recording = (await db.query('SELECT duration_ms, path FROM recordings WHERE interview_id = $1', [id]))
      .rows[0];
    const stored = readFileSync(join(t.config.mediaDir, recording.path));
    const rows = (
      await db.query(
        `SELECT seq, start_ms, end_ms, text FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate' ORDER BY seq`,
        [id],
      )
    ).rows;
    // The recording is the audio that was sent, byte for byte, up to where the interview stopped listening:
    // nothing lost in the drop, nothing doubled by the resend.
    // What was sent: the speech in whole frames (the last one padded with silence).
    const sent = Buffer.alloc(frames * 640);
    Buffer.from(speech.buffer, speech.byteOffset, speech.byteLength).copy(sent);
    // It stopped listening when the answer ended: after the silence it waited past the last word (the patience, or
    // less when it read the answer as finished), less the last word's quiet tail.
    const ending = (await db.query('SELECT ending FROM interview_answers WHERE interview_id = $1', [id])).rows[0]
      .ending as { silenceMs: number };
    expect(stored.length).toBeGreaterThan(sent.length - 3500 * 32 + Math.min(2500, ending.silenceMs - 500) * 32);
    expect(stored.equals(sent.subarray(0, stored.length))).toBe(true);
    expect(recording.duration_ms).toBe(stored.length / 32);
    expect(frames).toBeGreaterThan(half);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < rows.length; i++) expect(rows[i].start_ms).toBeGreaterThanOrEqual(rows[i - 1].end_ms); // no overlap, no repeat
    const { wer } = wordErrorRate(ANSWER, rows.map((r) => r.text).join(' '));
    expect(wer).toBeLessThan(0.6);
    again.close();
  });
});
