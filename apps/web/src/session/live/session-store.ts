import type {
  CandidateListening,
  ConsoleState,
  InterviewerNote,
  InterviewerScore,
  InterviewSnapshot,
  NoteCommand,
  Participant,
  ParticipantRole,
  Prompt,
  QuestionChecklist,
  RubricOverrideCommand,
  ScoreCommand,
  ShowPromptCommand,
  SocketError,
  TurnState,
} from '@mockroom/contracts';
import { isErrorReply, type FatalProblem, type LiveSocket } from '../../shared/live/live-connection';
import { LiveCore, type LiveState } from '../../shared/live/live-core';
import { refusalFor } from '../../shared/live/refusals';
import { upsertPrompt } from '../../shared/live/transcript';
import { upsertChecklist, upsertNote, upsertScore } from '../session-logic';
import { RelayPlayer, type RelayAudioStatus, type RelayTestHook } from './relay-player';

type TimedSocket = ReturnType<LiveSocket['timeout']>;

/** A session's live page (the console, or the candidate's room): what every live page holds, and who is there. */
export interface SessionState extends LiveState {
  /** Which side of the session this browser is on. */
  role: ParticipantRole;
  /** Who is in the session, as the server last said. */
  participants: Participant[];
  /** The interviewer's console: checklists, scores, notes, suggestions (never set for the candidate). */
  console: ConsoleState | null;
  /** The interviewer's view: whether the candidate seems done or still thinking (after each thing they say). */
  candidateListening: CandidateListening | null;
  /** Whether the other voice can play (`blocked`: "Join audio"). */
  audio: RelayAudioStatus;
}

/** A console command the server refused (or that could not be sent): `message` is fit to show. */
export class CommandError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
  }
}

declare global {
  interface Window {
    /** For the browser tests: the other voice as received and played. */
    __mockroomRelay?: RelayTestHook;
  }
}

const ACK_TIMEOUT_MS = 10_000;
/** Ending waits for the answers still being scored. */
const END_TIMEOUT_MS = 75_000;
const OFFLINE = "You're offline: wait for the connection to come back, then try again.";
const NO_ANSWER = "The server didn't answer in time. Please try again.";

const EMPTY_CONSOLE: ConsoleState = {
  checklists: [],
  notes: [],
  scores: [],
  suggestions: { questionIndex: -1, followUps: [] },
};

/**
 * One participant's side of a session run by a human interviewer: the common part (`live`: socket, microphone,
 * transcript, state; see LiveCore), the other participant's voice, presence, and for the interviewer the console and
 * its commands. Create it, `open()` it, `close()` it.
 */
export class SessionStore {
  readonly interviewId: string;
  readonly role: ParticipantRole;
  /** The socket, microphone, transcript and state every live page shares. */
  readonly live: LiveCore<SessionState>;
  private readonly remoteLevelListeners = new Set<(level: number, raw: number) => void>();
  private readonly player: RelayPlayer;
  /** The relayed voice's status, and whether the LiveKit room's audio waits for a click. */
  private relayStatus: RelayAudioStatus;
  private roomBlocked = false;
  /** Voices heard through the LiveKit room (their level comes from there). */
  private roomVoices: ReadonlySet<ParticipantRole> = new Set();
  private lastRemoteLevel = 0;

  constructor(initial: InterviewSnapshot, role: ParticipantRole) {
    this.interviewId = initial.interview.id;
    this.role = role;
    this.player = new RelayPlayer({
      onStatus: (status) => {
        this.relayStatus = status;
        this.syncAudioStatus();
      },
      onLevel: (level) => {
        if (!this.roomVoices.size) this.remoteLevel(level);
      },
    });
    this.relayStatus = this.player.getStatus();
    this.live = new LiveCore<SessionState>(initial, {
      noun: 'session',
      initialState: (common) => ({
        ...common,
        role,
        participants: [],
        console: null,
        candidateListening: null,
        audio: this.player.getStatus(),
      }),
      retryRefusedAudio: true,
      media: {
        onVoices: (voices) => (this.roomVoices = voices),
        onPlayback: (allowed) => {
          this.roomBlocked = !allowed;
          this.syncAudioStatus();
        },
        onRemoteLevel: (level) => {
          if (this.roomVoices.size) this.remoteLevel(level);
        },
      },
      onTurn: (turn) => this.applyTurn(turn),
      onPrompt: (prompt) => this.receivePrompt(prompt),
      complete: (snapshot) => this.complete(snapshot),
      fail: (problem) => this.fail(problem),
    });
  }

