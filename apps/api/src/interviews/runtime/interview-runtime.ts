import {
  codeFollowUp,
  answerBudgetMs,
  Assessment,
  asksForTime,
  classifyUtterance,
  CLOSING_LINE,
  decideInterjection,
  decideNext,
  decideTurnEnd,
  type Interjection,
  openingLine,
  redirectText,
  repeatText,
  resumePoint,
  type TurnEndDecision,
} from '@mockroom/assessment';
import {
  AnswerEnding,
  JobName,
  Level,
  Prompt,
  PromptKind,
  Question,
  realWords,
  Speaker,
  TranscriptSegment,
  TurnState,
  TYPED_ANSWER_ENGINE,
  VoiceActivity,
} from '@mockroom/contracts';
import { codingTaskFor } from '@mockroom/question-bank';
import type { AnswerIntent, InterviewEntity } from '@mockroom/server-database';
import { jobId } from '@mockroom/server-queue';
import type { Utterance } from './audio-stream';
import { LiveSession, type LiveSessionDeps, sleep } from './live-session';
import { planQuestions, segmentEndContour, SessionCommandError } from './runtime-support';

export interface RuntimeDeps extends LiveSessionDeps {
  /** The interviewer's answer to a clarifying question (the LLM when configured, else drawn from the question). */
  clarify: (question: Question, utterance: string, level: Level) => Promise<string>;
}

/** Short answers that are really requests ("could you repeat that?") are at most this long. */
const REQUEST_MAX_WORDS = 25;
const TRANSCRIBE_TIMEOUT_MS = 90_000;
const COUNTDOWN_EVERY_MS = 1000;
/**
 * While the answer's last words are still being transcribed, the pause is not judged on what was said before them (a
 * person hears the last words before deciding): the end waits for their transcript, at most this much longer.
 */
export const LAST_WORDS_WAIT_MS = 4000;
/** Waits between attempts at a storage step that failed; about half a minute in all. */
const STORE_RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 15_000];
const WARN_EVERY_MS = 5000;
/** What the interviewer says when a silence has lasted its patience while the candidate seemed to be thinking. */
export const NUDGE_TEXT = 'Take your time. Would you like me to repeat the question?';
/**
 * Speech over the interviewer's voice takes the turn by its words, as people tell an interruption from listening: once
 * this much of it is voiced and the live transcript has words that are more than a backchannel ("sorry, could you…";
 * not "okay", "right", nor a cough or a door, of which the recogniser makes a stray word or two at most: "if", "thank").
 * The browser stops the voice by its own, alike rule (three words); this is the turn on the server and the voice over
 * LiveKit. A second of voice: a long "mm-hmm" (its live words a recogniser's guess, "i'm a major") is shorter, and a real
 * interruption's words take about that long to be heard anyway, while the page has held the voice since 150 ms in.
 */
export const BARGE_IN_CONFIRM_MS = 1000;
export const BARGE_IN_WORDS = 2;
/** Sound that goes on this long takes the turn whatever its words (the recogniser could not make them out yet). */
export const BARGE_IN_LONG_MS = 1500;
/** How often one prompt is taken up again after a backchannel stopped it (a candidate who keeps saying "mm-hmm"). */
export const MAX_PROMPT_RESUMES = 2;
/** A prompt taken up again that no client reports as played is taken as heard this long after it should have ended. */
const RESUME_GRACE_MS = 5000;
/** Speaking time of a prompt with no audio of its own (the browser's voice), per word: as the page estimates it. */
const BROWSER_VOICE_MS_PER_WORD = 420;
/** The interviewer cuts in only at a pause of at least this much (not at a breath between phrases). */
export const INTERJECT_AFTER_MS = 700;
/**
 * Speech that starts this soon after an answer was taken as ended by its pause (counted from the next prompt, or from
 * the end while the interviewer still decides) goes on with that answer rather than answering the prompt, which the
 * candidate cannot have heard yet.
 */
export const GO_ON_WINDOW_MS = 2000;
/** …once this much of it is voiced: a cough, an "okay" or a "mm-hmm" is shorter, and the prompt carries on. */
export const GO_ON_CONFIRM_MS = 1000;
/** A reply to the nudge that asks for the question again. */
const YES_TO_NUDGE = /^(?:yes|yeah|yep|sure|please|ok|okay|go ahead)\b/i;

/** With nothing said at all, the nudge comes after this long (three times the patience, at least 15 s). */
function silentStartNudgeMs(patienceMs: number): number {
  return Math.max(15_000, 3 * patienceMs);
}

interface OpenAnswer {
  id: string;
  kind: 'answer' | 'follow-up';
  promptSeq: number;
  /** The text the candidate is answering (question or follow-up), for "repeat". */
  askedText: string;
  startMs: number;
  /** Seq allocation and job submission, in speech order. */
  dispatch: Promise<void>;
  pending: Promise<TranscriptSegment | null>[];
  transcribed: Map<number, string>;
  segmentCount: number;
  /** Segments that could not be stored or transcribed (the candidate was told). */
  lost: number;
  closing: boolean;
  /** How the voice ended on the last words so far (fell, or stayed level), when the audio tells. */
  contour: { falling: boolean } | null;
  /** The interviewer brought this answer back to the question once (it went off topic). */
  redirected: boolean;
  /** How often the candidate went on after its end was taken (see `GoOn`). */
  wentOn: number;
}

/**
 * An answer the interviewer took as ended by its pause, while the candidate may still go on with it: what is needed to
 * take the next prompt back and give the answer back.
 */
interface GoOn {
  answer: OpenAnswer;
  /** On the timeline: when the answer was taken as ended, and when the next prompt began (once it has). */
  endedAtMs: number;
  promptAtMs: number | null;
  promptSeq: number | null;
  /** The pause that was taken as the end: the candidate's breath, if they go on. */
  pauseMs: number | null;
  /** The turn and the answer's own state as they were before it ended. */
  questionIndex: number;
  followUpsAsked: string[];
  answerStartedAtMs: number | null;
  nudged: boolean;
  nudgeSeq: number | null;
  interjection: PendingInterjection;
}

/** The interviewer means to cut in at the next pause (the answer ran long, or off the question), or did. */
type PendingInterjection = { answerId: string; decision: Interjection; done: boolean } | null;

interface PendingAudio {
  startMs: number;
  endMs: number;
  pcm: Int16Array;
}

