import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import {
  AssessmentEngine,
  clarificationReply,
  clarificationReplyWithLlm,
  createAssessmentEngine,
} from '@mockroom/assessment';
import { interviewerRoom, interviewRoom, JobName, Level, Question, ServerToClientEvents } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import {
  InterviewerFeedbackRepository,
  InterviewRepository,
  TranscriptCorrectionRepository,
  CodeRunRepository,
} from '@mockroom/server-database';
import { MediaStorage } from '@mockroom/server-media';
import { assessmentOptions } from '@mockroom/server-interviews';
import { jobId, JobQueueService, REDIS } from '@mockroom/server-queue';
import { InterviewLeases, LiveAudioChannel } from '@mockroom/server-realtime';
import type IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Namespace } from 'socket.io';
import { InterviewsService } from '../interviews.service';
import type { RuntimeDeps as InterviewRuntimeDeps } from './interview-runtime';
import { HumanSessionRuntime } from './human-session-runtime';
import { InterviewRuntime } from './interview-runtime';

/** The runtime of an AI interview or of a session run by a human interviewer. */
export type LiveRuntime = InterviewRuntime | HumanSessionRuntime;

export const DISCARDED_MESSAGE =
  'Nothing was said or typed in this interview, so it was not saved. Check your microphone, or choose typed answers, and start again.';

/** The most words of a candidate's own vocabulary (from their corrections) given to the recogniser with each question's terms. */
const CANDIDATE_VOCABULARY_MAX = 30;

/** A runtime without sockets for this long is unloaded; its state is in the database. */
const IDLE_UNLOAD_MS = 5 * 60 * 1000;
/** How long an interview's lease lives unrenewed: about how long the interview waits for a new owner after its owner died. */
export const LEASE_TTL_MS = 5000;
const RENEW_EVERY_MS = Math.round(LEASE_TTL_MS / 3);
/** At takeover, how long the transcription jobs the last owner queued (with their audio) are waited for. */
const SETTLE_JOBS_MS = 10_000;

/** The interview is run by another API process (its lease is theirs): this one relays its sockets there. */
export class OwnedElsewhere extends Error {
  constructor(
    readonly interviewId: string,
    readonly owner: string,
  ) {
    super(`interview ${interviewId} is run by process ${owner}`);
    this.name = 'OwnedElsewhere';
  }
}

