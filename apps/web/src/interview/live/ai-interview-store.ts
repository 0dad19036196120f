import {
  AUDIO_FRAME_MS,
  type AnswerResult,
  type InterviewSnapshot,
  type Prompt,
  type TurnState,
  type VoiceActivity,
} from '@mockroom/contracts';
import { isErrorReply, type FatalProblem } from '../../shared/live/live-connection';
import { LiveCore, type LiveState } from '../../shared/live/live-core';
import { spokenText, upsertPrompt, upsertSegment } from '../../shared/live/transcript';
import { BargeInDetector } from './barge-in';
import {
  IDLE_PLAYBACK,
  PromptPlayer,
  speakingTimeMs,
  type PlaybackOutcome,
  type PlaybackSource,
  type PlaybackState,
} from './prompt-player';

/** The AI interview's room: what every live page holds, and the interviewer's voice, the turn's timing, typed answers. */
export interface AiInterviewState extends LiveState {
  activity: VoiceActivity | null;
  /** `performance.now()` when `activity` arrived (its countdown runs from there). */
  activityAt: number;
  /** Wall-clock time the current answer started, for the answer timer. */
  answerStartedAt: number | null;
  playback: PlaybackState;
  /** A server prompt whose voice is still being synthesised. */
  waitingForAudio: number | null;
  /** The answer "I'm done" was sent for (until the turn moves on). */
  doneSentFor: string | null;
  /** The candidate types answers instead of saying them (no microphone, a noisy room, or by choice). */
  typing: boolean;
  /** A typed answer on its way to the server. */
  sendingText: boolean;
}

const ACK_TIMEOUT_MS = 10_000;
/** Ending waits for the answers still being scored (the server gives them up to 30 s). */
const END_TIMEOUT_MS = 75_000;
/** How long to wait for the server's synthesised voice before the browser reads the prompt itself. */
const AUDIO_WAIT_MS = 12_000;
/** The longest the review waits for the closing line to be heard. */
const CLOSING_WAIT_MAX_MS = 25_000;
/** How long past its length a prompt the agent speaks in the room may take before the browser plays it itself. */
const ROOM_VOICE_GRACE_MS = 8_000;

/** The interview ended with nothing said or typed, so the server did not keep it. */
function discarded(message: string): FatalProblem {
  return { code: 'interview-discarded', title: 'Nothing was recorded', message };
}

/**
 * One candidate's AI interview, live: the common part (`live`: socket, microphone, transcript, state; see LiveCore),
 * and the interviewer's voice with barge-in, the answer's timing and typed answers. Create it, `open()` it, and
 * `close()` it when the room goes away.
 */
export class AiInterviewStore {
  readonly interviewId: string;
  /** The socket, microphone, transcript and state every live page shares. */
  readonly live: LiveCore<AiInterviewState>;
  private readonly player: PromptPlayer;
  private readonly bargeIn = new BargeInDetector();
  /** The AI interviewer's voice plays from the LiveKit room (the agent speaks the prompts there). */
  private roomVoice = false;
  private audioWait: ReturnType<typeof setTimeout> | null = null;
  /** Prompts the candidate has heard (or interrupted): never played again by themselves. */
  private readonly heard = new Set<number>();
  /** Prompts waiting to be played, in order. */
  private queue: number[] = [];
  /** prompt:played / prompt:interrupted that could not be sent while disconnected. */
  private pendingSignals: { event: 'prompt:played' | 'prompt:interrupted'; seq: number; atMs?: number }[] = [];
  /** The interview is over; the review waits for the closing line to be heard. */
  private pendingCompletion: InterviewSnapshot | null = null;
  private closingWait: ReturnType<typeof setTimeout> | null = null;