/**
 * One live AI interview in this API process: the candidate's audio streams, the answer being given,
 * and the interviewer's decisions. State changes run one at a time (a promise chain); audio frames are
 * handled synchronously on the hot path and only hand finished segments to the chain.
 */
export class InterviewRuntime extends LiveSession<RuntimeDeps> {
  readonly kind = 'ai' as const;
  private answer: OpenAnswer | null = null;
  private carryOver: PendingAudio[] = [];
  private speaking = false;
  private lastSpeechEndMs: number | null = null;
  private timelineMs = 0;
  /** When the candidate last edited code, on the audio's clock: typing is answering too, so it is not silence. */
  private lastEditMs: number | null = null;
  private lastActivityAt = 0;
  private lastCue: 'speaking' | 'quiet' | 'countdown' | null = null;
  private answerEnding = false;
  /** The interviewer's reading of the current pause (after each of the answer's segments), and whether it nudged. */
  private turnEnd: TurnEndDecision | null = null;
  /** The longest pause this candidate went on after although their answer read as finished (see `decideTurnEnd`). */
  private resumedAfterMs: number | null = null;
  private nudged = false;
  /** The interviewer means to cut in at the next pause (the answer ran long, or off the question), or did. */
  private interjection: PendingInterjection = null;
  /** The nudge's place in the interview: what the candidate says after it may answer it. */
  private nudgeSeq: number | null = null;
  /**
   * The prompt the candidate's sound stopped, and how far into its voice, until that sound's words are known: only a
   * backchannel ("mm-hmm", "okay") gives the turn back, and the prompt goes on from the sentence it was stopped in.
   */
  private interruption: { seq: number; atMs: number; answerId: string } | null = null;
  /**
   * The server took the turn from this prompt by the candidate's speech over it (their page or the room's voice may say
   * only afterwards how far the voice had got): a backchannel can still give it back.
   */
  private talkedOver: { seq: number; answerId: string } | null = null;
  private resumes = 0;
  /** A prompt taken up again: past this point on the timeline it is heard, whether or not a client said so. */
  private resumeDeadlineMs: number | null = null;
  /** Speech began over the interviewer's voice here; it takes the turn once `BARGE_IN_CONFIRM_MS` of it is voiced. */
  private bargeInFromMs: number | null = null;
  /** The live transcript of the speech over the interviewer's voice (the recogniser's best guess so far). */
  private bargeInWords = '';
  private endingSilenceMs: number | null = null;
  private followUpsAsked: string[] = [];
  private readonly warnedAt = new Map<string, number>();
  /** The answer last taken as ended by its pause, while the candidate may still go on with it. */
  private goOn: GoOn | null = null;
  /** Speech began within the window after such an end: it goes on with that answer once it lasts. */
  private goingOn: { fromMs: number; interrupted: { seq: number; atMs: number | null } | null } | null = null;
  private reopening = false;

  private constructor(deps: RuntimeDeps, entity: InterviewEntity, questions: Question[], turn: TurnState) {
    super(deps, entity, questions, turn, 'Interview');
  }

  static async load(deps: RuntimeDeps, entity: InterviewEntity): Promise<InterviewRuntime> {
    const runtime = new InterviewRuntime(deps, entity, planQuestions(deps.bank, entity), entity.turn);
    await runtime.restore();
    return runtime;
  }

  /** Picks up where the interview was (after a reload, a restart, or on another API instance). */
  private async restore(): Promise<void> {
    if (this.entity.status !== 'live') return;
    await this.audio.restore();
    const [answers, prompts] = await Promise.all([
      this.deps.interviews.listAnswers(this.id),
      this.deps.interviews.listPrompts(this.id),
    ]);
    this.followUpsAsked = prompts
      .filter((p) => p.kind === 'follow-up' && p.questionIndex === this.turn.questionIndex)
      .map((p) => p.text);
    const open = answers.find((a) => a.status === 'open');
    if (open) {
      const prompt = prompts.find((p) => p.seq === open.promptSeq);
      this.answer = this.newOpenAnswer(open.id, open.kind, open.promptSeq, prompt?.text ?? '', open.startMs);
      const segments = await this.deps.interviews.listSegments(this.id);
      for (const s of segments.filter((s) => s.answerId === open.id)) {
        this.answer.transcribed.set(s.seq, s.text);
        this.answer.segmentCount++;
      }
      this.setTurn({ phase: 'listening', answerId: open.id });
    }
  }

  // ---- commands from the candidate ----

  start(): Promise<TurnState> {
    return this.run(async () => {
      if (this.entity.status !== 'created') return this.turn;
      const startedAt = new Date();
      const turn: TurnState = { ...this.turn, phase: 'prompting' };
      if (!(await this.deps.interviews.start(this.id, startedAt, turn, this.deps.lease.token))) return this.turn;
      this.entity = { ...this.entity, status: 'live', startedAt };
      this.startedAtEpoch = startedAt.getTime();
      // A greeting and the plan, then the first question.
      await this.ask(
        0,
        openingLine({ questionCount: this.questions.length, maxFollowUps: this.entity.plan.maxFollowUps }),
      );
      return this.turn;
    });
  }

  /** Silence is watched on the audio's own clock: after each frame. */
  protected override afterFrame(): void {
    if (this.audio.latestMs > this.timelineMs) this.timelineMs = this.audio.latestMs;
    this.checkSilence();
  }

  answerDone(): Promise<void> {
    return this.run(() => this.endAnswer('done'));
  }

