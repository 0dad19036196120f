import type { Logger } from '@nestjs/common';
import { MAX_CODE_CHARS, type CodeDocView, type CodeLanguage, type CodeSnapshot } from '@mockroom/contracts';
import { codingTaskFor, type CodingTask } from '@mockroom/question-bank';
import type { CodeRunRepository } from '@mockroom/server-database';
import { CodeDocError, CodeDocs, type CodeDocState } from './code-docs';
import { SessionCommandError } from './runtime-support';

/** The part of the coding rounds' storage a live session uses. */
export type CodeStore = Pick<
  CodeRunRepository,
  'saveSnapshot' | 'countSnapshots' | 'latestSnapshot' | 'latestFinished'
>;

/** Snapshots one interview may keep: hours of typing at the pace they are kept (one per pause in the typing). */
export const MAX_CODE_SNAPSHOTS = 20_000;
/** The editor's text is kept this long after the last edit, so a burst of typing is one snapshot. */
export const KEEP_AFTER_MS = 400;

export interface SessionCodeHooks {
  /** Milliseconds since the interview started. */
  nowMs(): number;
  isLive(): boolean;
  /** The interview's questions, in order. */
  questionIds(): readonly string[];
  /** An edit was taken (or the document was loaded again, with a new epoch): watchers apply `update`. */
  onSync(sync: { questionId: string; epoch: string; update: Uint8Array }): void;
}

/**
 * The editors of one live interview: a shared document per coding question that the candidate's browser edits
 * (`CodeDocs`), the text kept as snapshots for the review's replay once typing pauses, and the latest text per question
 * for the interviewer's questions. One per `LiveSession`, as `ParticipantStreams` is for audio.
 */
export class SessionCode {
  private readonly docs = new CodeDocs(MAX_CODE_CHARS);
  private readonly latest = new Map<string, CodeSnapshot>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private snapshotCount: number | null = null;
  /** Keeping a snapshot goes after the one before it. */
  private keeping: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: { code: CodeStore },
    private readonly interviewId: string,
    private readonly hooks: SessionCodeHooks,
    private readonly logger: Logger,
  ) {}

  /** The candidate's latest code for a question, as last kept or edited. */
  current(questionId: string): CodeSnapshot | undefined {
    return this.latest.get(questionId);
  }

  /** The whole document of a question's editor, to load (on join, after a reload, or after a refused edit). */
  async state(questionId: string): Promise<CodeDocView> {
    const task = this.taskOf(questionId);
    if (!this.docs.has(questionId) && !this.latest.has(questionId)) {
      const kept = await this.deps.code.latestSnapshot(this.interviewId, questionId);
      if (kept && !this.latest.has(questionId)) this.latest.set(questionId, kept);
    }
    return view(
      questionId,
      task,
      this.docs.state(questionId, () => this.latest.get(questionId) ?? null),
    );
  }

  /** An edit of the candidate's copy `epoch` of the document: taken, passed on to watchers, kept once typing pauses. */
  sync(sync: { questionId: string; epoch: string; update: Uint8Array }): { atMs: number } {
    if (!this.hooks.isLive())
      throw new SessionCommandError('not-live', 'The interview is not running: the code was not kept.');
    const task = this.taskOf(sync.questionId);
    let state: { code: string; language: string | null };
    try {
      state = this.docs.apply(sync.questionId, sync.epoch, sync.update);
    } catch (error) {
      if (!(error instanceof CodeDocError)) throw error;
      // The document may have been loaded again: watchers take the new copy.
      const now = this.docs.state(sync.questionId, () => this.latest.get(sync.questionId) ?? null);
      if (now.epoch !== sync.epoch)
        this.hooks.onSync({ questionId: sync.questionId, epoch: now.epoch, update: now.update });
      throw new SessionCommandError(error.reason, error.message);
    }
    this.hooks.onSync(sync);
    const atMs = Math.max(0, Math.round(this.hooks.nowMs()));
    const language = languageOf(task, state.language, this.latest.get(sync.questionId)?.language);
    this.latest.set(sync.questionId, { questionId: sync.questionId, language, code: state.code, atMs });
    this.keepSoon(sync.questionId);
    return { atMs };
  }

  /** Keeps what is waiting now (the interview is ending). */
  async flush(): Promise<void> {
    for (const [questionId, timer] of this.pending) {
      clearTimeout(timer);
      this.keep(questionId);
    }
    this.pending.clear();
    await this.keeping;
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.docs.dispose();
  }

  private taskOf(questionId: string): CodingTask {
    const task = codingTaskFor(questionId);
    if (!task || !this.hooks.questionIds().includes(questionId))
      throw new SessionCommandError('bad-request', 'That question has no code editor in this interview.');
    return task;
  }

  private keepSoon(questionId: string): void {
    clearTimeout(this.pending.get(questionId));
    const timer = setTimeout(() => {
      this.pending.delete(questionId);
      this.keep(questionId);
    }, KEEP_AFTER_MS);
    timer.unref();
    this.pending.set(questionId, timer);
  }

  /** Stores the question's latest text as a snapshot, at the moment of its last edit. */
  private keep(questionId: string): void {
    const snapshot = this.latest.get(questionId);
    if (!snapshot) return;
    this.keeping = this.keeping
      .then(async () => {
        this.snapshotCount ??= await this.deps.code.countSnapshots(this.interviewId);
        if (this.snapshotCount >= MAX_CODE_SNAPSHOTS) return;
        await this.deps.code.saveSnapshot({ interviewId: this.interviewId, ...snapshot });
        this.snapshotCount++;
      })
      .catch((error: Error) => this.logger.warn(`code of ${questionId} not kept: ${error.message}`));
  }
}

/** The language the document names, if the question takes it; otherwise the one before, or the question's first. */
function languageOf(task: CodingTask, named: string | null, before: CodeLanguage | undefined): CodeLanguage {
  const allowed = task.languages as readonly string[];
  if (named && allowed.includes(named)) return named as CodeLanguage;
  return before ?? task.languages[0];
}

function view(questionId: string, task: CodingTask, state: CodeDocState): CodeDocView {
  const language =
    state.language && (task.languages as readonly string[]).includes(state.language) ? state.language : null;
  return { questionId, epoch: state.epoch, update: state.update, language: language as CodeLanguage | null };
}
