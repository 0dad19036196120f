import {
  AUDIO_FRAME_MS,
  AUDIO_FRAME_SAMPLES,
  type AudioStreamAccepted,
  type InterviewSnapshot,
  type Prompt,
  type SocketError,
} from '@mockroom/contracts';
import { concatPcm, LiveClient, silence, speak, TestBrowser, uniqueEmail } from '@mockroom/server-testing';
import { wordErrorRate } from '@mockroom/speech';
import { Client } from 'pg';
import { eventually } from './eventually';

/**
 * One spoken answer of three sentences (about 70 words, as in the audit that found audio recorded twice), taken
 * through a running product while a fault strikes in the middle of the second sentence; and the same answer with no
 * fault, to compare with. A fault run must end as the undisturbed one does: the same transcript segments, where they
 * were spoken, and a recording exact to the frame.
 */
export const FAULT_SENTENCES = [
  'The user sends their email and password over HTTPS, and the server hashes the password with bcrypt and compares it to the stored hash.',
  'Then it creates a random session identifier, stores the session in Redis with a time to live, and sets an HTTP only cookie.',
  'On every request the middleware reads the cookie and looks up the session, and logout deletes the session from Redis.',
];

/**
 * The product's settings for these runs: the answer ends only on "I'm done", after every frame was sent, so each run's
 * recording is the whole answer. With the default rule a finished sentence may end it in a pause of under a second,
 * and where that falls would differ between runs for reasons that have nothing to do with the fault.
 */
export const FAULT_PRODUCT_ENV = { TURN_END_RULE: 'silence' } as const;

/** Sent a little faster than spoken (a resend is a burst), within what the server takes (1.25 × real time). */
const SPEED = 1.2;
/** What a browser keeps to resend after a reconnect: its last ten seconds. */
const OUTBOX_FRAMES = 10_000 / AUDIO_FRAME_MS;
const PAUSE_MS = 800;
/** How far one run's transcript of a segment may be from another's of the same audio (it measures 0–0.2). */
const MAX_SEGMENT_WER = 0.35;

export interface FaultRun {
  interviewId: string;
  segments: { seq: number; text: string; startMs: number }[];
  words: number;
  /** The candidate's recording as stored (its length, to the frame). */
  recordingMs: number;
  recordings: number;
  /** Every frame of the answer, sent at least once. */
  spokenMs: number;
  errors: string[];
  /** The review opens: the scoring after the fault went through. */
  reviewStatus: number;
}

export interface Fault {
  /** How far into the second sentence it strikes. */
  afterMs: number;
  /**
   * The fault itself. `concurrent`: the microphone keeps sending while it lasts (a worker or Redis going away);
   * otherwise the connection is gone and `strike` returns a new one and where the browser resends from.
   */
  concurrent: boolean;
  strike: (at: FaultContext) => Promise<{ live: LiveClient; resendFrom: number } | void>;
}

export interface FaultContext {
  interviewId: string;
  live: LiveClient;
  /** Frames sent so far. */
  sentFrames: number;
  /**
   * Connects again as the page does after a drop: joins and opens the same stream, which says where it got to (through
   * the product's address, or `url` when given: one process of several).
   */
  reconnect: (url?: string) => Promise<{ live: LiveClient; nextSeq: number }>;
}

const frames = (samples: number) => Math.ceil(samples / AUDIO_FRAME_SAMPLES);

export function faultSpeech(): { pcm: Int16Array; secondStartsAt: number } {
  // Pauses between sentences as a candidate makes them: long enough to end a segment, too short to end the answer.
  const lead = concatPcm(silence(300), speak(FAULT_SENTENCES[0]), silence(PAUSE_MS));
  const pcm = concatPcm(lead, speak(FAULT_SENTENCES[1]), silence(PAUSE_MS), speak(FAULT_SENTENCES[2]), silence(500));
  return { pcm, secondStartsAt: frames(lead.length) };
}

/** Joins an interview and opens its audio stream; after a restart, the same stream id takes up where it got to. */
export async function joinAndStream(
  url: string,
  cookie: string,
  interviewId: string,
  streamId: string,
): Promise<{ live: LiveClient; nextSeq: number }> {
  const live = new LiveClient(url, cookie);
  await live.connect();
  const joined = await live.emitAck<InterviewSnapshot | { error: SocketError }>('interview:join', interviewId);
  if ('error' in joined) throw new Error(joined.error.message);
  const accepted = await live.emitAck<AudioStreamAccepted | { error: SocketError }>('audio:start', {
    streamId,
    sampleRate: 16_000,
  });
  if ('error' in accepted) throw new Error(accepted.error.message);
  return { live, nextSeq: accepted.nextSeq };
}

/** The lengths of an interview's candidate recordings, once stored (as the interview finishes, a moment after its closing prompt). */
export async function candidateRecordings(
  db: Client,
  interviewId: string,
  timeoutMs = 30_000,
): Promise<{ duration_ms: number }[]> {
  const result = await eventually(
    () =>
      db.query(`SELECT duration_ms FROM recordings WHERE interview_id = $1 AND speaker = 'candidate'`, [interviewId]),
    (rows) => expect(rows.rows.length > 0 && rows.rows.every((r) => r.duration_ms > 0)).toBe(true),
    timeoutMs,
  );
  return result.rows as { duration_ms: number }[];
}

