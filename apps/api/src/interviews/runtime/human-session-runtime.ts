import { decideTurnEnd, type Assessment } from '@mockroom/assessment';
import {
  ChecklistPoint,
  CodePoint,
  ConsoleState,
  InterviewerNote,
  InterviewerScore,
  JobName,
  NoteCommand,
  Prompt,
  Question,
  QuestionChecklist,
  RubricOverrideCommand,
  ScoreCommand,
  ShowPromptCommand,
  Speaker,
  TurnState,
} from '@mockroom/contracts';
import type {
  InterviewEntity,
  InterviewerFeedbackRepository,
  InterviewerNoteEntity,
  InterviewerScoreEntity,
} from '@mockroom/server-database';
import { jobId } from '@mockroom/server-queue';
import type { Utterance } from './audio-stream';
import { type Emit, LiveSession, type LiveSessionDeps, sleep } from './live-session';
import { planQuestions, segmentEndContour, SessionCommandError } from './runtime-support';

export { SessionCommandError } from './runtime-support';

export interface HumanRuntimeDeps extends LiveSessionDeps {
  feedback: Pick<
    InterviewerFeedbackRepository,
    'listOverrides' | 'setOverride' | 'saveScores' | 'addNote' | 'listNotes' | 'listScores'
  >;
  /** To the interviewer's sockets only: rubric, scores and notes never reach the candidate. */
  emitToInterviewer: Emit;
}

/** How long showing a prompt waits for the closing answer's last words to be transcribed. */
const SETTLE_MS = 4000;
const TRANSCRIBE_TIMEOUT_MS = 90_000;

interface OpenAnswer {
  id: string;
  questionIndex: number;
}