  private get state(): SessionState {
    return this.live.getState();
  }

  private set(patch: Partial<SessionState>): void {
    this.live.set(patch);
  }

  /** The other participant's voice level, per frame received. */
  onRemoteLevel = (listener: (level: number, raw: number) => void): (() => void) => {
    this.remoteLevelListeners.add(listener);
    listener(this.lastRemoteLevel, this.lastRemoteLevel);
    return () => this.remoteLevelListeners.delete(listener);
  };

  private remoteLevel(level: number): void {
    this.lastRemoteLevel = level;
    this.remoteLevelListeners.forEach((listener) => listener(level, level));
  }

  /** "Join audio" shows while either the relayed voice or the room's audio waits for a click. */
  private syncAudioStatus(): void {
    const audio: RelayAudioStatus =
      this.roomBlocked && this.relayStatus !== 'unsupported' ? 'blocked' : this.relayStatus;
    if (audio !== this.state?.audio) this.set({ audio });
  }

  private setConsole(update: (console: ConsoleState) => ConsoleState): void {
    if (this.role !== 'interviewer') return;
    this.set({ console: update(this.state.console ?? EMPTY_CONSOLE) });
  }

  // ---- lifecycle ---------------------------------------------------------------------------------------------

  open(): void {
    if (!this.live.open((socket) => this.bindSocket(socket))) return;
    window.__mockroomRelay = this.player.hook;
    if (!this.state.completed) {
      this.player.open();
      void this.live.mic.start();
      // Any click or key press is a moment the browser lets sound start.
      document.addEventListener('pointerdown', this.onGesture, true);
      document.addEventListener('keydown', this.onGesture, true);
    }
  }

  close(): void {
    this.live.close(() => {
      document.removeEventListener('pointerdown', this.onGesture, true);
      document.removeEventListener('keydown', this.onGesture, true);
      this.player.close();
    });
    this.remoteLevelListeners.clear();
  }

  private readonly onGesture = (): void => {
    if (this.state.audio === 'blocked') {
      void this.player.unlock();
      this.live.media.unlock();
    }
    if (this.state.mic.status === 'suspended') void this.live.mic.resume();
  };

  private bindSocket(socket: LiveSocket): void {
    socket.on('presence', (participants) =>
      this.set({ participants: Array.isArray(participants) ? participants : [] }),
    );
    socket.on('audio:relay', ({ speaker, pcm }) => {
      // Only the other voice plays: an echo of one's own would be confusing.
      if (speaker !== this.role && pcm && !this.state.completed) this.player.push(pcm);
    });
    socket.on('console:state', (state) => {
      if (this.role === 'interviewer') this.set({ console: state });
    });
    socket.on('checklist:update', (checklist) =>
      this.setConsole((c) => ({ ...c, checklists: upsertChecklist(c.checklists, checklist) })),
    );
    socket.on('candidate:listening', (signal) => this.set({ candidateListening: signal }));
  }

  private applyTurn(turn: TurnState): void {
    // The server sends a turn only from the start on, and starting sends one that still waits for the first question.
    this.live.setSnapshot({ turn, interview: this.live.liveInterview() });
    this.live.followTurn(turn);
  }

  private receivePrompt(prompt: Prompt): void {
    // A new prompt opens a new answer: the last reading of the candidate's pause no longer applies.
    this.live.setSnapshot(
      { prompts: upsertPrompt(this.state.snapshot.prompts, prompt), interview: this.live.liveInterview() },
      { candidateListening: null },
    );
  }