  /**
   * A typed answer (no microphone, a noisy room, or by choice): stored as the answer's transcript, labelled as typed
   * so it is assessed like a spoken one without speech analytics, and the answer ends as on "I'm done".
   */
  typedAnswer(text: string): Promise<TranscriptSegment> {
    return this.run(async () => {
      const answer = this.answer;
      if (this.ended) throw new SessionCommandError('session-ended', 'This interview has ended.');
      if (this.entity.status !== 'live') throw new SessionCommandError('not-started', 'Start the interview first.');
      if (!answer || answer.closing || (this.turn.phase !== 'listening' && this.turn.phase !== 'prompting')) {
        throw new SessionCommandError('not-listening', 'The interviewer is not waiting for an answer right now.');
      }
      const seq = await this.retrying(() => this.deps.interviews.allocateSeq(this.id));
      const atMs = Math.max(this.nowMs(), this.timelineMs, answer.startMs);
      const question = this.questions[this.turn.questionIndex];
      const { segment } = await this.retrying(() =>
        this.deps.interviews.upsertSegment({
          interviewId: this.id,
          seq,
          speaker: 'candidate',
          answerId: answer.id,
          questionId: question.id,
          startMs: atMs,
          endMs: atMs,
          text,
          engine: TYPED_ANSWER_ENGINE,
        }),
      );
      const dto: TranscriptSegment = {
        seq,
        speaker: 'candidate',
        text,
        startMs: segment.startMs,
        endMs: segment.endMs,
        questionId: question.id,
        answerId: answer.id,
        engine: TYPED_ANSWER_ENGINE,
      };
      answer.segmentCount++;
      answer.transcribed.set(seq, text);
      this.deps.emit('transcript:segment', dto);
      if (atMs > this.timelineMs) this.timelineMs = atMs;
      // Next in the chain, not awaited here: the reply means "stored", and the decision may take a while (the last
      // answer waits for the summary).
      void this.run(() => (this.answer === answer ? this.endAnswer('typed') : Promise.resolve()));
      return dto;
    });
  }

  promptPlayed(seq: number): void {
    if (this.turn.phase === 'prompting' && this.turn.currentPromptSeq === seq) {
      this.resumeDeadlineMs = null;
      this.setTurn({ phase: 'listening', answerStartedAtMs: this.timelineMs });
    }
  }

  /** The page stopped the interviewer's voice for the candidate's sound, `atMs` into the prompt (when it says where). */
  promptInterrupted(seq: number, atMs: number | null = null): void {
    if (this.goingOn && this.goOn?.promptSeq === seq) {
      // The page stopped the voice for speech that may be the candidate going on with their answer: decided once it
      // lasts (the prompt is taken back) or ends (this interruption then counts as usual).
      this.goingOn.interrupted = { seq, atMs };
      return;
    }
    const answer = this.answer;
    const stoppedHere = this.turn.phase === 'prompting' && this.turn.currentPromptSeq === seq;
    // Or the server had already taken the turn from it by the speech over it, and hears now where the voice stopped.
    const takenHere =
      this.turn.phase === 'listening' &&
      this.talkedOver?.seq === seq &&
      this.talkedOver.answerId === answer?.id &&
      !this.interruption;
    if (atMs !== null && answer && !answer.closing && (stoppedHere || takenHere) && this.resumes < MAX_PROMPT_RESUMES) {
      this.interruption = { seq, atMs, answerId: answer.id };
    }
    this.promptPlayed(seq);
  }

  /** Ends the interview now (the candidate pressed "End interview"). */
  end(): Promise<void> {
    return this.run(async () => {
      if (this.ended) return;
      if (this.entity.status === 'created') {
        await this.finish();
        return;
      }
      if (this.answer) {
        this.audio.flush();
        await this.settle(this.answer);
        const text = this.answerText(this.answer);
        await this.deps.interviews.closeAnswer(
          this.answer.id,
          this.timelineMs,
          text ? 'closed' : 'request',
          text ? null : 'skip',
          this.ending('interview-end'),
        );
        if (text) this.assessments.push(this.scoreInBackground(this.answer.id));
        this.answer = null;
      }
      await this.finish();
    });
  }

  // ---- audio events ----

  onSpeechStart(_speaker: Speaker, atMs: number): void {
    // Going on after a pause that read as finished: that pause is this candidate's breath, and is waited past from now on.
    const answer = this.answer;
    const state = this.turnEnd?.state;
    if (
      this.turn.phase === 'listening' &&
      answer &&
      !answer.closing &&
      answer.segmentCount > 0 &&
      this.lastSpeechEndMs !== null &&
      (state === 'done' || state === 'unsure')
    ) {
      const pauseMs = atMs - this.lastSpeechEndMs;
      if (pauseMs > 0 && pauseMs < this.entity.plan.answerSilenceMs)
        this.resumedAfterMs = Math.max(this.resumedAfterMs ?? 0, pauseMs);
    }
    this.speaking = true;
    // Right after an answer was taken as ended: the candidate may be going on with it (checkSilence confirms it).
    const goOn = this.goOn;
    if (goOn && !this.ended && atMs >= goOn.endedAtMs && atMs - (goOn.promptAtMs ?? goOn.endedAtMs) <= GO_ON_WINDOW_MS)
      this.goingOn = { fromMs: atMs, interrupted: null };
    // Over the interviewer's voice, speech must last before it counts as taking the turn: a "mm-hmm", a cough or a
    // click does not stop the interviewer (checkSilence confirms it).
    if (this.turn.phase === 'prompting') {
      this.bargeInFromMs = atMs;
      this.bargeInWords = '';
    }
  }

  onUtterance(_speaker: Speaker, utterance: Utterance): void {
    // An utterance cut at the maximum length ends while the candidate is still talking.
    this.speaking = utterance.speaking;
    if (!this.speaking) {
      // The silence after the last word counts from the word, not from the end of the utterance's post-roll.
      this.lastSpeechEndMs = utterance.speechEndMs;
      this.bargeInFromMs = null; // it ended before it was long enough to interrupt
      // Too short to be going on with the answer (a cough, an "okay"): the prompt is what it answers, as usual.
      if (this.goingOn && !this.reopening) this.notGoingOn();
      // How the voice ended, for the reading of this pause.
      if (this.answer && !this.answer.closing) this.answer.contour = segmentEndContour(utterance);
    }
    if (!utterance.streamed) this.onSegment({ startMs: utterance.startMs, endMs: utterance.endMs, pcm: utterance.pcm });
  }

  /**
   * Once an utterance's speech is confirmed, its transcription job starts and its audio follows as it is spoken, so when
   * it ends only the last moment is left to decode. Utterances spoken while no answer is open (the interviewer is
   * deciding) wait for the next answer and are sent whole.
   */
  mayStream(): boolean {
    const answer = this.answer;
    // Speech that may be going on with the last answer travels once it is known which answer it belongs to.
    return answer !== null && !answer.closing && this.turn.phase !== 'thinking' && this.goingOn === null;
  }

  onStreaming(_speaker: Speaker, live: { startMs: number; liveKey: string }): void {
    if (this.answer) this.dispatch(this.answer, live);
  }