  constructor(initial: InterviewSnapshot) {
    this.interviewId = initial.interview.id;
    this.live = new LiveCore<AiInterviewState>(initial, {
      noun: 'interview',
      initialState: (common) => ({
        ...common,
        activity: null,
        activityAt: 0,
        answerStartedAt: this.answerAnchor(initial.turn, initial),
        playback: IDLE_PLAYBACK,
        waitingForAudio: null,
        doneSentFor: null,
        typing: false,
        sendingText: false,
      }),
      wrapUp: { activity: null },
      media: {
        onVoices: (voices) => {
          this.roomVoice = voices.has('interviewer');
          // The room lost the interviewer's voice while it spoke a prompt: the browser plays it itself.
          const playback = this.player.getState();
          if (!this.roomVoice && playback.source === 'room' && playback.seq !== null)
            this.player.followed(playback.seq, 'failed');
        },
        onPlayback: (allowed) => this.player.roomBlocked(!allowed),
      },
      joinedPatch: (snapshot) => ({ answerStartedAt: this.answerAnchor(snapshot.turn, snapshot), doneSentFor: null }),
      rejoined: () => this.flushSignals(),
      resumed: ({ turn }) => {
        // Resuming in the middle of a prompt (a reload, or the connection dropped while it played): say it again.
        if (turn.phase === 'prompting' && turn.currentPromptSeq !== null && !this.heard.has(turn.currentPromptSeq)) {
          this.enqueue(turn.currentPromptSeq);
        }
      },
      onTurn: (turn) => this.applyTurn(turn),
      onPrompt: (prompt) => this.receivePrompt(prompt),
      // Real words over the interviewer's voice (not "mm-hmm, okay") take the turn at once.
      onPartial: (partial) => {
        if (
          partial.speaker === 'candidate' &&
          this.player.getState().status === 'playing' &&
          this.bargeIn.words(partial.text) === 'interrupt'
        )
          this.interruptPrompt();
      },
      onFrame: (level, muted) => this.bargeInFrame(level, muted),
      complete: (snapshot) => this.complete(snapshot),
      fail: (problem) => this.fail(problem),
    });
    this.player = new PromptPlayer({
      onChange: (playback) => {
        if (playback.status === 'playing') this.bargeIn.reset();
        this.set({ playback });
      },
      onFinish: (seq, source, outcome, replay) => this.handlePlaybackFinished(seq, source, outcome, replay),
    });
  }

  private get state(): AiInterviewState {
    return this.live.getState();
  }

  private set(patch: Partial<AiInterviewState>): void {
    this.live.set(patch);
  }

  private setSnapshot(patch: Partial<InterviewSnapshot>, extra: Partial<AiInterviewState> = {}): void {
    this.live.setSnapshot(patch, extra);
  }

  // ---- lifecycle ---------------------------------------------------------------------------------------------

  open(): void {
    const opened = this.live.open((socket) => {
      socket.on('prompt:resume', ({ seq, fromMs, fromChar }) => this.resumePrompt(seq, fromMs, fromChar));
      socket.on('prompt:withdrawn', ({ seq }) => this.withdrawPrompt(seq));
      socket.on('prompt:audio', ({ seq, audioUrl, audioDurationMs }) => {
        const prompt = this.state.snapshot.prompts.find((p) => p.seq === seq);
        if (!prompt) return;
        this.setSnapshot({
          prompts: upsertPrompt(this.state.snapshot.prompts, { ...prompt, audioUrl, audioDurationMs }),
        });
        if (this.state.waitingForAudio === seq) {
          this.clearAudioWait();
          this.set({ waitingForAudio: null });
          if (this.voicedInRoom(seq)) this.player.follow(seq, audioDurationMs + ROOM_VOICE_GRACE_MS);
          else this.player.playAudio(seq, audioUrl);
        }
      });
      socket.on('voice:activity', (activity) => this.set({ activity, activityAt: performance.now() }));
      socket.on('answer:assessed', (result) =>
        this.setSnapshot({ answers: upsertAnswer(this.state.snapshot.answers, result) }),
      );
      socket.on('interview:discarded', ({ message }) => this.fail(discarded(message)));
    });
    if (opened && !this.state.completed && !this.state.typing) void this.live.mic.start();
  }

  close(): void {
    this.live.close(() => {
      this.player.dispose();
      if (this.audioWait) clearTimeout(this.audioWait);
      if (this.closingWait) clearTimeout(this.closingWait);
    });
  }

  private applyTurn(turn: TurnState): void {
    const previous = this.state.snapshot.turn;
    const answerChanged = turn.answerId !== previous.answerId || turn.answerStartedAtMs !== previous.answerStartedAtMs;
    const interview = turn.phase !== 'waiting' ? this.live.liveInterview() : this.state.snapshot.interview;
    this.setSnapshot(
      { turn, interview },
      {
        answerStartedAt: answerChanged ? this.answerAnchor(turn, this.state.snapshot) : this.state.answerStartedAt,
        doneSentFor: turn.answerId === this.state.doneSentFor ? this.state.doneSentFor : null,
        activity: turn.phase === 'listening' && !answerChanged ? this.state.activity : null,
      },
    );
    // The agent stops speaking a prompt once the turn leaves it (it was heard, or the candidate talked over it).
    const playback = this.player.getState();
    if (
      playback.source === 'room' &&
      playback.seq !== null &&
      !(turn.phase === 'prompting' && turn.currentPromptSeq === playback.seq)
    ) {
      this.player.followed(playback.seq);
    }
    if (turn.phase === 'prompting' && turn.currentPromptSeq !== null && !this.heard.has(turn.currentPromptSeq)) {
      this.enqueue(turn.currentPromptSeq);
    }
    this.live.followTurn(turn);
  }

