import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfig, loadConfig } from '@mockroom/server-config';
import { RubricEngine } from '@mockroom/assessment';
import {
  AUDIO_FRAME_SAMPLES,
  type AnswerEnding,
  type InterviewPlan,
  type InterviewStatus,
  type JobName,
  type JobPayloads,
  type JobResults,
  type Speaker,
  type TurnState,
} from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import type {
  AnswerIntent,
  CodeRunEntity,
  CodeSnapshotEntity,
  InterviewAnswerEntity,
  InterviewEntity,
  InterviewerNoteEntity,
  InterviewerScoreEntity,
  InterviewPromptEntity,
  NewAnswer,
  NewPrompt,
  NewSegment,
  RecordingEntity,
  RubricOverrideEntity,
  TranscriptSegmentEntity,
} from '@mockroom/server-database';
import { MediaStorage } from '@mockroom/server-media';
import type { AddJobOptions, AwaitJobOptions } from '@mockroom/server-queue';
import type { LiveUplink } from './audio-stream';
import type { ParticipantStreamsDeps } from './participant-streams';
import type { RecordingDeps } from './runtime-support';
import type { HumanRuntimeDeps } from './human-session-runtime';
import type { RuntimeDeps } from './interview-runtime';
import type { CodeStore, Emit, LiveSessionDeps, SessionStore } from './live-session';

/**
 * Typed fakes of what the live core depends on, for unit tests of its parts: the recordings' table in memory, the
 * live-audio channel as a log, and the real media storage in a folder of its own. Each implements exactly the slice of
 * the real collaborator the core uses, so a change to that slice breaks these at compile time, not at run time.
 */

type RecordingsSlice = RecordingDeps['interviews'];
type LiveAudioSlice = Pick<ParticipantStreamsDeps['liveAudio'], keyof LiveUplink['channel']>;

/** The recordings and transcript segments of interviews, in memory. */
export class FakeRecordings implements RecordingsSlice {
  readonly rows: RecordingEntity[] = [];
  readonly segments: TranscriptSegmentEntity[] = [];

  async listRecordings(interviewId: string): Promise<RecordingEntity[]> {
    return this.rows.filter((r) => r.interviewId === interviewId);
  }

  async findRecording(interviewId: string, speaker: Speaker, streamId: string): Promise<RecordingEntity | null> {
    return (
      this.rows.find((r) => r.interviewId === interviewId && r.speaker === speaker && r.streamId === streamId) ?? null
    );
  }

  async ensureRecording(recording: Omit<RecordingEntity, 'id' | 'createdAt' | 'durationMs'>): Promise<RecordingEntity> {
    const found = await this.findRecording(recording.interviewId, recording.speaker, recording.streamId);
    if (found) return found;
    const row = { ...recording, id: randomUUID(), createdAt: new Date(), durationMs: 0 } as RecordingEntity;
    this.rows.push(row);
    return row;
  }

  async setRecordingDuration(id: string, durationMs: number): Promise<void> {
    const row = this.rows.find((r) => r.id === id);
    if (row) row.durationMs = durationMs;
  }

  async listSegments(interviewId: string): Promise<TranscriptSegmentEntity[]> {
    return this.segments.filter((s) => s.interviewId === interviewId);
  }
}

type LiveCall =
  | { op: 'append'; key: string; samples: Int16Array; first: boolean }
  | { op: 'end'; key: string; total: number; cut: boolean; rest?: Int16Array };

/** The live-audio channel as the audio path uses it: keys, appends and ends, logged in order. */
export class FakeLiveAudio implements LiveAudioSlice {
  readonly calls: LiveCall[] = [];
  private next = 0;

  newKey(interviewId: string): string {
    return `${interviewId}:live:${this.next++}`;
  }

  async append(key: string, pcm: Int16Array, first = false): Promise<unknown> {
    this.calls.push({ op: 'append', key, samples: pcm.slice(), first });
    return undefined;
  }

  async end(key: string, samples: number, cut = false, rest?: Int16Array): Promise<unknown> {
    this.calls.push({ op: 'end', key, total: samples, cut, rest: rest?.slice() });
    return undefined;
  }

  /** The audio a worker would read under `key`: what was sent, up to the length its end gives. */
  audioOf(key: string): Int16Array {
    const parts: Int16Array[] = [];
    let total = Number.POSITIVE_INFINITY;
    for (const call of this.calls) {
      if (call.key !== key) continue;
      if (call.op === 'append') parts.push(call.samples);
      else {
        if (call.rest) parts.push(call.rest);
        total = call.total;
      }
    }
    const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out.subarray(0, Math.min(total, out.length));
  }
}

