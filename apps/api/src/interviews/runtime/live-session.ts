import { Logger } from '@nestjs/common';
import type { AssessmentEngine } from '@mockroom/assessment';
import {
  type AudioStreamAccepted,
  type CodeDocView,
  JobName,
  type Question,
  type ServerToClientEvents,
  type Speaker,
  type TurnState,
} from '@mockroom/contracts';
import type { QuestionBank } from '@mockroom/question-bank';
import type { AppConfig } from '@mockroom/server-config';
import type { InterviewEntity, InterviewRepository } from '@mockroom/server-database';
import { jobId, type JobQueueService } from '@mockroom/server-queue';
import type { LiveAudioChannel } from '@mockroom/server-realtime';
import type { CodeSyncPayload } from '../live-events';
import { type CodeStore, SessionCode } from './session-code';

export type { CodeStore } from './session-code';
import type { FrameResult } from './audio-limits';
import type { Utterance } from './audio-stream';
import { type ParticipantAudioHooks, ParticipantStreams } from './participant-streams';
import { type RecordingDeps, type RuntimeLease, saveTurnFenced, SessionCommandError } from './runtime-support';

export type Emit = <E extends keyof ServerToClientEvents>(
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
) => void;

/** The part of the interviews' storage a live session uses. */
export type SessionStore = Pick<
  InterviewRepository,
  | 'start'
  | 'saveTurn'
  | 'finish'
  | 'allocateSeq'
  | 'addPrompt'
  | 'findPrompt'
  | 'listPrompts'
  | 'createAnswer'
  | 'closeAnswer'
  | 'withdrawPrompt'
  | 'listAnswers'
  | 'upsertSegment'
  | 'listSegments'
  | 'ensureRecording'
  | 'findRecording'
  | 'listRecordings'
  | 'setRecordingDuration'
>;

/** What every live session needs, whoever interviews (each the slice it uses, so tests can give typed fakes). */
export interface LiveSessionDeps {
  config: AppConfig;
  interviews: SessionStore;
  queue: Pick<JobQueueService, 'add' | 'addAndWait'>;
  /** Carries an utterance's audio to the worker while it is spoken. */
  liveAudio: Pick<LiveAudioChannel, 'newKey' | 'append' | 'end'>;
  bank: QuestionBank;
  media: RecordingDeps['media'];
  /** The offline rubric engine: the AI interviewer decides in time with it, the console's checklist ticks with it. */
  quickAssessment: AssessmentEngine;
  /** The candidate's own words (from their corrections of earlier transcripts), given to the recogniser as hints. */
  vocabulary: readonly string[];
  /** To everyone in the interview's room. */
  emit: Emit;
  /** Called once the interview has ended and its answers are assessed (or the wait timed out). */
  onFinished: (interviewId: string) => Promise<void>;
  /** This process's lease on the interview: its token fences every write of the turn. */
  lease: RuntimeLease;
  code: CodeStore;
}

/** How long ending an interview waits for the scores still being computed before the summary goes out. */
const FINISH_SCORES_WAIT_MS = 30_000;

/**
 * One live interview in this API process, whoever interviews: its participants' audio, its turn (kept in the database
 * after every step, fenced by this process's lease), its clock, its one-at-a-time chain of changes, and its ending.
 * Who interviews is the subclass, a policy over this core: the AI interviewer (`InterviewRuntime`: prompts, requests,
 * assessment, decisions) or a person at the console (`HumanSessionRuntime`: show, checklist, overrides, scores, notes).
 * Another kind of session (a peer mock, a coding round) is another policy, not another copy of the core.
 */
export abstract class LiveSession<D extends LiveSessionDeps = LiveSessionDeps> implements ParticipantAudioHooks {
  abstract readonly kind: 'ai' | 'human';
  protected readonly logger: Logger;
  /** The participants' audio: their streams, recordings and limits, and the way each one's audio comes. */
  readonly audio: ParticipantStreams;
  private chain: Promise<unknown> = Promise.resolve();
  protected startedAtEpoch: number | null;
  /** Scores being computed in the background: the ending waits for them, within reason. */
  protected readonly assessments: Promise<unknown>[] = [];
  ended: boolean;
  /** The editors of the coding questions: shared documents, their history kept for the review. */
  readonly editors: SessionCode;

  protected constructor(
    protected readonly deps: D,
    protected entity: InterviewEntity,
    protected readonly questions: Question[],
    public turn: TurnState,
    label: string,
  ) {
    this.logger = new Logger(`${label} ${entity.id.slice(0, 8)}`);
    this.audio = new ParticipantStreams(deps, entity.id, this, this.logger);
    this.editors = new SessionCode(
      deps,
      entity.id,
      {
        nowMs: () => this.nowMs(),
        isLive: () => this.entity.status === 'live' && !this.ended,
        questionIds: () => this.questions.map((q) => q.id),
        onSync: (sync) => this.onCodeSync(sync),
      },
      this.logger,
    );
    this.startedAtEpoch = entity.startedAt?.getTime() ?? null;
    this.ended = entity.status === 'completed' || entity.status === 'abandoned';
  }