/** A browser that resends its whole outbox after a reconnect, whatever the server says it already has. */
export function blindResendFrom(sentFrames: number): number {
  return Math.max(0, sentFrames - OUTBOX_FRAMES);
}

export async function takeFaultAnswer(
  productUrl: string,
  databaseUrl: string,
  label: string,
  fault?: Fault,
): Promise<FaultRun> {
  const browser = new TestBrowser(productUrl);
  await browser.signUp(uniqueEmail(label));
  // A long patience: the answer ends on "I'm done" after every frame is sent, so the recording holds all of them.
  const created = await browser.post('/api/interviews', {
    questionIds: ['authentication-sessions-end-to-end'],
    answerSilenceMs: 30_000,
    maxFollowUps: 0,
    voice: 'browser',
  });
  if (created.status !== 201) throw new Error(`interview not created: ${created.status}`);
  const interviewId = created.body.id as string;
  const streamId = `${label}-stream`;
  let { live } = await joinAndStream(productUrl, browser.cookieHeader(), interviewId, streamId);
  const errors: string[] = [];
  const collect = (client: LiveClient) => client.all('error').map((e) => (e as SocketError).code);
  try {
    await live.emitAck('interview:start');
    await live.waitFor('prompt');
    const { pcm, secondStartsAt } = faultSpeech();
    const total = frames(pcm.length);
    if (!fault) {
      await live.streamPcm(pcm, { speed: SPEED });
    } else {
      const strikeAt = secondStartsAt + Math.round(fault.afterMs / AUDIO_FRAME_MS);
      await live.streamPcm(pcm, { speed: SPEED, stopAfterFrames: strikeAt });
      const context: FaultContext = {
        interviewId,
        live,
        sentFrames: strikeAt,
        reconnect: (url = productUrl) => joinAndStream(url, browser.cookieHeader(), interviewId, streamId),
      };
      if (fault.concurrent) {
        const striking = fault.strike(context);
        await live.streamPcm(pcm.subarray(strikeAt * AUDIO_FRAME_SAMPLES), { speed: SPEED, fromSeq: strikeAt });
        await striking;
      } else {
        errors.push(...collect(live));
        const back = await fault.strike(context);
        if (!back) throw new Error('the fault gave no connection back');
        live = back.live;
        await live.streamPcm(pcm.subarray(back.resendFrom * AUDIO_FRAME_SAMPLES), {
          speed: SPEED,
          fromSeq: back.resendFrom,
        });
      }
    }
    // Every frame is in: the candidate says they are done, and the single question's interview closes.
    await eventually(
      () => live.emitAck('answer:done'),
      (reply) => expect(reply).toEqual({ ok: true }),
      30_000,
    );
    await live.waitFor('prompt', (p: Prompt) => p.kind === 'closing', 120_000);
    errors.push(...collect(live));

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const recordings = await candidateRecordings(db, interviewId, 60_000);
      const segments = (
        await db.query(
          `SELECT seq, text, start_ms FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate' ORDER BY seq`,
          [interviewId],
        )
      ).rows.map((r) => ({ seq: r.seq as number, text: r.text as string, startMs: r.start_ms as number }));
      const reviewStatus = (
        await eventually(
          () => browser.get(`/api/interviews/${interviewId}/review`),
          (res) => expect(res.status).toBe(200),
          30_000,
        )
      ).status;
      return {
        reviewStatus,
        interviewId,
        segments,
        words: segments.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0),
        recordingMs: recordings.reduce((sum, r) => sum + (r.duration_ms as number), 0),
        recordings: recordings.length,
        spokenMs: total * AUDIO_FRAME_MS,
        errors,
      };
    } finally {
      await db.end();
    }
  } finally {
    live.close();
  }
}

/** The checks every fault run must pass against the undisturbed one. */
export function expectLikeUndisturbed(run: FaultRun, baseline: FaultRun): void {
  // One recording, exact to the frame: nothing lost, nothing recorded twice.
  expect({ recordings: run.recordings, recordingMs: run.recordingMs }).toEqual({
    recordings: 1,
    recordingMs: run.spokenMs,
  });
  expect(baseline.recordingMs).toBe(baseline.spokenMs);
  // The same segments, where they were spoken (relative to the first one), with the same words: as near as the
  // recogniser comes to itself on the same audio (it adapts to what it heard before, so two runs differ by a word or
  // two), and never a sentence heard twice.
  expect(run.segments).toHaveLength(baseline.segments.length);
  run.segments.forEach((segment, i) => {
    const { wer } = wordErrorRate(baseline.segments[i].text, segment.text);
    expect({
      segment: i,
      text: segment.text,
      undisturbed: baseline.segments[i].text,
      wer: wer <= MAX_SEGMENT_WER,
    }).toMatchObject({ wer: true });
  });
  expect(Math.abs(run.words - baseline.words)).toBeLessThanOrEqual(Math.ceil(baseline.words * 0.15));
  const offsets = (r: FaultRun) => r.segments.map((s) => s.startMs - r.segments[0].startMs);
  offsets(run).forEach((offset, i) =>
    expect(Math.abs(offset - offsets(baseline)[i])).toBeLessThanOrEqual(AUDIO_FRAME_MS * 3),
  );
  expect(run.reviewStatus).toBe(200);
  // No frame refused: what was resent and already recorded is dropped without a word.
  expect(run.errors).toEqual([]);
}