/** Everything `ParticipantStreams` needs, with the default audio limits; `dispose` removes the media folder. */
export function fakeStreamsDeps(): ParticipantStreamsDeps & {
  config: AppConfig;
  interviews: FakeRecordings;
  liveAudio: FakeLiveAudio;
  media: MediaStorage;
  dispose: () => void;
} {
  const mediaDir = mkdtempSync(join(tmpdir(), 'mockroom-core-'));
  // The product's defaults for everything the core reads; the services' addresses are never dialled here.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    REDIS_URL: 'redis://127.0.0.1:1',
    MOCKROOM_MEDIA_DIR: mediaDir,
    MOCKROOM_SECRET: process.env.MOCKROOM_SECRET ?? randomBytes(32).toString('hex'),
  });
  return {
    config,
    interviews: new FakeRecordings(),
    liveAudio: new FakeLiveAudio(),
    media: new MediaStorage(config),
    dispose: () => rmSync(mediaDir, { recursive: true, force: true }),
  };
}

/** The interviews' storage a live session uses, in memory: one interview's turn, prompts, answers and segments. */
export class FakeSessionStore extends FakeRecordings implements SessionStore {
  readonly prompts: InterviewPromptEntity[] = [];
  readonly answers: InterviewAnswerEntity[] = [];
  /** The interview's row as the store has it (status, turn, the fencing token that wrote last). */
  readonly interviews = new Map<string, { status: InterviewStatus; turn: TurnState | null; token: number }>();
  private nextSeq = new Map<string, number>();

  private row(id: string) {
    let row = this.interviews.get(id);
    if (!row) this.interviews.set(id, (row = { status: 'created', turn: null, token: 0 }));
    return row;
  }

  /** A write under a lease older than the last one is refused, as the real fence does. */
  private fenced(id: string, lease: number | null): boolean {
    const row = this.row(id);
    if (lease !== null && lease < row.token) return false;
    if (lease !== null) row.token = lease;
    return true;
  }

  async start(id: string, _startedAt: Date, turn: TurnState, lease: number | null = null): Promise<boolean> {
    const row = this.row(id);
    if (row.status !== 'created' || !this.fenced(id, lease)) return false;
    Object.assign(row, { status: 'live', turn });
    return true;
  }

  async saveTurn(id: string, turn: TurnState, lease: number | null = null): Promise<boolean> {
    if (!this.fenced(id, lease)) return false;
    this.row(id).turn = turn;
    return true;
  }

  async finish(
    id: string,
    status: Extract<InterviewStatus, 'completed' | 'abandoned'>,
    _endedAt: Date,
    turn: TurnState,
    lease: number | null = null,
  ): Promise<boolean> {
    const row = this.row(id);
    if (row.status !== 'created' && row.status !== 'live') return false;
    if (!this.fenced(id, lease)) return false;
    Object.assign(row, { status, turn });
    return true;
  }

  async allocateSeq(id: string, count = 1): Promise<number> {
    const first = this.nextSeq.get(id) ?? 0;
    this.nextSeq.set(id, first + count);
    return first;
  }

  async addPrompt(prompt: NewPrompt): Promise<InterviewPromptEntity> {
    const row = {
      ...prompt,
      lead: prompt.lead ?? null,
      audioPath: null,
      audioDurationMs: null,
    } as InterviewPromptEntity;
    this.prompts.push(row);
    return row;
  }

  async findPrompt(interviewId: string, seq: number): Promise<InterviewPromptEntity | null> {
    return this.prompts.find((p) => p.interviewId === interviewId && p.seq === seq) ?? null;
  }

  async listPrompts(interviewId: string): Promise<InterviewPromptEntity[]> {
    return this.prompts.filter((p) => p.interviewId === interviewId).sort((a, b) => a.seq - b.seq);
  }

  async createAnswer(answer: NewAnswer): Promise<InterviewAnswerEntity> {
    const row = {
      ...answer,
      id: randomUUID(),
      status: 'open',
      intent: null,
      endMs: null,
      ending: null,
      assessment: null,
      overallScore: null,
      createdAt: new Date(),
    } as InterviewAnswerEntity;
    this.answers.push(row);
    return row;
  }

  async closeAnswer(
    id: string,
    endMs: number,
    status: 'closed' | 'request',
    intent: AnswerIntent | null = null,
    ending: AnswerEnding | null = null,
  ): Promise<void> {
    const row = this.answers.find((a) => a.id === id && a.status === 'open');
    if (row) Object.assign(row, { endMs, status, intent, ending });
  }

