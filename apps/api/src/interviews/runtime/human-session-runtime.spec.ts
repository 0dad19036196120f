import {
  AUDIO_FRAME_SAMPLES,
  JobName,
  type JobPayloads,
  type LiveTranscriptSegment,
  type QuestionChecklist,
} from '@mockroom/contracts';
import { HumanSessionRuntime } from './human-session-runtime';
import { fakeInterview, fakeSessionDeps } from './runtime-fakes';

/**
 * The human interviewer's policy on its own, over the live core, with typed fakes for its storage, queue and live
 * channel (runtime-fakes.ts): the unit under test is the console's logic.
 */
function setUp() {
  const deps = fakeSessionDeps();
  const transcriptions: {
    resolve: (segment: LiveTranscriptSegment) => void;
    payload: JobPayloads[JobName.TranscribeSegment];
  }[] = [];
  // The worker's transcriptions stay pending until the test gives their words.
  deps.queue.on(
    JobName.TranscribeSegment,
    (payload) => new Promise((resolve) => transcriptions.push({ resolve, payload })),
  );
  // The scoring job finds nothing to add (the offline checklist is what the console shows meanwhile).
  deps.queue.on(JobName.AssessAnswer, async () => null);
  const emitted = () => deps.emitted.room.map((e) => e.event);
  return { deps, transcriptions, emitted };
}

function speech(ms: number): Int16Array {
  return Int16Array.from({ length: (ms * 16) | 0 }, (_, i) =>
    Math.round(6000 * Math.sin(i / 3) * (1 + Math.sin(i / 900))),
  );
}

describe('HumanSessionRuntime', () => {
  let cleanup = () => undefined as void;
  it('shows the next question once pending transcriptions finish, without waiting on its own checklist update', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const { deps, transcriptions, emitted } = setUp();
      cleanup = deps.dispose;
      const entity = fakeInterview('human', ['authentication-sessions-end-to-end', 'rest-vs-graphql']);
      const runtime = await HumanSessionRuntime.load(deps, entity);
      // Starting shows nothing by itself: the interviewer shows the first question.
      expect(await runtime.start()).toMatchObject({ phase: 'waiting' });
      expect(emitted()).not.toContain('prompt');
      await runtime.show({ kind: 'question', questionIndex: 0 });

      // The candidate speaks one utterance, then pauses: its transcription job starts and stays pending.
      await runtime.startStream('cand-stream', 'candidate');
      const audio = new Int16Array([...speech(1500), ...new Int16Array(16 * 1200)]);
      for (let i = 0, seq = 0; i + AUDIO_FRAME_SAMPLES <= audio.length; i += AUDIO_FRAME_SAMPLES, seq++) {
        runtime.pushFrame('cand-stream', 'candidate', seq, audio.subarray(i, i + AUDIO_FRAME_SAMPLES));
      }
      for (let i = 0; i < 20 && transcriptions.length === 0; i++) await Promise.resolve();
      await new Promise((r) => setImmediate(r));
      expect(transcriptions).toHaveLength(1);

      // The interviewer moves on; the transcription lands a moment later. With no timer advanced, the question must
      // still be shown: a circular wait would only end when a timeout fired.
      const shown = runtime.show({ kind: 'question', questionIndex: 1 });
      await new Promise((r) => setImmediate(r));
      const { payload, resolve } = transcriptions[0];
      resolve({
        seq: payload.seq,
        speaker: 'candidate',
        text: 'the server hashes the password with bcrypt',
        startMs: 0,
        endMs: 1500,
        questionId: null,
        answerId: null,
        engine: 'test',
      });
      const prompt = await shown;
      expect(prompt).toMatchObject({ kind: 'question', questionIndex: 1 });
      expect(emitted()).toContain('prompt');
    } finally {
      jest.useRealTimers();
      cleanup();
    }
  }, 10_000);

  it('ticks the checklist from the candidate’s words, keeps the interviewer’s overrides, scores and notes, and ends', async () => {
    const { deps, transcriptions } = setUp();
    try {
      const entity = fakeInterview('human', ['authentication-sessions-end-to-end', 'rest-vs-graphql']);
      const runtime = await HumanSessionRuntime.load(deps, entity);
      await runtime.start();
      await runtime.show({ kind: 'question', questionIndex: 0 });
      await runtime.startStream('cand-stream', 'candidate');
      const audio = new Int16Array([...speech(1500), ...new Int16Array(16 * 1200)]);
      for (let i = 0, seq = 0; i + AUDIO_FRAME_SAMPLES <= audio.length; i += AUDIO_FRAME_SAMPLES, seq++)
        runtime.pushFrame('cand-stream', 'candidate', seq, audio.subarray(i, i + AUDIO_FRAME_SAMPLES));
      for (let i = 0; i < 100 && transcriptions.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      const { payload, resolve } = transcriptions[0];
      resolve({
        seq: payload.seq,
        speaker: 'candidate',
        text: 'the server hashes the password with bcrypt and keeps the session in redis',
        startMs: 0,
        endMs: 1500,
        questionId: payload.questionId,
        answerId: payload.answerId,
        engine: 'test',
      });
      const checklists = () =>
        deps.emitted.interviewer
          .filter((e) => e.event === 'checklist:update')
          .map((e) => e.args[0] as QuestionChecklist);
      for (let i = 0; i < 100 && checklists().length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      const hashing = checklists()
        .at(-1)!
        .points.find((p) => /hashing/i.test(p.text))!;
      expect(hashing).toMatchObject({ covered: true, auto: true });
      // Only the interviewer hears the checklist.
      expect(deps.emitted.room.map((e) => e.event)).not.toContain('checklist:update');

      const overridden = await runtime.override({ questionIndex: 0, pointId: hashing.pointId, covered: false });
      expect(overridden.points.find((p) => p.pointId === hashing.pointId)).toMatchObject({ covered: false });
      expect(deps.feedback.overrides).toEqual([{ questionIndex: 0, pointId: hashing.pointId, covered: false }]);
      await expect(runtime.override({ questionIndex: 0, pointId: 'nope', covered: true })).rejects.toMatchObject({
        code: 'bad-request',
      });
      await runtime.score({ questionIndex: 0, scores: { relevance: 8, depth: 6, clarity: 7, correctness: 7.5 } });
      await runtime.note({ questionIndex: 0, text: 'Good on hashing; ask about rotation.', visibility: 'shared' });
      expect(deps.feedback.scores).toHaveLength(1);
      expect(deps.feedback.notes).toHaveLength(1);
      await expect(
        runtime.score({ questionIndex: 5, scores: { relevance: 1, depth: 1, clarity: 1, correctness: 1 } }),
      ).rejects.toMatchObject({ code: 'bad-request' });

      await runtime.end();
      expect(deps.interviews.interviews.get(entity.id)?.status).toBe('completed');
      expect(deps.interviews.answers.every((a) => a.status !== 'open')).toBe(true);
      expect(deps.queue.added.map((j) => j.name)).toEqual(
        expect.arrayContaining([JobName.AssessAnswer, JobName.MixSessionAudio]),
      );
      const [recording] = await deps.interviews.listRecordings(entity.id);
      expect(recording).toMatchObject({ speaker: 'candidate', streamId: 'cand-stream' });
      expect(recording.durationMs).toBe(audio.length / 16);
    } finally {
      deps.dispose();
    }
  }, 20_000);
});