  /** The agent speaks this prompt in the LiveKit room: it is the one the turn is on, in the server's voice. */
  private voicedInRoom(seq: number): boolean {
    const { turn, plan } = this.state.snapshot;
    return this.roomVoice && plan.voice === 'server' && turn.phase === 'prompting' && turn.currentPromptSeq === seq;
  }

  /** When the current answer started, on this browser's clock. */
  private answerAnchor(turn: TurnState, snapshot: InterviewSnapshot): number | null {
    if (turn.phase !== 'listening' || !turn.answerId) return null;
    const now = Date.now();
    const startedAt = snapshot.interview.startedAt ? Date.parse(snapshot.interview.startedAt) : NaN;
    if (turn.answerStartedAtMs === null || Number.isNaN(startedAt)) return now;
    const at = startedAt + turn.answerStartedAtMs;
    // A clock far out of step with the server's: count from now instead.
    return at > now || now - at > 60 * 60_000 ? now : at;
  }

  private complete(snapshot: InterviewSnapshot): void {
    if (this.state.completed) return;
    // The candidate hears the interviewer's closing line before the review opens (within reason).
    const closing = [...this.state.snapshot.prompts, ...snapshot.prompts].find((p) => p.kind === 'closing');
    if (closing && !this.heard.has(closing.seq) && !this.live.closed) {
      if (!this.pendingCompletion) {
        this.pendingCompletion = snapshot;
        this.live.mic.stop();
        this.live.uplink.stop();
        this.set({ wrappingUp: true, activity: null });
        if (!this.state.snapshot.prompts.some((p) => p.seq === closing.seq))
          this.setSnapshot({ prompts: upsertPrompt(this.state.snapshot.prompts, closing) });
        this.enqueue(closing.seq);
        this.closingWait = setTimeout(
          () => this.finishCompletion(),
          Math.min(CLOSING_WAIT_MAX_MS, speakingTimeMs(spokenText(closing)) + AUDIO_WAIT_MS),
        );
      } else {
        this.pendingCompletion = snapshot;
      }
      return;
    }
    this.finishCompletion(snapshot);
  }

  /** Shows the review: now, or once the closing line has been heard. */
  private finishCompletion(snapshot = this.pendingCompletion): void {
    if (this.state.completed || !snapshot) return;
    this.pendingCompletion = null;
    if (this.closingWait) clearTimeout(this.closingWait);
    this.closingWait = null;
    const playing =
      this.state.playback.seq === null
        ? undefined
        : this.state.snapshot.prompts.find((p) => p.seq === this.state.playback.seq);
    if (playing?.kind !== 'closing') this.player.stop();
    this.queue = [];
    this.clearAudioWait();
    this.live.finish({
      snapshot,
      completed: true,
      ending: false,
      wrappingUp: false,
      activity: null,
      waitingForAudio: null,
    });
  }

  private fail(problem: FatalProblem): void {
    if (this.state.completed) return;
    this.player.stop();
    this.live.finish({ fatal: problem });
  }

  // ---- prompts and the interviewer's voice -------------------------------------------------------------------

  private receivePrompt(prompt: Prompt): void {
    this.setSnapshot({
      prompts: upsertPrompt(this.state.snapshot.prompts, prompt),
      interview: this.live.liveInterview(),
    });
    if (!this.heard.has(prompt.seq)) this.enqueue(prompt.seq);
  }

  private enqueue(seq: number): void {
    const playing = this.state.playback;
    if (this.queue.includes(seq) || (playing.seq === seq && !playing.replay) || this.state.waitingForAudio === seq)
      return;
    this.queue.push(seq);
    this.queue.sort((a, b) => a - b);
    this.playNext();
  }