  private onSegment(audio: PendingAudio): void {
    const answer = this.answer;
    if (!answer || answer.closing || this.turn.phase === 'thinking' || this.goingOn) {
      // Spoken while the interviewer decides: it belongs to the next answer. Or it may be the candidate going on with
      // the last one (a reopen is on its way, behind a busy chain): held until that is known.
      this.carryOver.push(audio);
      return;
    }
    this.dispatch(answer, audio);
  }

  private dispatch(answer: OpenAnswer, audio: PendingAudio | { startMs: number; liveKey: string }): void {
    answer.segmentCount++;
    const question = this.questions[this.turn.questionIndex];
    let resolveDone!: (segment: TranscriptSegment | null) => void;
    answer.pending.push(new Promise((resolve) => (resolveDone = resolve)));
    const lost = (error: Error) => {
      answer.lost++;
      this.logger.warn(`a segment of answer ${answer.id} was not transcribed: ${error.message}`);
      this.warn(
        'segment-lost',
        'Part of your answer could not be transcribed. It is still in the recording; you may want to say it again.',
      );
      resolveDone(null);
      void this.run(() => this.afterTranscript(answer));
    };
    answer.dispatch = answer.dispatch
      .then(async () => {
        let seq: number;
        try {
          // The sequence number is the segment's identity; without it nothing can be stored, so wait out a busy database.
          seq = await this.retrying(() => this.deps.interviews.allocateSeq(this.id));
        } catch (error) {
          return lost(error as Error);
        }
        const payload = {
          interviewId: this.id,
          seq,
          speaker: 'candidate' as const,
          answerId: answer.id,
          questionId: question.id,
          startMs: Math.round(audio.startMs),
          ...('liveKey' in audio
            ? { endMs: Math.round(audio.startMs), liveKey: audio.liveKey }
            : {
                endMs: Math.round(audio.endMs),
                audio: Buffer.from(audio.pcm.buffer, audio.pcm.byteOffset, audio.pcm.byteLength).toString('base64'),
              }),
          hints: [...question.keyTerms, ...this.deps.vocabulary],
        };
        // Not awaited: the next segment may be submitted while this one is transcribed.
        this.deps.queue
          .addAndWait(
            JobName.TranscribeSegment,
            payload,
            { jobId: jobId('stt', this.id, seq), onProgress: (progress) => this.onPartial(progress.partial) },
            TRANSCRIBE_TIMEOUT_MS,
          )
          .then((segment) => {
            answer.transcribed.set(segment.seq, segment.text);
            resolveDone(segment);
            void this.run(() => this.afterTranscript(answer));
          }, lost);
      })
      .catch((error: Error) => this.logger.error(error.stack ?? error.message));
  }