  get id(): string {
    return this.entity.id;
  }

  get candidateId(): string | null {
    return this.entity.candidateId;
  }

  /** Runs a change after the ones before it: audio, commands and job results never interleave. */
  protected run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    // A refused command is the caller's answer, not a fault of ours.
    this.chain = next.catch((error: Error) =>
      error instanceof SessionCommandError ? undefined : this.logger.error(error.stack ?? error.message),
    );
    return next;
  }

  /** Milliseconds since the interview started, by the wall clock. */
  protected nowMs(): number {
    return this.startedAtEpoch === null ? 0 : Date.now() - this.startedAtEpoch;
  }

  protected setTurn(patch: Partial<TurnState>): void {
    this.turn = { ...this.turn, ...patch };
    this.deps.emit('interview:state', this.turn);
  }

  protected async saveTurn(): Promise<void> {
    await saveTurnFenced(this.deps, this.id, this.turn);
  }

  // ---- the editors of coding questions ----

  /** A question's editor, whole, to load. */
  codeState(questionId: string): Promise<CodeDocView> {
    return this.editors.state(questionId);
  }

  /** The candidate's edit of a question's editor. */
  async codeSync(sync: CodeSyncPayload): Promise<{ atMs: number }> {
    if (this.ended) throw new SessionCommandError('not-live', 'The interview is not running: the code was not kept.');
    return this.editors.sync(sync);
  }

  /** The policy's turn to pass an edit on (a human interviewer watches; the AI reads the code when it asks). */
  protected onCodeSync(_sync: { questionId: string; epoch: string; update: Uint8Array }): void {
    // Nothing by default.
  }

  // ---- audio, the same for every kind of session ----

  /** Opens (or resumes) a participant's stream (see `ParticipantStreams.open`). */
  startStream(streamId: string, speaker: Speaker, viaAgent = false): Promise<AudioStreamAccepted> {
    return this.audio.open(speaker, streamId, viaAgent, this.entity.status === 'live');
  }

  hasStream(streamId: string, speaker: Speaker): boolean {
    return this.audio.has(speaker, streamId);
  }

  /** Which way a participant's audio comes: the other way's frames are not taken, so nothing is heard twice. */
  setRoute(speaker: Speaker, route: 'room' | 'socket'): void {
    this.audio.setRoute(speaker, route);
  }

  /** The hot path: one 20 ms frame. Whether it was taken (and if not, why), and the frame number to acknowledge. */
  pushFrame(streamId: string, speaker: Speaker, seq: number, pcm: Int16Array): FrameResult {
    if (this.ended) return { accepted: false, ackSeq: null, refused: null };
    const result = this.audio.push(speaker, streamId, seq, pcm, this.entity.status === 'live' ? this.nowMs() : null);
    if (result.accepted) this.afterFrame();
    return result;
  }

  /** After each frame taken (the AI interviewer watches the silence on the audio's clock here). */
  protected afterFrame(): void {}

  abstract onUtterance(speaker: Speaker, utterance: Utterance): void;
  abstract mayStream(speaker: Speaker): boolean;
  abstract onStreaming(speaker: Speaker, live: { startMs: number; liveKey: string }): void;
  abstract onRecordingProblem(problem: { code: string; message: string }): void;

  // ---- the end ----

  /**
   * The interview is over: its turn is stored as done (with `status`), the recordings are closed, the review's audio is
   * queued, and once the scores still being computed are in (or the wait ran out), `onFinished` sends the summary.
   */
  protected async finishSession(status: 'completed' | 'abandoned'): Promise<void> {
    this.ended = true;
    this.setTurn({ phase: 'done', answerId: null });
    await this.deps.interviews.finish(this.id, status, new Date(), this.turn, this.deps.lease.token);
    this.entity = { ...this.entity, status };
    await this.audio.closeAll();
    await this.editors.flush();
    // The review's audio is made ahead of its first opening; the closing line's voice queues its own mix when ready.
    await this.deps.queue
      .add(JobName.MixSessionAudio, { interviewId: this.id }, { jobId: jobId('mix', this.id) })
      .catch((error: Error) => this.logger.warn(`could not queue the session mix: ${error.message}`));
    await Promise.race([Promise.all(this.assessments), sleep(FINISH_SCORES_WAIT_MS)]);
    await this.deps.onFinished(this.id);
  }

  /** This process lets the interview go (it ended, or another process owns it now): the recordings are closed. */
  async dispose(): Promise<void> {
    await this.audio.closeAll();
    await this.editors.flush();
    this.editors.dispose();
  }
}

/** A wait that does not keep a stopping process alive (the waits here bound other work). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