  private playNext(): void {
    if (this.live.closed || this.state.completed || this.state.fatal) return;
    const playing = this.state.playback;
    if (playing.status !== 'idle' && !playing.replay) return;
    if (this.state.waitingForAudio !== null) return;
    const seq = this.queue.shift();
    if (seq === undefined) return;
    const prompt = this.state.snapshot.prompts.find((p) => p.seq === seq);
    if (!prompt || this.heard.has(seq)) {
      this.playNext();
      return;
    }
    if (playing.replay) this.player.stop();
    if (this.state.snapshot.plan.voice === 'browser') {
      this.player.speak(seq, spokenText(prompt));
    } else if (prompt.audioUrl && this.voicedInRoom(seq)) {
      this.player.follow(
        seq,
        (prompt.audioDurationMs ?? 20_000) + ROOM_VOICE_GRACE_MS,
        this.state.playback.status === 'blocked',
      );
    } else if (prompt.audioUrl) {
      this.player.playAudio(seq, prompt.audioUrl);
    } else {
      // The server is still synthesising: wait for prompt:audio, then fall back to the browser's voice.
      this.set({ waitingForAudio: seq });
      this.clearAudioWait();
      this.audioWait = setTimeout(() => {
        this.audioWait = null;
        if (this.state.waitingForAudio !== seq) return;
        this.set({ waitingForAudio: null });
        this.player.speak(seq, spokenText(prompt));
      }, AUDIO_WAIT_MS);
    }
  }

  private clearAudioWait(): void {
    if (this.audioWait) clearTimeout(this.audioWait);
    this.audioWait = null;
  }

  private handlePlaybackFinished(seq: number, source: PlaybackSource, outcome: PlaybackOutcome, replay: boolean): void {
    if (replay) {
      this.playNext();
      return;
    }
    const prompt = this.state.snapshot.prompts.find((p) => p.seq === seq);
    if (source === 'room') {
      if (outcome === 'ended') {
        // The agent said prompt:played itself (or the candidate talked over it): heard.
        this.heard.add(seq);
        if (this.pendingCompletion && prompt?.kind === 'closing') return this.finishCompletion();
        this.playNext();
      } else if (outcome === 'failed' && prompt) {
        // The room never finished it: play the prompt here instead.
        if (prompt.audioUrl) this.player.playAudio(seq, prompt.audioUrl);
        else this.player.speak(seq, spokenText(prompt));
      }
      return;
    }
    if (outcome === 'failed' && source === 'audio' && prompt) {
      // The recording couldn't be played: read the prompt with the browser's voice instead.
      this.player.speak(seq, spokenText(prompt));
      return;
    }
    if (outcome === 'failed' && source === 'speech' && prompt) {
      // No voice at all: give the candidate time to read the prompt before the server starts listening.
      setTimeout(() => this.markPlayed(seq), Math.min(4_000, speakingTimeMs(spokenText(prompt)) / 3));
      return;
    }
    if (outcome !== 'stopped') this.markPlayed(seq);
  }

  private markPlayed(seq: number): void {
    if (this.heard.has(seq)) return;
    this.heard.add(seq);
    this.signal('prompt:played', seq);
    if (this.pendingCompletion && this.state.snapshot.prompts.find((p) => p.seq === seq)?.kind === 'closing')
      return this.finishCompletion();
    this.playNext();
  }

  private signal(event: 'prompt:played' | 'prompt:interrupted', seq: number, atMs?: number): void {
    if (this.live.connection.ready) this.emitSignal(event, seq, atMs);
    else this.pendingSignals.push({ event, seq, atMs });
  }

  private emitSignal(event: 'prompt:played' | 'prompt:interrupted', seq: number, atMs?: number): void {
    const socket = this.live.connection.socket;
    if (event === 'prompt:interrupted' && atMs !== undefined) socket.emit(event, seq, atMs);
    else socket.emit(event, seq);
  }

  /**
   * What stopped the interviewer was only a backchannel ("mm-hmm"): the server gives the turn back, and the prompt goes
   * on here from the start of the sentence it was stopped in.
   */
  private resumePrompt(seq: number, fromMs: number, fromChar: number): void {
    const prompt = this.state.snapshot.prompts.find((p) => p.seq === seq);
    if (!prompt || this.live.closed) return;
    this.heard.delete(seq);
    this.queue = this.queue.filter((s) => s !== seq);
    // The agent takes its voice up again in the room: the page follows it, as it follows any prompt spoken there.
    if (this.voicedInRoom(seq) && prompt.audioDurationMs)
      this.player.follow(seq, Math.max(0, prompt.audioDurationMs - fromMs) + ROOM_VOICE_GRACE_MS);
    else if (this.state.snapshot.plan.voice === 'server' && prompt.audioUrl)
      this.player.playAudio(seq, prompt.audioUrl, false, fromMs);
    else this.player.speak(seq, spokenText(prompt).slice(fromChar), false, fromMs);
  }