  /** Runs a storage step again while it fails (pool exhausted, failover), telling the candidate once that we are slow. */
  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (attempt >= STORE_RETRY_DELAYS_MS.length || this.ended) throw error;
        if (attempt === 0) {
          this.logger.warn(`storage is busy, retrying: ${(error as Error).message}`);
          this.warn('server-busy', 'The server is busy; your answer is kept and will be transcribed in a moment.');
        }
        await sleep(STORE_RETRY_DELAYS_MS[attempt]);
      }
    }
  }

  /** An error event to the room (at most one per code every few seconds): the candidate should know, nothing crashes. */
  private warn(code: string, message: string): void {
    const now = Date.now();
    if ((this.warnedAt.get(code) ?? 0) > now - WARN_EVERY_MS) return;
    this.warnedAt.set(code, now);
    this.deps.emit('error', { code, message, event: 'audio:frame' });
  }

  onRecordingProblem(problem: { code: string; message: string }): void {
    this.warn(problem.code, problem.message);
  }

  /**
   * After each segment: a short first utterance may be a request rather than an answer (acted on at once); otherwise
   * the interviewer judges the pause from what was said so far, which sets how long a silence ends the answer.
   */
  private async afterTranscript(answer: OpenAnswer): Promise<void> {
    if (this.answer !== answer || answer.closing || this.speaking) return;
    if (answer.transcribed.size + answer.lost !== answer.segmentCount) return;
    const text = this.answerText(answer);
    if (this.interruption?.answerId === answer.id) {
      // What stopped the interviewer was only a backchannel or a noise: the prompt goes on.
      if (answer.lost === 0 && realWords(text) < BARGE_IN_WORDS) return this.giveTurnBack(answer);
      this.interruption = null;
    }
    // "Yes, please" to "Would you like me to repeat the question?"
    const sinceNudge = this.nudgeSeq === null ? '' : this.answerText(answer, this.nudgeSeq);
    if (sinceNudge && sinceNudge.split(/\s+/).length <= 6 && YES_TO_NUDGE.test(sinceNudge))
      return this.endAnswer('request', 'repeat');
    // Asking for time is not a request to act on: the answer stays open, and the wait grows.
    if (text && text.split(/\s+/).length <= REQUEST_MAX_WORDS && !asksForTime(text)) {
      const intent = classifyUtterance(text);
      if (intent !== 'answer') return this.endAnswer('request', intent);
    }
    const question = this.questions[this.turn.questionIndex];
    // Its segments go with it: the pauses between them are the sentence breaks a recogniser does not write.
    const quick = text
      ? await this.deps.quickAssessment.assess({
          question,
          transcript: text,
          segments: this.answerSegments(answer),
          level: this.entity.plan.level,
        })
      : null;
    if (this.answer !== answer || answer.closing || this.speaking) return;
    const coverage = quick
      ? { covered: quick.rubric.filter((r) => r.covered).length, total: quick.rubric.length }
      : null;
    this.considerInterjection(answer, question, text, quick, coverage?.covered ?? 0);
    // The plain rule waits the whole patience, always; either way the pause is judged again now its words are known.
    if (this.deps.config.interviews.turnEndRule !== 'silence') {
      this.turnEnd = decideTurnEnd({
        text,
        coverage,
        patienceMs: this.entity.plan.answerSilenceMs,
        prosody: answer.contour,
        resumedAfterMs: this.resumedAfterMs,
        // After the last question the interview ends: no prompt to take back if the candidate goes on.
        recoverable: this.turn.questionIndex < this.questions.length - 1,
      });
      this.lastCue = null; // the deadline changed: the candidate's cue follows at once
    }
    this.checkSilence();
  }

  /**
   * Still-listening cue and the silence that ends an answer, on the audio's own clock. How long that silence is comes
   * from the interviewer's reading of the pause (about a second when the answer is clearly finished, the interview's
   * patience when the candidate is mid-thought); a candidate who seemed to be thinking is nudged before it ends.
   */
  private checkSilence(): void {
    const goOn = this.goOn;
    if (goOn && !this.goingOn && this.timelineMs - (goOn.promptAtMs ?? Infinity) > GO_ON_WINDOW_MS) this.goOn = null;
    if (this.goingOn && !this.reopening && this.speaking && this.voicedMs() >= GO_ON_CONFIRM_MS) {
      this.reopening = true;
      void this.run(() => this.reopen());
    }
    if (
      this.turn.phase === 'prompting' &&
      this.resumeDeadlineMs !== null &&
      this.timelineMs >= this.resumeDeadlineMs &&
      this.turn.currentPromptSeq !== null
    ) {
      this.promptPlayed(this.turn.currentPromptSeq);
    }
    if (
      this.turn.phase === 'prompting' &&
      this.speaking &&
      this.bargeInFromMs !== null &&
      this.goingOn === null &&
      this.interrupts()
    ) {
      if (this.answer && this.turn.currentPromptSeq !== null)
        this.talkedOver = { seq: this.turn.currentPromptSeq, answerId: this.answer.id };
      this.setTurn({ phase: 'listening', answerStartedAtMs: this.bargeInFromMs });
      this.bargeInFromMs = null;
    }
    if (this.turn.phase !== 'listening' || !this.answer || this.answer.closing) return;
    const silenceAfterSpeech = !this.speaking && this.lastSpeechEndMs !== null && this.answer.segmentCount > 0;
    const lastActive = Math.max(
      this.lastSpeechEndMs ?? this.turn.answerStartedAtMs ?? this.timelineMs,
      this.lastEditMs ?? -Infinity,
    );
    const silenceMs = this.speaking ? 0 : Math.max(0, this.timelineMs - lastActive);
    const patience = this.entity.plan.answerSilenceMs;
    const limit = this.turnEnd?.waitMs ?? patience;
    const lastWordsPending = this.answer.transcribed.size + this.answer.lost < this.answer.segmentCount;
    const waitForLastWords = lastWordsPending && silenceMs < limit + LAST_WORDS_WAIT_MS;
    const interjection = this.interjection;
    if (
      silenceAfterSpeech &&
      interjection?.answerId === this.answer.id &&
      !interjection.done &&
      !lastWordsPending &&
      !this.answerEnding &&
      silenceMs >= Math.min(INTERJECT_AFTER_MS, limit)
    ) {
      return this.interject(this.answer);
    }
    if (silenceAfterSpeech && silenceMs >= limit && !this.answerEnding && !waitForLastWords) {
      const thinking = this.turnEnd?.state === 'mid-thought' || this.turnEnd?.state === 'asked-for-time';
      if (thinking && !this.nudged) return this.nudge();
      this.answerEnding = true;
      this.endingSilenceMs = silenceMs;
      void this.run(() => this.endAnswer('silence'));
      return;
    }
    const waitingToStart = !this.speaking && this.answer.segmentCount === 0 && this.turn.answerStartedAtMs !== null;
    if (
      waitingToStart &&
      !this.nudged &&
      this.timelineMs - Math.max(this.turn.answerStartedAtMs!, this.lastEditMs ?? -Infinity) >=
        silentStartNudgeMs(patience)
    )
      return this.nudge();
    // Sent when speaking starts or stops, and once a second during a pause after speech (the client counts down
    // between updates): every broadcast crosses Redis, so it is not repeated while nothing changes.
    const cue = silenceAfterSpeech ? 'countdown' : this.speaking ? 'speaking' : 'quiet';
    if (cue !== this.lastCue || (cue === 'countdown' && this.timelineMs - this.lastActivityAt >= COUNTDOWN_EVERY_MS)) {
      this.lastCue = cue;
      this.lastActivityAt = this.timelineMs;
      const activity: VoiceActivity = {
        speaking: this.speaking,
        silenceMs,
        answerEndsInMs: silenceAfterSpeech ? Math.max(0, limit - silenceMs) : null,
        listening:
          silenceAfterSpeech && this.turnEnd ? { state: this.turnEnd.state, reasons: this.turnEnd.reasons } : null,
      };
      this.deps.emit('voice:activity', activity);
    }
  }

  /**
   * Whether the interviewer should cut in at this pause: the answer has run past its question's time budget (it ends,
   * and the next prompt says why), or it has wandered off the question (brought back once, the answer stays open).
   */
  private considerInterjection(
    answer: OpenAnswer,
    question: Question,
    text: string,
    quick: Assessment | null,
    covered: number,
  ): void {
    if (this.interjection?.answerId === answer.id) return;
    const startedAt = this.turn.answerStartedAtMs ?? answer.startMs;
    const decision = decideInterjection(
      {
        answerMs: Math.max(0, (this.lastSpeechEndMs ?? this.timelineMs) - startedAt),
        budgetMs: answerBudgetMs(question.category, answer.kind, this.deps.config.interviews.answerBudgetSeconds),
        words: text ? text.split(/\s+/).length : 0,
        reading: quick
          ? { relevance: quick.scores.relevance, pointsCovered: covered, keyTermsSaid: quick.keyTermsUsed.length }
          : null,
        redirected: answer.redirected,
      },
      this.turn.questionIndex,
    );
    if (decision) this.interjection = { answerId: answer.id, decision, done: false };
  }

  /** Cuts in, once the pause has lasted `INTERJECT_AFTER_MS`. */
  private interject(answer: OpenAnswer): void {
    const interjection = this.interjection!;
    interjection.done = true;
    this.logger.log(`interjecting in answer ${answer.id}: ${interjection.decision.detail}`);
    if (interjection.decision.reason === 'over-time') {
      this.answerEnding = true;
      void this.run(() => this.endAnswer('interjection'));
      return;
    }
    // Off the question: said once, and the candidate has the whole patience again to take it up.
    answer.redirected = true;
    this.lastSpeechEndMs = this.timelineMs;
    this.turnEnd = {
      state: 'mid-thought',
      waitMs: this.entity.plan.answerSilenceMs,
      reasons: ['brought back to the question'],
    };
    this.lastCue = null;
    const question = this.questions[this.turn.questionIndex];
    void this.run(() =>
      this.sayAside('interjection', redirectText(question, answer.kind === 'follow-up' ? answer.askedText : null)),
    );
  }

  /**
   * Gives the turn back after a backchannel stopped the interviewer: the sound is not the answer (its segments stay in
   * the transcript), and the prompt goes on from the start of the sentence it was stopped in (`prompt:resume`).
   */
  private async giveTurnBack(answer: OpenAnswer): Promise<void> {
    const { seq, atMs } = this.interruption!;
    this.interruption = null;
    this.talkedOver = null;
    this.resumes++;
    answer.transcribed.clear();
    answer.segmentCount = 0;
    answer.lost = 0;
    answer.pending = [];
    answer.contour = null;
    this.lastSpeechEndMs = null;
    this.turnEnd = null;
    const prompt = await this.deps.interviews.findPrompt(this.id, seq);
    const spoken = prompt ? (prompt.lead ? `${prompt.lead} ${prompt.text}` : prompt.text) : '';
    const durationMs =
      prompt?.audioDurationMs ?? spoken.split(/\s+/).filter(Boolean).length * BROWSER_VOICE_MS_PER_WORD;
    const resume = resumePoint(spoken, durationMs, atMs);
    if (this.answer !== answer || answer.closing) return;
    this.logger.log(`prompt ${seq} of ${this.id} goes on from ${resume.fromMs} ms: only a backchannel stopped it`);
    this.resumeDeadlineMs = this.timelineMs + Math.max(0, durationMs - resume.fromMs) + RESUME_GRACE_MS;
    this.setTurn({ phase: 'prompting', answerStartedAtMs: null });
    this.deps.emit('prompt:resume', { seq, ...resume });
  }

  /** Whether the speech over the interviewer's voice is an interruption: real words, or sound that goes on. */
  private interrupts(): boolean {
    const voiced = this.voicedMs();
    return (
      voiced >= BARGE_IN_LONG_MS || (voiced >= BARGE_IN_CONFIRM_MS && realWords(this.bargeInWords) >= BARGE_IN_WORDS)
    );
  }

  /** The recogniser's best guess at a segment still being spoken: words over the interviewer's voice may take the turn. */
  private onPartial(partial: string): void {
    if (this.turn.phase !== 'prompting' || this.bargeInFromMs === null) return;
    this.bargeInWords = partial;
    this.checkSilence();
  }

  /** Voiced audio of the candidate's utterance in progress (the longest of their streams'), ms. */
  private voicedMs(): number {
    let voiced = 0;
    voiced = this.audio.voicedMs('candidate');
    return voiced;
  }

  /** "Take your time…": said once per answer during a long silence; the answer stays open and the wait starts again. */
  private nudge(): void {
    this.nudged = true;
    this.lastSpeechEndMs = this.timelineMs;
    this.lastCue = null;
    void this.run(() => this.sayAside('nudge', NUDGE_TEXT));
  }

  /** The interviewer says something while the answer stays open (a nudge, an interjection): no new answer, same turn. */
  private async sayAside(kind: PromptKind, text: string): Promise<void> {
    if (!this.answer || this.answer.closing || this.ended) return;
    const question = this.questions[this.turn.questionIndex];
    const seq = await this.retrying(() => this.deps.interviews.allocateSeq(this.id));
    const atMs = Math.max(this.nowMs(), this.timelineMs);
    await this.retrying(() =>
      this.deps.interviews.addPrompt({
        interviewId: this.id,
        seq,
        kind,
        questionId: question.id,
        questionIndex: this.turn.questionIndex,
        text,
        atMs,
      }),
    );
    if (kind === 'nudge') this.nudgeSeq = seq;
    this.deps.emit('prompt', {
      seq,
      kind,
      questionId: question.id,
      questionIndex: this.turn.questionIndex,
      text,
      atMs,
      audioUrl: null,
      audioDurationMs: null,
    });
    if (this.entity.plan.voice === 'server') {
      await this.deps.queue.add(
        JobName.SynthesizePrompt,
        { interviewId: this.id, seq, text },
        { jobId: jobId('tts', this.id, seq) },
      );
    }
  }

  /** Speech held back while the interviewer decided, given to the answer now open. */
  private takeCarryOver(answer: OpenAnswer): void {
    for (const audio of this.carryOver.splice(0)) {
      this.dispatch(answer, audio);
      this.lastSpeechEndMs = audio.endMs;
    }
  }

  /** The speech after an end was not the candidate going on: it answers the next prompt, or spoke over it, as usual. */
  private notGoingOn(): void {
    const interrupted = this.goingOn?.interrupted ?? null;
    this.goingOn = null;
    if (this.answer && !this.answer.closing && this.turn.phase !== 'thinking') this.takeCarryOver(this.answer);
    if (interrupted) this.promptInterrupted(interrupted.seq, interrupted.atMs);
  }

  /**
   * The candidate went on with the answer the interviewer had taken as ended by its pause (they spoke within
   * `GO_ON_WINDOW_MS` of the next prompt, for `GO_ON_CONFIRM_MS`): the prompt is taken back, the answer is open again
   * with the turn as it was, and that pause is learnt as their breath, so finished-looking pauses wait past it from now
   * on. A person who starts to reply and hears the other go on stops and listens.
   */
  private async reopen(): Promise<void> {
    this.reopening = false;
    const goOn = this.goOn;
    const next = this.answer;
    if (
      !goOn ||
      !this.goingOn ||
      this.ended ||
      goOn.promptSeq === null ||
      !next ||
      next.promptSeq !== goOn.promptSeq ||
      next.segmentCount > 0
    ) {
      return this.notGoingOn();
    }
    const seq = goOn.promptSeq;
    const withdrawn = await this.retrying(() => this.deps.interviews.withdrawPrompt(this.id, seq, goOn.answer.id));
    if (!withdrawn || this.ended) return this.notGoingOn();
    this.logger.log(`answer ${goOn.answer.id} of ${this.id} goes on: prompt ${seq} is taken back`);
    this.goOn = null;
    this.goingOn = null;
    const answer = goOn.answer;
    answer.closing = false;
    answer.wentOn++;
    answer.contour = null;
    this.answer = answer;
    this.followUpsAsked = goOn.followUpsAsked;
    this.freshReading(goOn);
    this.bargeInFromMs = null;
    if (goOn.pauseMs !== null) this.resumedAfterMs = Math.max(this.resumedAfterMs ?? 0, goOn.pauseMs);
    this.setTurn({
      phase: 'listening',
      questionIndex: goOn.questionIndex,
      followUpsAsked: goOn.followUpsAsked.length,
      answerId: answer.id,
      currentPromptSeq: answer.promptSeq,
      answerStartedAtMs: goOn.answerStartedAtMs,
    });
    this.deps.emit('prompt:withdrawn', { seq, answerId: answer.id });
    this.takeCarryOver(answer);
    await this.saveTurn();
  }

  /**
   * The interviewer's reading of the answer starts afresh: for a new answer, or for one the candidate went on with (which
   * keeps its nudge and its interjection, as they were before it ended).
   */
  private freshReading(
    kept: { nudged: boolean; nudgeSeq: number | null; interjection: PendingInterjection } = {
      nudged: false,
      nudgeSeq: null,
      interjection: null,
    },
  ): void {
    this.turnEnd = null;
    this.nudged = kept.nudged;
    this.nudgeSeq = kept.nudgeSeq;
    this.interjection = kept.interjection;
    this.endingSilenceMs = null;
    this.interruption = null;
    this.talkedOver = null;
    this.resumeDeadlineMs = null;
  }

  /** How the answer ended and why, kept with it (the review shows it). */
  private ending(by: AnswerEnding['by']): AnswerEnding {
    const silence = by === 'silence';
    const cutIn = by === 'interjection' && this.interjection ? [this.interjection.decision.detail] : [];
    return {
      by,
      silenceMs: silence ? this.endingSilenceMs : null,
      state: silence ? (this.turnEnd?.state ?? null) : null,
      reasons: silence ? (this.turnEnd?.reasons ?? []) : cutIn,
      nudged: this.nudged,
      ...(this.answer?.wentOn ? { wentOn: this.answer.wentOn } : {}),
    };
  }

  // ---- the interviewer ----

  /** The answer's segments so far, in order, for the engine's reading of its pauses (their times are not needed). */
  private answerSegments(answer: OpenAnswer): { text: string; startMs: number; endMs: number }[] {
    return [...answer.transcribed.entries()]
      .sort(([a], [b]) => a - b)
      .filter(([, text]) => Boolean(text))
      .map(([, text]) => ({ text, startMs: 0, endMs: 0 }));
  }

  /** The answer's words so far (those after `afterSeq` only, when given). */
  private answerText(answer: OpenAnswer, afterSeq = -1): string {
    return [...answer.transcribed.entries()]
      .filter(([seq]) => seq > afterSeq)
      .sort(([a], [b]) => a - b)
      .map(([, text]) => text)
      .filter(Boolean)
      .join(' ')
      .trim();
  }

  private async settle(answer: OpenAnswer): Promise<void> {
    answer.closing = true;
    await answer.dispatch;
    await Promise.all(answer.pending);
  }

  private async endAnswer(
    reason: 'done' | 'typed' | 'silence' | 'request' | 'interjection',
    intent?: Exclude<ReturnType<typeof classifyUtterance>, 'answer'>,
  ): Promise<void> {
    const answer = this.answer;
    this.answerEnding = false;
    if (!answer || this.ended || answer.closing) return;
    this.setTurn({ phase: 'thinking' });
    if (reason !== 'request') this.audio.flush();
    const ending = this.ending(reason === 'done' ? 'done-button' : reason);
    // Cut in for time: the next prompt says so first ("Let me stop you there, in the interest of time.").
    const lead =
      reason === 'interjection' && this.interjection?.decision.reason === 'over-time'
        ? this.interjection.decision.lead
        : '';
    await this.settle(answer);
    this.answer = null;
    const text = this.answerText(answer);
    const endMs = Math.max(this.timelineMs, answer.startMs);
    const question = this.questions[this.turn.questionIndex];

    const request: AnswerIntent | null = !text
      ? 'skip'
      : text.split(/\s+/).length <= REQUEST_MAX_WORDS
        ? toIntent(intent ?? classifyUtterance(text))
        : null;
    if (request) {
      await this.retrying(() =>
        this.deps.interviews.closeAnswer(answer.id, endMs, 'request', request, { ...ending, by: 'request' }),
      );
      if (request === 'repeat') {
        await this.say(
          'repeat',
          repeatText({ ...question, text: answer.askedText || question.text }),
          answer.kind,
          answer.askedText,
        );
      } else if (request === 'clarify') {
        await this.say(
          'clarification',
          await this.deps.clarify(question, text, this.entity.plan.level),
          answer.kind,
          answer.askedText,
        );
      } else {
        await this.next(text ? "No problem, let's move on." : "Let's move on.");
      }
      return;
    }

    // Taken as ended by a pause that read as finished: the candidate may yet go on with it (see `reopen`).
    this.goOn =
      reason === 'silence' && (ending.state === 'done' || ending.state === 'unsure')
        ? {
            answer,
            endedAtMs: endMs,
            promptAtMs: null,
            promptSeq: null,
            pauseMs: ending.silenceMs,
            questionIndex: this.turn.questionIndex,
            followUpsAsked: [...this.followUpsAsked],
            answerStartedAtMs: this.turn.answerStartedAtMs,
            nudged: this.nudged,
            nudgeSeq: this.nudgeSeq,
            interjection: this.interjection,
          }
        : null;
    await this.retrying(() => this.deps.interviews.closeAnswer(answer.id, endMs, 'closed', null, ending));
    if (this.followUpsAsked.length >= this.entity.plan.maxFollowUps) {
      // No follow-up can come of it: the answer is scored in the background and the candidate does not wait.
      this.assessments.push(this.scoreInBackground(answer.id, answer.wentOn));
      return this.next(lead);
    }
    const codeQuestion = await this.codeFollowUp(question, text);
    if (codeQuestion) {
      // A coding question is asked about its code first; the rubric is scored in the background meanwhile.
      this.assessments.push(this.scoreInBackground(answer.id, answer.wentOn));
      this.followUpsAsked.push(codeQuestion);
      this.setTurn({ followUpsAsked: this.followUpsAsked.length });
      await this.say('follow-up', codeQuestion, 'follow-up', codeQuestion, lead);
      return;
    }
    const assessment = await this.assess(answer.id, question, text, answer.wentOn);
    const decision = decideNext({
      assessment,
      followUpsAsked: this.followUpsAsked,
      maxFollowUps: this.entity.plan.maxFollowUps,
      level: this.entity.plan.level,
    });
    if (decision.action === 'follow-up') {
      this.followUpsAsked.push(decision.text);
      this.setTurn({ followUpsAsked: this.followUpsAsked.length });
      await this.say('follow-up', decision.text, 'follow-up', decision.text, lead);
    } else {
      await this.next(lead);
    }
  }

  /** Typing in the editor holds the answer open as speaking does. */
  protected override onCodeSync(): void {
    this.lastEditMs = Math.max(this.timelineMs, this.audio.latestMs);
  }

  /** For a question answered in the editor: what to ask about the code and its last run, or null. */
  private async codeFollowUp(question: Question, text: string): Promise<string | null> {
    const task = codingTaskFor(question.id);
    if (!task) return null;
    const snapshot = this.editors.current(question.id);
    const lastRun = await this.deps.code.latestFinished(this.id, question.id);
    const language = snapshot?.language ?? lastRun?.language ?? task.languages[0];
    return (
      codeFollowUp({
        code: snapshot?.code ?? lastRun?.code ?? null,
        starter: task.starter[language] ?? null,
        lastRun,
        transcript: text,
        asked: this.followUpsAsked,
      })?.text ?? null
    );
  }

  /** The scoring job's assessment if it comes within the budget; otherwise the offline rubric, so the turn never stalls. */
  private async assess(answerId: string, question: Question, text: string, revision = 0): Promise<Assessment> {
    const job = this.scoreInBackground(answerId, revision);
    this.assessments.push(job);
    const budget = this.deps.config.interviews.decisionBudgetMs;
    const inTime = await Promise.race([job.then((r) => r?.assessment ?? null), sleep(budget).then(() => null)]);
    if (inTime) return inTime;
    return this.deps.quickAssessment.assess({
      question,
      transcript: text,
      level: this.entity.plan.level,
      followUpsAsked: this.followUpsAsked,
    });
  }

  /** `revision`: how often the answer was reopened (its earlier closes were assessed under their own job ids). */
  private scoreInBackground(answerId: string, revision = 0) {
    return this.deps.queue
      .addAndWait(
        JobName.AssessAnswer,
        { interviewId: this.id, answerId },
        { jobId: revision ? jobId('assess', answerId, revision) : jobId('assess', answerId) },
        120_000,
      )
      .catch((error: Error) => {
        this.logger.warn(`assessment of ${answerId} failed: ${error.message}`);
        return null;
      });
  }

  /** The next question, or the end; `lead` is said first ("No problem, let's move on."). */
  private async next(lead = ''): Promise<void> {
    const nextIndex = this.turn.questionIndex + 1;
    if (nextIndex >= this.questions.length) {
      await this.say('closing', CLOSING_LINE, null, '', lead);
      await this.finish();
      return;
    }
    await this.ask(nextIndex, lead);
  }

  private async ask(index: number, lead = ''): Promise<void> {
    this.followUpsAsked = [];
    this.setTurn({ questionIndex: index, followUpsAsked: 0 });
    const question = this.questions[index];
    await this.say('question', question.text, 'answer', question.text, lead);
  }

  /** The interviewer says something (`lead` first: a greeting, a transition); when an answer is expected, one opens. */
  private async say(
    kind: PromptKind,
    text: string,
    expects: 'answer' | 'follow-up' | null,
    askedText = '',
    lead = '',
  ): Promise<void> {
    const question = this.questions[this.turn.questionIndex];
    const seq = await this.retrying(() => this.deps.interviews.allocateSeq(this.id));
    const atMs = Math.max(this.nowMs(), this.timelineMs);
    await this.retrying(() =>
      this.deps.interviews.addPrompt({
        interviewId: this.id,
        seq,
        kind,
        questionId: question?.id ?? null,
        questionIndex: this.turn.questionIndex,
        text,
        lead: lead || null,
        atMs,
      }),
    );
    const prompt: Prompt = {
      seq,
      kind,
      questionId: question?.id ?? null,
      questionIndex: this.turn.questionIndex,
      text,
      ...(lead ? { lead } : {}),
      atMs,
      audioUrl: null,
      audioDurationMs: null,
    };
    this.deps.emit('prompt', prompt);
    const goOn = this.goOn;
    if (goOn && goOn.promptSeq === null) {
      // The candidate may still go on with the answer just ended, until this prompt has been heard a moment.
      if (expects) Object.assign(goOn, { promptSeq: seq, promptAtMs: atMs });
      else this.goOn = null;
    }
    if (this.entity.plan.voice === 'server') {
      const spoken = lead ? `${lead} ${text}` : text;
      await this.deps.queue.add(
        JobName.SynthesizePrompt,
        { interviewId: this.id, seq, text: spoken },
        { jobId: jobId('tts', this.id, seq) },
      );
    }
    if (expects) {
      const row = await this.retrying(() =>
        this.deps.interviews.createAnswer({
          interviewId: this.id,
          questionId: question.id,
          questionIndex: this.turn.questionIndex,
          kind: expects,
          promptSeq: seq,
          startMs: atMs,
        }),
      );
      this.answer = this.newOpenAnswer(row.id, expects, seq, askedText, atMs);
      this.lastSpeechEndMs = null;
      this.freshReading();
      this.resumes = 0;
      this.setTurn({ phase: 'prompting', answerId: row.id, currentPromptSeq: seq, answerStartedAtMs: null });
      // Unless it may be the candidate going on with the last answer: that waits until it is known.
      if (!this.goingOn) this.takeCarryOver(this.answer);
    } else {
      this.setTurn({ currentPromptSeq: seq, answerId: null });
    }
    await this.saveTurn();
  }

  private newOpenAnswer(
    id: string,
    kind: 'answer' | 'follow-up',
    promptSeq: number,
    askedText: string,
    startMs: number,
  ): OpenAnswer {
    return {
      id,
      kind,
      promptSeq,
      askedText,
      startMs,
      dispatch: Promise.resolve(),
      pending: [],
      transcribed: new Map(),
      segmentCount: 0,
      lost: 0,
      closing: false,
      contour: null,
      redirected: false,
      wentOn: 0,
    };
  }

  private async finish(): Promise<void> {
    await this.finishSession('completed');
  }
}

function toIntent(intent: ReturnType<typeof classifyUtterance>): AnswerIntent | null {
  return intent === 'answer' ? null : intent;
}