  async withdrawPrompt(interviewId: string, seq: number, reopenAnswerId: string): Promise<boolean> {
    const opened = this.answers.find((a) => a.interviewId === interviewId && a.promptSeq === seq);
    if (opened && this.segments.some((s) => s.answerId === opened.id)) return false;
    if (opened) this.answers.splice(this.answers.indexOf(opened), 1);
    const prompt = this.prompts.findIndex((p) => p.interviewId === interviewId && p.seq === seq);
    if (prompt >= 0) this.prompts.splice(prompt, 1);
    const row = this.answers.find((a) => a.id === reopenAnswerId);
    if (row) Object.assign(row, { status: 'open', endMs: null, intent: null, ending: null, assessment: null });
    return true;
  }

  async listAnswers(interviewId: string): Promise<InterviewAnswerEntity[]> {
    return this.answers.filter((a) => a.interviewId === interviewId);
  }

  async upsertSegment(segment: NewSegment): Promise<{ segment: TranscriptSegmentEntity; created: boolean }> {
    const found = this.segments.find((s) => s.interviewId === segment.interviewId && s.seq === segment.seq);
    if (found) return { segment: found, created: false };
    const row = { ...segment, words: segment.words ?? null, createdAt: new Date() } as TranscriptSegmentEntity;
    this.segments.push(row);
    return { segment: row, created: true };
  }
}

type FeedbackSlice = HumanRuntimeDeps['feedback'];
type QueueSlice = LiveSessionDeps['queue'];

/** The interviewer's checklist overrides, scores and notes, in memory. */
export class FakeFeedback implements FeedbackSlice {
  readonly overrides: { questionIndex: number; pointId: string; covered: boolean }[] = [];
  readonly scores: InterviewerScoreEntity[] = [];
  readonly notes: InterviewerNoteEntity[] = [];

  async listOverrides(interviewId: string): Promise<RubricOverrideEntity[]> {
    return this.overrides.map((o) => ({ ...o, interviewId }) as RubricOverrideEntity);
  }

  async setOverride(_interviewId: string, questionIndex: number, pointId: string, covered: boolean | null) {
    const at = this.overrides.findIndex((o) => o.questionIndex === questionIndex && o.pointId === pointId);
    if (at >= 0) this.overrides.splice(at, 1);
    if (covered !== null) this.overrides.push({ questionIndex, pointId, covered });
  }

  async saveScores(
    interviewId: string,
    questionIndex: number,
    scores: { relevance: number; depth: number; clarity: number; correctness: number },
  ): Promise<InterviewerScoreEntity> {
    const row = { interviewId, questionIndex, ...scores, updatedAt: new Date() } as InterviewerScoreEntity;
    const at = this.scores.findIndex((s) => s.questionIndex === questionIndex);
    if (at >= 0) this.scores.splice(at, 1, row);
    else this.scores.push(row);
    return row;
  }

  async addNote(note: Parameters<HumanRuntimeDeps['feedback']['addNote']>[0]): Promise<InterviewerNoteEntity> {
    const row = { ...note, id: randomUUID(), createdAt: new Date() } as InterviewerNoteEntity;
    this.notes.push(row);
    return row;
  }

  async listNotes(): Promise<InterviewerNoteEntity[]> {
    return this.notes;
  }

  async listScores(): Promise<InterviewerScoreEntity[]> {
    return this.scores;
  }
}

type JobRunner<J extends JobName> = (payload: JobPayloads[J]) => Promise<JobResults[J]>;

/**
 * The job queue as a live session uses it: jobs are logged; an awaited job runs on the test's runner for its name
 * (none: it never finishes, as if no worker were up).
 */
export class FakeQueue implements QueueSlice {
  readonly added: { name: JobName; payload: unknown; jobId?: string }[] = [];
  private readonly runners = new Map<JobName, JobRunner<JobName>>();

  on<J extends JobName>(name: J, runner: JobRunner<J>): this {
    this.runners.set(name, runner as unknown as JobRunner<JobName>);
    return this;
  }

  async add<J extends JobName>(name: J, payload: JobPayloads[J], options: AddJobOptions = {}): Promise<string> {
    this.added.push({ name, payload, jobId: options.jobId });
    return options.jobId ?? `job.${this.added.length}`;
  }

  async addAndWait<J extends JobName>(
    name: J,
    payload: JobPayloads[J],
    options: AwaitJobOptions<J>,
  ): Promise<JobResults[J]> {
    this.added.push({ name, payload, jobId: options.jobId });
    const runner = this.runners.get(name) as JobRunner<J> | undefined;
    return runner ? runner(payload) : new Promise<JobResults[J]>(() => undefined);
  }
}