  /** The candidate went on with their answer: the prompt begun meanwhile is taken back, its voice stopped, unshown. */
  private withdrawPrompt(seq: number): void {
    this.queue = this.queue.filter((s) => s !== seq);
    this.heard.add(seq);
    if (this.state.waitingForAudio === seq) {
      this.clearAudioWait();
      this.set({ waitingForAudio: null });
    }
    if (this.player.getState().seq === seq) this.player.stop();
    const { prompts, transcript } = this.state.snapshot;
    this.setSnapshot({
      prompts: prompts.filter((p) => p.seq !== seq),
      transcript: transcript.filter((line) => !(line.speaker === 'interviewer' && line.seq === seq)),
    });
  }

  private flushSignals(): void {
    const pending = this.pendingSignals;
    this.pendingSignals = [];
    for (const { event, seq, atMs } of pending) this.emitSignal(event, seq, atMs);
  }

  // ---- the candidate's audio ---------------------------------------------------------------------------------

  /** Each frame of the microphone (it also drives the meter, and leaves by the socket or the LiveKit room). */
  private bargeInFrame(level: number, muted: boolean): void {
    if (this.player.getState().status === 'playing' && !muted) {
      // A sound over the interviewer holds its voice; speech that goes on stops it; a backchannel lets it go on.
      const step = this.bargeIn.push(level, AUDIO_FRAME_MS);
      if (step === 'duck') this.player.duck(true);
      else if (step === 'release') this.player.duck(false);
      else if (step === 'interrupt') this.interruptPrompt();
    }
  }

  private interruptPrompt(): void {
    // Where the voice was, so that a backchannel that stopped it can be followed by the rest of the prompt.
    const atMs = this.player.positionMs() ?? undefined;
    const was = this.player.stop();
    if (was.seq === null) return;
    if (!was.replay && !this.heard.has(was.seq)) {
      this.heard.add(was.seq);
      this.signal('prompt:interrupted', was.seq, atMs);
    }
    // What was queued behind it is no longer what the candidate is answering.
    this.queue = [];
  }

  // ---- actions -----------------------------------------------------------------------------------------------

  /**
   * Whether the interview can start as things are: with a working (or starting) microphone, or in typed mode. Without
   * either, nothing the candidate does could be heard, and the interview would end with nothing in it.
   */
  canStart(): boolean {
    return this.state.typing || this.state.mic.status !== 'error';
  }

  async startInterview(): Promise<void> {
    const socket = this.live.connection.socket;
    if (this.state.starting || !this.canStart()) return;
    // A click: the moment the browser lets audio start.
    if (!this.state.typing) {
      void this.live.mic.resume();
      if (this.state.mic.status === 'idle') void this.live.mic.start();
    }
    this.set({ starting: true });
    try {
      const reply = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('interview:start');
      if (isErrorReply(reply)) {
        if (reply.error.code === 'session-ended') this.live.awaitCompletion();
        else this.live.toast(`Couldn't start the interview: ${reply.error.message}`);
      } else {
        this.setSnapshot({ interview: this.live.liveInterview() });
        this.applyTurn(reply);
      }
    } catch {
      this.live.toast("Couldn't start the interview: the server didn't answer. Check your connection and try again.");
    } finally {
      this.set({ starting: false });
    }
  }

  /** Ends the interview now; resolves once the summary is in. */
  async endInterview(): Promise<void> {
    const socket = this.live.connection.socket;
    if (!socket.connected) throw new Error("You're offline: wait for the connection to come back, then try again.");
    this.set({ ending: true });
    try {
      const reply = await socket.timeout(END_TIMEOUT_MS).emitWithAck('interview:end');
      if (this.state.completed) return;
      if (isErrorReply(reply)) {
        if (reply.error.code === 'session-ended') {
          this.live.awaitCompletion();
          return;
        }
        if (reply.error.code === 'interview-discarded') {
          this.fail(discarded(reply.error.message));
          return;
        }
        throw new Error(reply.error.message || "The interview couldn't be ended.");
      }
      this.complete(reply);
    } catch (error) {
      // The summary may have arrived another way meanwhile (the event, or the REST check).
      if (this.state.completed) return;
      this.set({ ending: false });
      if (error instanceof Error && error.message && !/timed? ?out|operation has timed out/i.test(error.message))
        throw error;
      throw new Error("The server didn't answer in time. Please try again.");
    }
  }

