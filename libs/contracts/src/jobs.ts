import type { Assessment } from './assessment';
import type { CodeRunView } from './coding';
import type { ResumeKind, ResumeProfile, ResumeRefusal } from './resume';
import type { AnswerResult, Speaker } from './interview';
import type { LiveTranscriptSegment } from './realtime';

/**
 * Every background job the system runs: its name, its queue and its payload type.
 * Adding a job here without a handler in the worker stops the worker at start-up.
 */
export enum QueueName {
  Transcription = 'transcription',
  Speech = 'speech',
  Assessment = 'assessment',
  Maintenance = 'maintenance',
  /** Candidates' code run in the sandbox: its own queue, so runs never wait behind speech and scale with workers. */
  Code = 'code',
  /** Uploaded documents read in the worker (never in the API), one at a time per worker. */
  Documents = 'documents',
}

export enum JobName {
  TranscribeSegment = 'transcription.segment',
  SynthesizePrompt = 'speech.synthesize-prompt',
  AssessAnswer = 'assessment.answer',
  PurgeExpiredSessions = 'auth.purge-expired-sessions',
  AbandonIdleInterviews = 'interviews.abandon-idle',
  MixSessionAudio = 'review.mix-session-audio',
  RunCode = 'code.run',
  ReadResume = 'documents.read-resume',
}

/** A segment to transcribe: its audio whole, or the key of the live-audio list it is still arriving through. */
export type TranscribeSegmentPayload = {
  interviewId: string;
  seq: number;
  speaker: Speaker;
  answerId: string | null;
  questionId: string | null;
  startMs: number;
  /** For whole audio; a live utterance's end follows from its length. */
  endMs: number;
  /** Vocabulary the speaker is likely to use (the question's key terms). */
  hints: string[];
} & (
  | {
      /** The whole utterance: 16 kHz mono Int16LE PCM, base64. */
      audio: string;
      liveKey?: never;
    }
  | {
      /** An utterance still being spoken: its audio arrives through this live-audio list (see LiveAudioChannel). */
      liveKey: string;
      audio?: never;
    }
);

export interface JobPayloads {
  [JobName.TranscribeSegment]: TranscribeSegmentPayload;
  [JobName.SynthesizePrompt]: { interviewId: string; seq: number; text: string };
  [JobName.AssessAnswer]: { interviewId: string; answerId: string };
  [JobName.PurgeExpiredSessions]: { olderThan?: string };
  [JobName.AbandonIdleInterviews]: { idleMinutes?: number };
  /** Mixes a finished interview's voices for its review, so the first opening does not wait for it. */
  [JobName.MixSessionAudio]: { interviewId: string };
  /** A stored run (code_runs) to execute against its question's tests. */
  [JobName.RunCode]: { runId: string };
  /** An uploaded résumé, base64: read and understood, nothing stored (the API stores it once it is read). */
  [JobName.ReadResume]: { fileName: string; data: string };
}

export interface JobResults {
  /** The stored segment, with the engine's time for it. */
  [JobName.TranscribeSegment]: LiveTranscriptSegment;
  [JobName.SynthesizePrompt]: { seq: number; audioUrl: string; audioDurationMs: number } | null;
  /** The stored result, and the engine's full assessment (its shape belongs to the assessment library). */
  [JobName.AssessAnswer]: { answer: AnswerResult; assessment: Assessment } | null;
  [JobName.PurgeExpiredSessions]: { deleted: number };
  [JobName.AbandonIdleInterviews]: { abandoned: number };
  [JobName.MixSessionAudio]: { durationMs: number } | null;
  /** The finished run, or null when it was gone or already taken. */
  [JobName.RunCode]: CodeRunView | null;
  [JobName.ReadResume]:
    | { ok: true; kind: ResumeKind; text: string; profile: ResumeProfile }
    | { ok: false; reason: ResumeRefusal; message: string };
}

/**
 * What a job reports while it runs, for whoever awaits it (none for most). A segment transcribed while spoken reports
 * the recogniser's best guess so far each time it changes: the live turn hears words before the segment ends.
 */
export interface JobProgress {
  [JobName.TranscribeSegment]: { seq: number; partial: string };
}

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  [JobName.TranscribeSegment]: QueueName.Transcription,
  [JobName.SynthesizePrompt]: QueueName.Speech,
  [JobName.AssessAnswer]: QueueName.Assessment,
  [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
  [JobName.AbandonIdleInterviews]: QueueName.Maintenance,
  [JobName.MixSessionAudio]: QueueName.Maintenance,
  [JobName.RunCode]: QueueName.Code,
  [JobName.ReadResume]: QueueName.Documents,
};
