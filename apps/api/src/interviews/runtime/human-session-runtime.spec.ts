import { RubricEngine } from '@mockroom/assessment';
import { AUDIO_FRAME_SAMPLES, type LiveTranscriptSegment, type TurnState } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import type { InterviewEntity } from '@mockroom/server-database';
import { HumanSessionRuntime, type HumanRuntimeDeps } from './human-session-runtime';

/**
 * The runtime on its own, with its storage and queue faked (the unit under test is the turn logic): showing the next
 * question while one of the candidate's segments is still being transcribed must not wait on itself.
 */
const bank = QuestionBank.load();
const turn: TurnState = {
  phase: 'waiting',
  questionIndex: 0,
  questionCount: 2,
  followUpsAsked: 0,
  answerId: null,
  answerStartedAtMs: null,
  currentPromptSeq: null,
};

function fakeDeps() {
  let seq = 0;
  const transcriptions: {
    resolve: (segment: LiveTranscriptSegment) => void;
    payload: { seq: number; speaker: string };
  }[] = [];
  const emitted: string[] = [];
  const deps = {
    config: {
      interviews: { segmentSilenceMs: 600 },
      audio: {
        streamsPerSpeaker: 4,
        newStreamsPerMinute: 30,
        maxRate: 1000,
        burstMs: 12_000,
        maxRecordingMinutes: 180,
      },
    },
    interviews: {
      start: async () => true,
      allocateSeq: async () => seq++,
      addPrompt: async () => undefined,
      createAnswer: async () => ({ id: `answer-${seq}` }),
      closeAnswer: async () => undefined,
      saveTurn: async () => true,
      ensureRecording: async () => ({ id: 'rec' }),
      listRecordings: async () => [],
      findRecording: async () => null,
      setRecordingDuration: async () => undefined,
    },
    feedback: { listOverrides: async () => [], listNotes: async () => [], listScores: async () => [] },
    queue: {
      add: async () => 'job',
      addAndWait: (name: string, payload: { seq: number; speaker: string }) =>
        name === 'transcription.segment'
          ? new Promise((resolve) => transcriptions.push({ resolve, payload }))
          : Promise.resolve(null),
    },
    liveAudio: { newKey: () => `live-${seq}`, append: async () => 1, end: async () => [] },
    media: {
      relativePath: (_id: string, name: string) => name,
      appendStream: async () => ({
        write: () => true,
        end: (cb: () => void) => cb(),
        once: () => undefined,
        on: () => undefined,
      }),
      size: async () => 0,
    },
    bank,
    quickAssessment: new RubricEngine(),
    vocabulary: [],
    emit: (event: string) => emitted.push(event),
    emitToInterviewer: (event: string) => emitted.push(`interviewer:${event}`),
    onFinished: async () => undefined,
    lease: { token: 1, lost: () => undefined },
  } as unknown as HumanRuntimeDeps;
  return { deps, transcriptions, emitted };
}

function speech(ms: number): Int16Array {
  return Int16Array.from({ length: (ms * 16) | 0 }, (_, i) =>
    Math.round(6000 * Math.sin(i / 3) * (1 + Math.sin(i / 900))),
  );
}

describe('HumanSessionRuntime', () => {
  it('shows the next question once pending transcriptions finish, without waiting on its own checklist update', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const { deps, transcriptions, emitted } = fakeDeps();
      const entity = {
        id: '00000000-0000-4000-8000-000000000001',
        candidateId: 'candidate',
        interviewerId: 'interviewer',
        interviewerKind: 'human',
        status: 'created',
        startedAt: null,
        plan: { questionIds: ['authentication-sessions-end-to-end', 'rest-vs-graphql'], level: 'mid' },
        turn,
      } as unknown as InterviewEntity;
      const runtime = await HumanSessionRuntime.load(deps, entity);
      // Starting shows nothing by itself: the interviewer shows the first question.
      expect(await runtime.start()).toMatchObject({ phase: 'waiting' });
      expect(emitted).not.toContain('prompt');
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
      expect(emitted).toContain('prompt');
    } finally {
      jest.useRealTimers();
    }
  }, 10_000);
});
