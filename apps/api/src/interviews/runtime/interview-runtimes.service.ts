import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { AssessmentEngine, clarificationReply, clarificationReplyWithLlm, createAssessmentEngine } from '@mockroom/assessment';
import { interviewerRoom, interviewRoom, Level, Question, ServerToClientEvents } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { InterviewerFeedbackRepository, InterviewRepository, TranscriptCorrectionRepository } from '@mockroom/server-database';
import { MediaStorage } from '@mockroom/server-media';
import { assessmentOptions } from '@mockroom/server-jobs';
import { JobQueueService } from '@mockroom/server-queue';
import { LiveAudioChannel } from '@mockroom/server-realtime';
import type { Namespace } from 'socket.io';
import { InterviewsService } from '../interviews.service';
import type { RuntimeDeps as InterviewRuntimeDeps } from './interview-runtime';
import { HumanSessionRuntime } from './human-session-runtime';
import { InterviewRuntime } from './interview-runtime';

/** The runtime of an AI interview or of a session run by a human interviewer. */
export type LiveRuntime = InterviewRuntime | HumanSessionRuntime;

export const DISCARDED_MESSAGE = 'Nothing was said or typed in this interview, so it was not saved. Check your microphone, or choose typed answers, and start again.';

/** The most words of a candidate's own vocabulary (from their corrections) given to the recogniser with each question's terms. */
const CANDIDATE_VOCABULARY_MAX = 30;

/** A runtime without sockets for this long is unloaded; its state is in the database. */
const IDLE_UNLOAD_MS = 5 * 60 * 1000;

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
  ) {}

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /** The runtime of a live (or about to start) interview. */
  get(id: string): Promise<LiveRuntime> {
    let runtime = this.runtimes.get(id);
    if (!runtime) {
      runtime = this.service.reload(id).then(async (entity): Promise<LiveRuntime> => {
        // The words this candidate taught the recogniser by correcting earlier transcripts.
        const vocabulary = entity.candidateId ? await this.corrections.vocabulary(entity.candidateId, CANDIDATE_VOCABULARY_MAX) : [];
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
        };
        if (entity.interviewerKind === 'human') {
          return HumanSessionRuntime.load(
            { ...common, feedback: this.feedback, emitToInterviewer: ((event, ...args) => this.emitToInterviewer(id, event, ...args)) as InterviewRuntimeDeps['emit'] },
            entity,
          );
        }
        return InterviewRuntime.load({ ...common, clarify: (question, utterance, level) => this.clarify(question, utterance, level) }, entity);
      });
      runtime.catch(() => this.runtimes.delete(id));
      this.runtimes.set(id, runtime);
    }
    return runtime;
  }

  /** Already loaded in this process (the audio hot path must not load anything). */
  peek(id: string): LiveRuntime | null {
    return this.loaded.get(id) ?? null;
  }

  private readonly loaded = new Map<string, LiveRuntime>();

  async joined(id: string): Promise<LiveRuntime> {
    this.sockets.set(id, (this.sockets.get(id) ?? 0) + 1);
    clearTimeout(this.idleTimers.get(id));
    this.idleTimers.delete(id);
    const runtime = await this.get(id);
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
    const result = await clarificationReplyWithLlm(question, utterance, { llm: { apiKey, baseURL, model, timeoutMs: 6000, maxRetries: 0 }, level });
    if (result.fallbackReason) this.logger.warn(`clarification from the rules: ${result.fallbackReason}`);
    return result.value;
  }

  private emit<E extends keyof ServerToClientEvents>(id: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
    if (this.stopping) return;
    this.namespace?.to(interviewRoom(id)).emit(event, ...args);
  }

  private emitToInterviewer<E extends keyof ServerToClientEvents>(id: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
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
  }

  onModuleDestroy(): void {
    this.stopping = true;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    await Promise.all([...this.runtimes.values()].map((r) => r.then((runtime) => runtime.dispose()).catch(() => undefined)));
    this.runtimes.clear();
    this.loaded.clear();
  }
}