function toScore(row: InterviewerScoreEntity): InterviewerScore {
  return {
    questionIndex: row.questionIndex,
    scores: { relevance: row.relevance, depth: row.depth, clarity: row.clarity, correctness: row.correctness },
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toNote(row: InterviewerNoteEntity): InterviewerNote {
  return {
    id: row.id,
    questionIndex: row.questionIndex,
    text: row.text,
    visibility: row.visibility,
    atMs: row.atMs,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A session run by a human interviewer, in this API process: both participants' audio streams (each transcribed with
 * its speaker), the question on the candidate's screen, and the interviewer's checklist, which the engine ticks as the
 * candidate covers rubric points. The interviewer decides everything else. State changes run one at a time.
 */
export class HumanSessionRuntime extends LiveSession<HumanRuntimeDeps> {
  readonly kind = 'human' as const;
  private answer: OpenAnswer | null = null;
  /** The candidate's transcribed words per question, by transcript position. */
  private readonly said = new Map<number, Map<number, string>>();
  /** The engine's judgement of each asked question's rubric, from what the candidate said so far. */
  private readonly auto = new Map<number, Assessment>();
  private readonly overrides = new Map<string, boolean>();
  private readonly pending = new Set<Promise<unknown>>();
  /** How the candidate's voice ended on their last words (fell, or stayed level), when the audio tells. */
  private candidateContour: { falling: boolean } | null = null;

  private constructor(deps: HumanRuntimeDeps, entity: InterviewEntity, questions: Question[], turn: TurnState) {
    super(deps, entity, questions, turn, 'Session');
  }

  static async load(deps: HumanRuntimeDeps, entity: InterviewEntity): Promise<HumanSessionRuntime> {
    const runtime = new HumanSessionRuntime(deps, entity, planQuestions(deps.bank, entity), entity.turn);
    await runtime.restore();
    return runtime;
  }

  get interviewerId(): string | null {
    return this.entity.interviewerId;
  }

  /** A candidate accepted the invitation after this runtime was loaded. */
  candidateJoined(candidateId: string): void {
    if (!this.entity.candidateId) this.entity = { ...this.entity, candidateId };
  }

  private async restore(): Promise<void> {
    for (const row of await this.deps.feedback.listOverrides(this.id))
      this.overrides.set(`${row.questionIndex}:${row.pointId}`, row.covered);
    if (this.entity.status !== 'live') return;
    await this.audio.restore();
    const [answers, segments] = await Promise.all([
      this.deps.interviews.listAnswers(this.id),
      this.deps.interviews.listSegments(this.id),
    ]);
    const open = answers.find((a) => a.status === 'open');
    if (open) this.answer = { id: open.id, questionIndex: open.questionIndex };
    const questionOf = new Map(answers.map((a) => [a.id, a.questionIndex]));
    for (const segment of segments) {
      const index = segment.answerId ? questionOf.get(segment.answerId) : undefined;
      if (segment.speaker === 'candidate' && index !== undefined && segment.text)
        this.heard(index, segment.seq, segment.text);
    }
    await Promise.all([...this.said.keys()].map((index) => this.judge(index)));
  }

  // ---- the interviewer's commands (their shape is checked before they get here: live-events.ts) ----

  /**
   * created → live. No question is shown yet: the interviewer greets the candidate and shows the first question when
   * ready (showing it here as well made the console's first click skip to question 2).
   */
  start(): Promise<TurnState> {
    return this.run(async () => {
      if (this.entity.status !== 'created') return this.turn;
      if (!this.entity.candidateId)
        throw new SessionCommandError(
          'no-candidate',
          'Nobody has accepted the invitation yet: send the link to your candidate first.',
        );
      const startedAt = new Date();
      const turn: TurnState = { ...this.turn, phase: 'waiting' };
      if (!(await this.deps.interviews.start(this.id, startedAt, turn, this.deps.lease.token))) return this.turn;
      this.entity = { ...this.entity, status: 'live', startedAt };
      this.startedAtEpoch = startedAt.getTime();
      this.setTurn({ phase: 'waiting' });
      return this.turn;
    });
  }

  /** Shows a question of the plan (the next one, or again an earlier one), or a follow-up to the current one, on the candidate's screen. */
  show(command: ShowPromptCommand): Promise<Prompt> {
    return this.run(async () => {
      this.assertLive();
      const index = command.questionIndex;
      if (command.kind === 'question') return this.prompt('question', index, this.questionAt(index).text);
      if (index !== this.turn.questionIndex)
        throw new SessionCommandError('bad-request', 'A follow-up belongs to the question on screen.');
      const text = command.text ?? '';
      this.setTurn({ followUpsAsked: this.turn.followUpsAsked + 1 });
      return this.prompt('follow-up', index, text);
    });
  }

  private async prompt(kind: 'question' | 'follow-up', index: number, text: string): Promise<Prompt> {
    await this.closeAnswer();
    const question = this.questions[index];
    const seq = await this.deps.interviews.allocateSeq(this.id);
    const atMs = Math.max(this.nowMs(), this.audio.latestMs);
    await this.deps.interviews.addPrompt({
      interviewId: this.id,
      seq,
      kind,
      questionId: question.id,
      questionIndex: index,
      text,
      atMs,
    });
    const row = await this.deps.interviews.createAnswer({
      interviewId: this.id,
      questionId: question.id,
      questionIndex: index,
      kind: kind === 'question' ? 'answer' : 'follow-up',
      promptSeq: seq,
      startMs: atMs,
    });
    this.answer = { id: row.id, questionIndex: index };
    if (kind === 'question' && index !== this.turn.questionIndex) this.setTurn({ followUpsAsked: 0 });
    this.setTurn({
      phase: 'listening',
      questionIndex: index,
      answerId: row.id,
      currentPromptSeq: seq,
      answerStartedAtMs: atMs,
    });
    await this.saveTurn();
    const prompt: Prompt = {
      seq,
      kind,
      questionId: question.id,
      questionIndex: index,
      text,
      atMs,
      audioUrl: null,
      audioDurationMs: null,
    };
    this.deps.emit('prompt', prompt);
    if (!this.auto.has(index)) await this.judge(index);
    // The console's suggestions follow the question on screen.
    this.deps.emitToInterviewer('console:state', await this.consoleState());
    return prompt;
  }

  /** Closes the answer on screen; it is scored in the background (the interviewer never waits for it). */
  private async closeAnswer(): Promise<void> {
    const answer = this.answer;
    if (!answer) return;
    this.answer = null;
    await this.settle();
    await this.deps.interviews.closeAnswer(answer.id, Math.max(this.nowMs(), this.audio.latestMs), 'closed');
    if (this.said.get(answer.questionIndex)?.size) {
      this.assessments.push(
        this.deps.queue
          .addAndWait(
            JobName.AssessAnswer,
            { interviewId: this.id, answerId: answer.id },
            { jobId: jobId('assess', answer.id) },
            120_000,
          )
          .catch((error: Error) => this.logger.warn(`assessment of ${answer.id} failed: ${error.message}`)),
      );
    }
  }

  /**
   * Waits (a short, bounded time) for segments still being transcribed, so the answer is closed with its words. The
   * interviewer is waiting for their next prompt to show, so not long: a segment that comes later is still stored
   * with its answer.
   */
  private async settle(): Promise<void> {
    this.audio.flush();
    await Promise.race([Promise.all([...this.pending]), sleep(SETTLE_MS)]);
  }

  override(command: RubricOverrideCommand): Promise<QuestionChecklist> {
    return this.run(async () => {
      this.assertStarted();
      const { questionIndex, pointId, covered } = command;
      const question = this.questionAt(questionIndex);
      if (!question.rubric.some((p) => p.id === pointId))
        throw new SessionCommandError('bad-request', 'No such rubric point in this question.');
      await this.deps.feedback.setOverride(this.id, questionIndex, pointId, covered);
      if (covered === null) this.overrides.delete(`${questionIndex}:${pointId}`);
      else this.overrides.set(`${questionIndex}:${pointId}`, covered);
      const checklist = this.checklist(questionIndex);
      this.deps.emitToInterviewer('checklist:update', checklist);
      return checklist;
    });
  }

  score(command: ScoreCommand): Promise<InterviewerScore> {
    return this.run(async () => {
      this.assertStarted();
      this.questionAt(command.questionIndex);
      const row = await this.deps.feedback.saveScores(this.id, command.questionIndex, command.scores);
      return toScore(row);
    });
  }

  note(command: NoteCommand): Promise<InterviewerNote> {
    return this.run(async () => {
      this.assertStarted(true);
      if (command.questionIndex !== null) this.questionAt(command.questionIndex);
      const row = await this.deps.feedback.addNote({
        interviewId: this.id,
        questionIndex: command.questionIndex,
        text: command.text,
        visibility: command.visibility,
        atMs: Math.round(this.nowMs()),
      });
      return toNote(row);
    });
  }

  /** Everything the console shows, for the interviewer joining or rejoining. */
  /** The interviewer watches the candidate's code as it is written. */
  protected override onCodeSync(sync: { questionId: string; epoch: string; update: Uint8Array }): void {
    this.deps.emitToInterviewer('code:sync', sync);
  }

  /** The interviewer points at a line of the candidate's code; both see it. */
  async codePoint(point: CodePoint): Promise<CodePoint> {
    if (this.ended || this.entity.status !== 'live')
      throw new SessionCommandError('not-live', 'The session is not running.');
    if (!this.questions.some((q) => q.id === point.questionId))
      throw new SessionCommandError('bad-request', 'That question has no code editor in this session.');
    this.deps.emit('code:point', point);
    return point;
  }

  async consoleState(): Promise<ConsoleState> {
    const [notes, scores] = await Promise.all([
      this.deps.feedback.listNotes(this.id, false),
      this.deps.feedback.listScores(this.id),
    ]);
    const asked = new Set([...this.auto.keys(), this.turn.questionIndex]);
    const current = this.questions[this.turn.questionIndex];
    const gap = this.auto.get(this.turn.questionIndex)?.followUp?.text;
    return {
      checklists: [...asked].sort((a, b) => a - b).map((index) => this.checklist(index)),
      notes: notes.map(toNote),
      scores: scores.map(toScore),
      suggestions: {
        questionIndex: this.turn.questionIndex,
        followUps: [...new Set([...(gap ? [gap] : []), ...current.followUps])].slice(0, 5),
      },
    };
  }

  /** Ends the session (the interviewer's call): the last answer is closed, everything is scored, the review follows. */
  end(): Promise<void> {
    return this.run(async () => {
      if (this.ended) return;
      if (this.entity.status === 'live') await this.closeAnswer();
      await this.finishSession(this.entity.status === 'live' ? 'completed' : 'abandoned');
    });
  }

  private assertLive(): void {
    if (this.ended) throw new SessionCommandError('session-ended', 'This session has ended.');
    if (this.entity.status !== 'live') throw new SessionCommandError('not-started', 'Start the session first.');
  }

  /** Scores and overrides may be given once the session started, and after it ended (the review is still to come). */
  private assertStarted(notesBeforeStart = false): void {
    if (this.entity.status === 'created' && !notesBeforeStart)
      throw new SessionCommandError('not-started', 'Start the session first.');
  }

  private questionAt(index: unknown): Question {
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= this.questions.length) {
      throw new SessionCommandError('bad-request', `questionIndex must be between 0 and ${this.questions.length - 1}.`);
    }
    return this.questions[index];
  }

  // ---- audio ----

  /**
   * Whether the other side of `speaker` listens over the built-in transport (their browser is not in the LiveKit room,
   * or left it): then audio the agent brings from the room must be relayed to them over the socket.
   */
  relaysRoomAudioOf(speaker: Speaker): boolean {
    return !this.audio.inRoom(speaker === 'candidate' ? 'interviewer' : 'candidate');
  }

  /** Each participant's speech is transcribed while it is spoken, once the session runs. */
  mayStream(): boolean {
    return this.entity.status === 'live';
  }

  onStreaming(speaker: Speaker, live: { startMs: number; liveKey: string }): void {
    this.transcribe(speaker, live);
  }

  onUtterance(speaker: Speaker, utterance: Utterance): void {
    // How the candidate's voice ended, for the "still thinking / done" reading the console shows.
    if (speaker === 'candidate' && !utterance.speaking) this.candidateContour = segmentEndContour(utterance);
    if (!utterance.streamed)
      this.transcribe(speaker, { startMs: utterance.startMs, endMs: utterance.endMs, pcm: utterance.pcm });
  }

  onRecordingProblem(problem: { code: string; message: string }): void {
    this.deps.emit('error', { code: problem.code, message: problem.message, event: 'audio:frame' });
  }

  /**
   * One utterance of either participant becomes a transcription job (started while it is spoken, or with its whole
   * audio); the candidate's words then tick the checklist.
   */
  private transcribe(
    speaker: Speaker,
    audio: { startMs: number; liveKey: string } | { startMs: number; endMs: number; pcm: Int16Array },
  ): void {
    const answer = speaker === 'candidate' ? this.answer : null;
    const questionIndex = answer?.questionIndex ?? this.turn.questionIndex;
    const question = this.questions[questionIndex];
    const work = (async () => {
      const seq = await this.deps.interviews.allocateSeq(this.id);
      const segment = await this.deps.queue.addAndWait(
        JobName.TranscribeSegment,
        {
          interviewId: this.id,
          seq,
          speaker,
          answerId: answer?.id ?? null,
          questionId: question?.id ?? null,
          startMs: Math.round(audio.startMs),
          ...('liveKey' in audio
            ? { endMs: Math.round(audio.startMs), liveKey: audio.liveKey }
            : {
                endMs: Math.round(audio.endMs),
                audio: Buffer.from(audio.pcm.buffer, audio.pcm.byteOffset, audio.pcm.byteLength).toString('base64'),
              }),
          hints: [...(question?.keyTerms ?? []), ...(speaker === 'candidate' ? this.deps.vocabulary : [])],
        },
        { jobId: jobId('stt', this.id, seq) },
        TRANSCRIBE_TIMEOUT_MS,
      );
      if (speaker === 'candidate' && answer && segment.text) {
        this.heard(questionIndex, segment.seq, segment.text);
        // Not awaited here: a prompt being shown waits for pending transcriptions (settle), and this runs after it.
        void this.run(async () => {
          const before = JSON.stringify(this.checklist(questionIndex));
          await this.judge(questionIndex);
          const after = this.checklist(questionIndex);
          if (JSON.stringify(after) !== before) this.deps.emitToInterviewer('checklist:update', after);
          // Whether the candidate seems done or is still thinking, as the AI interviewer would judge it.
          const decision = decideTurnEnd({
            text: this.saidTo(questionIndex),
            coverage: { covered: after.points.filter((p) => p.covered).length, total: after.points.length },
            patienceMs: this.entity.plan.answerSilenceMs,
            prosody: this.candidateContour,
          });
          this.deps.emitToInterviewer('candidate:listening', {
            questionIndex,
            state: decision.state,
            reasons: decision.reasons,
          });
        });
      }
    })().catch((error: Error) => this.logger.warn(`a ${speaker} segment was not transcribed: ${error.message}`));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private heard(questionIndex: number, seq: number, text: string): void {
    let words = this.said.get(questionIndex);
    if (!words) this.said.set(questionIndex, (words = new Map()));
    words.set(seq, text);
  }

  /** Everything the candidate said to one question, in order. */
  private saidTo(questionIndex: number): string {
    return [...(this.said.get(questionIndex)?.entries() ?? [])]
      .sort(([a], [b]) => a - b)
      .map(([, text]) => text)
      .join(' ');
  }

  /** The engine's reading of everything the candidate said to one question (quick, in process). */
  private async judge(questionIndex: number): Promise<void> {
    const question = this.questions[questionIndex];
    this.auto.set(
      questionIndex,
      await this.deps.quickAssessment.assess({
        question,
        transcript: this.saidTo(questionIndex),
        level: this.entity.plan.level,
      }),
    );
  }

  private checklist(questionIndex: number): QuestionChecklist {
    const question = this.questions[questionIndex];
    const judged = new Map((this.auto.get(questionIndex)?.rubric ?? []).map((r) => [r.pointId, r]));
    const points: ChecklistPoint[] = question.rubric.map((point) => {
      const auto = judged.get(point.id);
      const override = this.overrides.get(`${questionIndex}:${point.id}`) ?? null;
      const ticked = auto?.covered ?? false;
      return {
        pointId: point.id,
        text: point.text,
        auto: ticked,
        evidence: ticked ? (auto?.evidence?.quote ?? null) : null,
        override,
        covered: override ?? ticked,
      };
    });
    return { questionIndex, points };
  }
}