/** The live interviews this API process is running, created on first join and unloaded when idle or over. */
@Injectable()
export class InterviewRuntimes implements OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger(InterviewRuntimes.name);
  private readonly runtimes = new Map<string, Promise<LiveRuntime>>();
  private readonly sockets = new Map<string, number>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private namespace: Namespace | null = null;
  /** Set when the process begins to stop: work still finishing may no longer reach Redis or the sockets. */
  private stopping = false;
  private readonly quickAssessment: AssessmentEngine = createAssessmentEngine({ engine: 'rubric' });
  /** This process, as the leases name it. */
  readonly processId = randomUUID();
  readonly leases: InterviewLeases;
  /** The leases of the runtimes this process runs, with their current fencing tokens. */
  private readonly held = new Map<string, { token: number; lost: () => void }>();
  private renewing: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly interviews: InterviewRepository,
    private readonly queue: JobQueueService,
    private readonly liveAudio: LiveAudioChannel,
    private readonly bank: QuestionBank,
    private readonly media: MediaStorage,
    private readonly service: InterviewsService,
    private readonly feedback: InterviewerFeedbackRepository,
    private readonly corrections: TranscriptCorrectionRepository,
    private readonly codeRuns: CodeRunRepository,
    @Inject(REDIS) redis: IORedis,
  ) {
    this.leases = new InterviewLeases(redis, config.redis.prefix, this.processId, LEASE_TTL_MS);
    this.logger.log(`live interviews run here as process ${this.processId}`);
    this.renewing = setInterval(() => void this.renewLeases(), RENEW_EVERY_MS);
    this.renewing.unref();
  }

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /**
   * The runtime of a live (or about to start) interview, run by this process once it holds the interview's lease; when
   * another process holds it, `OwnedElsewhere` says which.
   */
  get(id: string): Promise<LiveRuntime> {
    let runtime = this.runtimes.get(id);
    if (!runtime) {
      runtime = this.takeLease(id).then(async (lease): Promise<LiveRuntime> => {
        // What a process that ran it before left in flight: its ended utterances are stored first, its open ones dropped
        // (the restored runtime hears the recording again from the last stored segment).
        const left = await this.liveAudio.settle(id);
        if (left.ended || left.abandoned)
          this.logger.log(
            `interview ${id}: ${left.ended} utterances finished, ${left.abandoned} abandoned by its last owner`,
          );
        // Utterances it sent whole are jobs with their audio: stored first too, or the recording's replay (which
        // starts after the last stored segment) would transcribe them a second time.
        const queued = await this.queue.settle(JobName.TranscribeSegment, jobId('stt', id, ''), SETTLE_JOBS_MS);
        if (queued.finished || queued.left)
          this.logger.log(
            `interview ${id}: ${queued.finished} queued utterances of its last owner stored, ${queued.left} still queued`,
          );
        const entity = await this.service.reload(id);
        // The words this candidate taught the recogniser by correcting earlier transcripts.
        const vocabulary = entity.candidateId
          ? await this.corrections.vocabulary(entity.candidateId, CANDIDATE_VOCABULARY_MAX)
          : [];
        const common = {
          vocabulary,
          config: this.config,
          interviews: this.interviews,
          queue: this.queue,
          liveAudio: this.liveAudio,
          bank: this.bank,
          media: this.media,
          quickAssessment: this.quickAssessment,
          emit: ((event, ...args) => this.emit(id, event, ...args)) as InterviewRuntimeDeps['emit'],
          onFinished: (interviewId: string) => this.finished(interviewId),
          lease,
          code: this.codeRuns,
        };
        if (entity.interviewerKind === 'human') {
          return HumanSessionRuntime.load(
            {
              ...common,
              feedback: this.feedback,
              emitToInterviewer: ((event, ...args) =>
                this.emitToInterviewer(id, event, ...args)) as InterviewRuntimeDeps['emit'],
            },
            entity,
          );
        }
        return InterviewRuntime.load(
          { ...common, clarify: (question, utterance, level) => this.clarify(question, utterance, level) },
          entity,
        );
      });
      runtime.catch(() => {
        this.runtimes.delete(id);
        const lease = this.held.get(id);
        this.held.delete(id);
        if (lease) void this.leases.release(id, lease.token).catch(() => undefined);
      });
      this.runtimes.set(id, runtime);
    }
    return runtime;
  }

  /** Takes the interview's lease for this process, fenced above every token its writes have carried so far. */
  private async takeLease(id: string): Promise<{ readonly token: number; lost: () => void }> {
    const floor = await this.interviews.leaseToken(id);
    const lease = await this.leases.acquire(id, floor);
    if (!lease.mine) throw new OwnedElsewhere(id, lease.owner);
    const handle = { token: lease.token, lost: () => this.leaseLost(id, handle) };
    this.held.set(id, handle);
    return handle;
  }

  /**
   * Keeps this process's leases alive. One that has lapsed (Redis lost it, or a pause outlived it) is taken again when
   * it is still free, with a new token; one another process holds now is given up.
   */
  private async renewLeases(): Promise<void> {
    for (const [id, lease] of [...this.held]) {
      try {
        if (await this.leases.renew(id, lease.token)) continue;
        const again = await this.leases.acquire(id, lease.token);
        if (again.mine) lease.token = again.token;
        else lease.lost();
      } catch (error) {
        // Redis unreachable: nobody else can take the lease either; try again at the next round.
        this.logger.warn(`renewing the lease of ${id}: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Another process owns the interview now: this runtime stops without writing anything more, and this process's
   * sockets of the interview are disconnected, so they join again (and resend what the new owner has not heard).
   */
  private leaseLost(id: string, lease: { token: number }): void {
    if (this.held.get(id) !== lease) return;
    this.logger.warn(`interview ${id}: another process owns it now; handing it over`);
    this.held.delete(id);
    const runtime = this.runtimes.get(id);
    this.runtimes.delete(id);
    this.loaded.delete(id);
    void runtime?.then((r) => r.dispose()).catch(() => undefined);
    this.namespace?.in(interviewRoom(id)).local.disconnectSockets();
  }

  /** Already loaded in this process (the audio hot path must not load anything). */
  peek(id: string): LiveRuntime | null {
    return this.loaded.get(id) ?? null;
  }

  private readonly loaded = new Map<string, LiveRuntime>();

  /** A socket joined the interview: its runtime is loaded (and kept while sockets stay). */
  async joined(id: string): Promise<LiveRuntime> {
    // Counted first, so an idle unload cannot take the runtime away while it loads.
    this.sockets.set(id, (this.sockets.get(id) ?? 0) + 1);
    clearTimeout(this.idleTimers.get(id));
    this.idleTimers.delete(id);
    let runtime: LiveRuntime;
    try {
      runtime = await this.get(id);
    } catch (error) {
      // Not joined after all (another process runs it, or it could not load).
      const count = (this.sockets.get(id) ?? 1) - 1;
      if (count > 0) this.sockets.set(id, count);
      else this.sockets.delete(id);
      throw error;
    }
    this.loaded.set(id, runtime);
    return runtime;
  }

  left(id: string): void {
    const count = (this.sockets.get(id) ?? 1) - 1;
    if (count > 0) {
      this.sockets.set(id, count);
      return;
    }
    this.sockets.delete(id);
    this.idleTimers.set(
      id,
      setTimeout(() => void this.unload(id), IDLE_UNLOAD_MS),
    );
  }

  private async clarify(question: Question, utterance: string, level: Level): Promise<string> {
    if (!this.config.openai) return clarificationReply(question, utterance, level);
    const { apiKey, baseURL, model } = assessmentOptions(this.config);
    // A short budget: the candidate is waiting. On any failure the reply drawn from the question is used.
    const result = await clarificationReplyWithLlm(question, utterance, {
      llm: { apiKey, baseURL, model, timeoutMs: 6000, maxRetries: 0 },
      level,
    });
    if (result.fallbackReason) this.logger.warn(`clarification from the rules: ${result.fallbackReason}`);
    return result.value;
  }

  private emit<E extends keyof ServerToClientEvents>(
    id: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    if (this.stopping) return;
    this.namespace?.to(interviewRoom(id)).emit(event, ...args);
  }

  private emitToInterviewer<E extends keyof ServerToClientEvents>(
    id: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    if (this.stopping) return;
    this.namespace?.to(interviewerRoom(id)).emit(event, ...args);
  }

  private async finished(id: string): Promise<void> {
    if (this.stopping) return;
    const entity = await this.service.reload(id);
    // An AI interview in which the candidate never said (or typed) a word has nothing to review: it is not kept as a
    // "completed, not scored" entry in their history.
    if (entity.interviewerKind === 'ai' && (await this.service.discardIfEmpty(entity))) {
      this.emit(id, 'interview:discarded', { interviewId: id, message: DISCARDED_MESSAGE });
      setTimeout(() => void this.unload(id), 60_000).unref();
      return;
    }
    this.emit(id, 'interview:completed', await this.service.snapshot(entity));
    setTimeout(() => void this.unload(id), 60_000).unref();
  }

  private async unload(id: string): Promise<void> {
    if (this.sockets.get(id)) return;
    const runtime = await this.runtimes.get(id)?.catch(() => null);
    this.runtimes.delete(id);
    this.loaded.delete(id);
    this.idleTimers.delete(id);
    await runtime?.dispose().catch((error: Error) => this.logger.warn(error.message));
    const lease = this.held.get(id);
    this.held.delete(id);
    if (lease) await this.leases.release(id, lease.token).catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.stopping = true;
    if (this.renewing) clearInterval(this.renewing);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    await Promise.all(
      [...this.runtimes.values()].map((r) => r.then((runtime) => runtime.dispose()).catch(() => undefined)),
    );
    this.runtimes.clear();
    this.loaded.clear();
    // Stopping on purpose: the interviews are free for another process at once, not after their leases lapse.
    await Promise.all([...this.held].map(([id, lease]) => this.leases.release(id, lease.token).catch(() => undefined)));
    this.held.clear();
  }
}