  private complete(snapshot: InterviewSnapshot): void {
    if (this.state.completed) return;
    this.player.close();
    this.live.finish({ snapshot, completed: true, ending: false, wrappingUp: false });
  }

  private fail(problem: FatalProblem): void {
    if (this.state.completed) return;
    this.player.close();
    // The review may still come (the watch for it goes on).
    this.live.finish({ fatal: problem }, false);
  }

  // ---- actions -----------------------------------------------------------------------------------------------

  /** Sends an acknowledged event; resolves with the reply, or throws a CommandError with a message to show. */
  private async request<T>(
    send: (socket: TimedSocket) => Promise<T | { error: SocketError }>,
    timeoutMs = ACK_TIMEOUT_MS,
  ): Promise<T> {
    const socket = this.live.connection.socket;
    if (!this.live.connection.ready) throw new CommandError('offline', OFFLINE);
    let reply: T | { error: SocketError };
    try {
      reply = await send(socket.timeout(timeoutMs));
    } catch {
      throw new CommandError('timeout', NO_ANSWER);
    }
    if (isErrorReply(reply)) {
      // A refused command leaves the session as it is, unless the session itself is gone.
      if (reply.error.code === 'session-ended') this.live.awaitCompletion();
      else if (reply.error.code === 'unauthorized') this.fail(refusalFor('session', reply.error));
      throw new CommandError(reply.error.code, reply.error.message || 'The server refused that.');
    }
    return reply;
  }

  /** The interviewer starts the session (from a click: also lets sound play). */
  async start(): Promise<void> {
    if (this.state.starting) return;
    this.unlockAudio();
    this.set({ starting: true });
    try {
      const turn = await this.request((socket) => socket.emitWithAck('interview:start'));
      this.live.setSnapshot({ interview: this.live.liveInterview() });
      this.applyTurn(turn);
    } catch (error) {
      if (!this.state.completed)
        this.live.toast(`Couldn't start the session: ${error instanceof Error ? error.message : NO_ANSWER}`);
    } finally {
      this.set({ starting: false });
    }
  }

  /** The interviewer ends the session; resolves once the review can be shown. Throws with a message to show. */
  async end(): Promise<void> {
    this.set({ ending: true });
    try {
      const snapshot = await this.request((socket) => socket.emitWithAck('interview:end'), END_TIMEOUT_MS);
      this.complete(snapshot);
    } catch (error) {
      // The review may have arrived another way meanwhile (the event, or the REST check).
      if (this.state.completed) return;
      this.set({ ending: false });
      if (error instanceof CommandError && error.code === 'session-ended') return;
      throw error instanceof Error ? error : new Error("The session couldn't be ended.");
    }
  }

  /** Shows a question or a follow-up on the candidate's screen. */
  async show(command: ShowPromptCommand): Promise<Prompt> {
    const prompt = await this.request((socket) => socket.emitWithAck('console:show', command));
    this.receivePrompt(prompt);
    return prompt;
  }

  /** Ticks or unticks a rubric point by hand (null: follow the engine again). */
  async setRubric(command: RubricOverrideCommand): Promise<QuestionChecklist> {
    const checklist = await this.request((socket) => socket.emitWithAck('console:rubric', command));
    this.setConsole((c) => ({ ...c, checklists: upsertChecklist(c.checklists, checklist) }));
    return checklist;
  }

  async saveScores(command: ScoreCommand): Promise<InterviewerScore> {
    const score = await this.request((socket) => socket.emitWithAck('console:score', command));
    this.setConsole((c) => ({ ...c, scores: upsertScore(c.scores, score) }));
    return score;
  }

  async addNote(command: NoteCommand): Promise<InterviewerNote> {
    const note = await this.request((socket) => socket.emitWithAck('console:note', command));
    this.setConsole((c) => ({ ...c, notes: upsertNote(c.notes, note) }));
    return note;
  }

  /** Lets the other voice play and wakes the microphone; call it from a click ("Join audio"). */
  unlockAudio(): void {
    void this.player.unlock();
    this.live.media.unlock();
    void this.live.mic.resume();
  }
}