  answerDone(): void {
    const { turn } = this.state.snapshot;
    if (!this.canFinishAnswer()) return;
    this.live.connection.socket.emit('answer:done');
    this.set({ doneSentFor: turn.answerId ?? 'current' });
  }

  canFinishAnswer(): boolean {
    const { turn } = this.state.snapshot;
    return (
      this.state.joined &&
      this.state.connection === 'connected' &&
      turn.phase === 'listening' &&
      this.state.doneSentFor !== (turn.answerId ?? 'current')
    );
  }

  /** Typed answers instead of the microphone, or back to speaking. */
  setTyping(typing: boolean): void {
    if (typing === this.state.typing) return;
    this.set({ typing });
    if (typing) {
      this.live.mic.stop();
    } else if (!this.state.completed) {
      void this.live.mic.start();
    }
  }

  canSendText(): boolean {
    const { turn, interview } = this.state.snapshot;
    return (
      this.state.joined &&
      this.state.connection === 'connected' &&
      interview.status === 'live' &&
      !this.state.sendingText &&
      (turn.phase === 'listening' || turn.phase === 'prompting')
    );
  }

  /** Sends a typed answer; it is the whole answer (the interviewer moves on, as after "I'm done"). */
  async sendTypedAnswer(text: string): Promise<void> {
    const trimmed = text.trim();
    if (!trimmed) throw new Error('Type your answer first.');
    if (!this.canSendText()) throw new Error('The interviewer is not waiting for an answer right now.');
    const { turn } = this.state.snapshot;
    this.set({ sendingText: true });
    // The interviewer stops talking: the candidate has answered.
    this.interruptPrompt();
    try {
      const reply = await this.live.connection.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('answer:text', trimmed);
      if (isErrorReply(reply)) throw new Error(reply.error.message || "Your answer couldn't be sent.");
      const transcript = upsertSegment(this.state.snapshot.transcript, reply);
      this.set({ doneSentFor: turn.answerId ?? 'current' });
      if (transcript !== this.state.snapshot.transcript) this.setSnapshot({ transcript });
    } catch (error) {
      if (error instanceof Error && /timed? ?out|operation has timed out/i.test(error.message))
        throw new Error("The server didn't answer in time. Please send it again.");
      throw error;
    } finally {
      this.set({ sendingText: false });
    }
  }

  /** Plays the current prompt again. */
  replay(seq: number): void {
    const prompt = this.state.snapshot.prompts.find((p) => p.seq === seq);
    if (!prompt) return;
    void this.live.mic.resume();
    const playing = this.state.playback;
    if (playing.seq === seq && playing.status !== 'idle') {
      if (playing.status === 'blocked') this.player.unblock();
      return;
    }
    const firstTime = !this.heard.has(seq);
    if (firstTime) {
      this.queue = this.queue.filter((s) => s !== seq);
      if (this.state.waitingForAudio === seq) {
        this.clearAudioWait();
        this.set({ waitingForAudio: null });
      }
    }
    if (this.state.snapshot.plan.voice === 'server' && prompt.audioUrl)
      this.player.playAudio(seq, prompt.audioUrl, !firstTime);
    else this.player.speak(seq, spokenText(prompt), !firstTime);
  }

  /** Plays audio the browser blocked until a click. */
  unblockAudio(): void {
    void this.live.mic.resume();
    this.live.media.unlock();
    this.player.unblock();
  }

  /** The candidate read the prompt and doesn't want to hear it: carry on as if it had played. */
  skipPromptAudio(): void {
    const was = this.player.stop();
    const seq = was.seq ?? this.state.waitingForAudio;
    this.clearAudioWait();
    this.set({ waitingForAudio: null });
    if (seq !== null && !was.replay) this.markPlayed(seq);
    else this.playNext();
  }
}

function upsertAnswer(answers: readonly AnswerResult[], result: AnswerResult): AnswerResult[] {
  const next = answers.filter((answer) => answer.answerId !== result.answerId);
  next.push(result);
  next.sort((a, b) => a.startMs - b.startMs);
  return next;
}