/** The editor's snapshots, in memory. */
export class FakeCodeStore implements CodeStore {
  readonly snapshots: Omit<CodeSnapshotEntity, 'createdAt'>[] = [];

  async saveSnapshot(snapshot: FakeCodeStore['snapshots'][number]): Promise<void> {
    const at = this.snapshots.findIndex(
      (s) => s.interviewId === snapshot.interviewId && s.questionId === snapshot.questionId && s.atMs === snapshot.atMs,
    );
    if (at === -1) this.snapshots.push({ ...snapshot });
    else this.snapshots[at] = { ...snapshot };
  }

  async countSnapshots(interviewId: string): Promise<number> {
    return this.snapshots.filter((s) => s.interviewId === interviewId).length;
  }

  async latestSnapshot(interviewId: string, questionId: string): Promise<CodeSnapshotEntity | null> {
    const kept = this.snapshots
      .filter((s) => s.interviewId === interviewId && s.questionId === questionId)
      .sort((a, b) => a.atMs - b.atMs)
      .at(-1);
    return kept ? ({ ...kept, createdAt: new Date() } as CodeSnapshotEntity) : null;
  }

  /** Finished runs a test puts here, newest last. */
  readonly runs: CodeRunEntity[] = [];

  async latestFinished(interviewId: string, questionId: string): Promise<CodeRunEntity | null> {
    return (
      this.runs
        .filter((r) => r.interviewId === interviewId && r.questionId === questionId && r.status === 'done')
        .at(-1) ?? null
    );
  }
}

/** What a test reads of a session's output: every event to the room, and to the interviewer alone. */
export interface Emitted {
  room: { event: string; args: unknown[] }[];
  interviewer: { event: string; args: unknown[] }[];
}

/** Everything a live session needs, faked where it touches storage, the queue or the network; real otherwise. */
export function fakeSessionDeps(): HumanRuntimeDeps &
  RuntimeDeps & {
    interviews: FakeSessionStore;
    feedback: FakeFeedback;
    queue: FakeQueue;
    liveAudio: FakeLiveAudio;
    code: FakeCodeStore;
    emitted: Emitted;
    dispose: () => void;
  } {
  const base = fakeStreamsDeps();
  const emitted: Emitted = { room: [], interviewer: [] };
  return {
    ...base,
    interviews: new FakeSessionStore(),
    feedback: new FakeFeedback(),
    queue: new FakeQueue(),
    bank: QuestionBank.load(),
    quickAssessment: new RubricEngine(),
    vocabulary: [],
    emit: ((event: string, ...args: unknown[]) => void emitted.room.push({ event, args })) as Emit,
    emitToInterviewer: ((event: string, ...args: unknown[]) => void emitted.interviewer.push({ event, args })) as Emit,
    onFinished: async () => undefined,
    clarify: async () => 'Assume a few thousand users to start with.',
    lease: { token: 1, lost: () => undefined },
    code: new FakeCodeStore(),
    emitted,
  };
}

/** A created interview as the store holds it, ready for a session to load. */
export function fakeInterview(
  kind: 'ai' | 'human',
  questionIds: string[],
  plan: Partial<InterviewPlan> = {},
): InterviewEntity {
  const turn: TurnState = {
    phase: kind === 'ai' ? 'prompting' : 'waiting',
    questionIndex: 0,
    questionCount: questionIds.length,
    followUpsAsked: 0,
    answerId: null,
    answerStartedAtMs: null,
    currentPromptSeq: null,
  };
  const entity: Partial<InterviewEntity> = {
    id: randomUUID(),
    candidateId: 'candidate-user',
    interviewerId: kind === 'human' ? 'interviewer-user' : null,
    interviewerKind: kind,
    status: 'created',
    startedAt: null,
    turn,
    plan: {
      role: 'backend',
      level: 'mid',
      trackId: null,
      title: 'Practice',
      questionIds,
      maxFollowUps: 1,
      answerSilenceMs: 5000,
      voice: 'server',
      ...plan,
    },
  };
  return entity as InterviewEntity;
}

/** `frames` 20 ms frames of a loud 220 Hz tone: speech to the endpointer. */
export function tone(frames: number): Int16Array {
  const pcm = new Int16Array(frames * AUDIO_FRAME_SAMPLES);
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(9000 * Math.sin((2 * Math.PI * 220 * i) / 16_000));
  return pcm;
}
