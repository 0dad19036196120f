import {
  AUDIO_FRAME_MS,
  type ConsoleState,
  type CandidateListening,
  type InterviewerNote,
  type InterviewerScore,
  type InterviewSnapshot,
  type NoteCommand,
  type PartialTranscript,
  type Participant,
  type ParticipantRole,
  type Prompt,
  type QuestionChecklist,
  type RubricOverrideCommand,
  type ScoreCommand,
  type ShowPromptCommand,
  type SocketError,
  type TurnState,
} from '@mockroom/contracts';
import { MicCapture, type MicState } from '../../shared/audio/mic-capture';
import { BUILT_IN_TRANSPORT, LiveMedia, type MediaTransport } from '../../shared/audio/live-media';
import { AudioUplink, audioLostMessage, mayStream } from '../../shared/live/audio-uplink';
import { CompletionWatch, isErrorReply, LiveConnection, Toasts, type ConnectionStatus, type LiveSocket, type Toast } from '../../shared/live/live-connection';
import type { FatalProblem } from '../../shared/live/live-connection';
import { upsertPartial, upsertPrompt, upsertSegment, withoutPartial } from '../../shared/live/transcript';
import { RelayPlayer, type RelayAudioStatus, type RelayTestHook } from './relay-player';
import { upsertChecklist, upsertNote, upsertScore } from '../session-logic';

type TimedSocket = ReturnType<LiveSocket['timeout']>;

export interface SessionState {
  /** Which side of the session this browser is on. */
  role: ParticipantRole;
  connection: ConnectionStatus;
  /** Reconnection attempts since the connection dropped. */
  reconnectAttempt: number;
  /** True once the server has sent the interview on this connection. */
  joined: boolean;
  snapshot: InterviewSnapshot;
  /** Words of segments still being spoken, until their final text comes. */
  partials: PartialTranscript[];
  /** Who is in the session, as the server last said. */
  participants: Participant[];
  /** The interviewer's console: checklists, scores, notes, suggestions (never set for the candidate). */
  console: ConsoleState | null;
  /** The interviewer's view: whether the candidate seems done or still thinking (after each thing they say). */
  candidateListening: CandidateListening | null;
  mic: MicState;
  muted: boolean;
  /** How the audio travels (the built-in transport, or LiveKit when the server has it). */
  media: MediaTransport;
  /** Whether the other voice can play (`blocked`: "Join audio"). */
  audio: RelayAudioStatus;
  starting: boolean;
  ending: boolean;
  /** The session is over on the server; its review is on its way. */
  wrappingUp: boolean;
  completed: boolean;
  fatal: FatalProblem | null;
  toasts: Toast[];
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

const EMPTY_CONSOLE: ConsoleState = { checklists: [], notes: [], scores: [], suggestions: { questionIndex: -1, followUps: [] } };

function fatalFor(error: SocketError): FatalProblem {
  switch (error.code) {
    case 'session-ended':
      return { code: error.code, title: 'This session has ended', message: error.message || 'The session is over, so it can no longer be joined.' };
    case 'not-your-session':
    case 'forbidden':
      return {
        code: error.code,
        title: "This session isn't yours",
        message: error.message || 'Only its interviewer and the candidate who accepted the invitation can join it.',
      };
    case 'unauthorized':
    case 'signed-out':
    case 'session-expired':
      // Signed out in another tab, or the sign-in expired: the page offers to sign in again.
      return { code: 'unauthorized', title: "You've been signed out", message: error.code === 'unauthorized' ? 'Sign in again to rejoin the session where it is.' : error.message };
    case 'not-found':
      return { code: error.code, title: 'Session not found', message: error.message || 'There is no session at this address.' };
    default:
      return { code: error.code, title: "You can't join this session", message: error.message || 'The server refused the connection.' };
  }
}

/**
 * One participant's side of a session run by a human interviewer: the socket (join, re-join after every reconnect),
 * the microphone and its frames (resent after a reconnect from where the server got to), the other participant's
 * voice, presence, and for the interviewer the console and its commands. Create it, `open()` it, `close()` it.
 */
export class SessionStore {
  readonly interviewId: string;
  readonly role: ParticipantRole;
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private readonly levelListeners = new Set<(level: number, raw: number) => void>();
  private readonly remoteLevelListeners = new Set<(level: number, raw: number) => void>();
  private readonly connection: LiveConnection;
  private readonly completion: CompletionWatch;
  private readonly toasts: Toasts;
  private readonly mic: MicCapture;
  private readonly player: RelayPlayer;
  private readonly uplink: AudioUplink;
  private readonly media: LiveMedia;
  /** The relayed voice's status, and whether the LiveKit room's audio waits for a click. */
  private relayStatus: RelayAudioStatus;
  private roomBlocked = false;
  /** Voices heard through the LiveKit room (their level comes from there). */
  private roomVoices: ReadonlySet<ParticipantRole> = new Set();
  private opened = false;
  private closed = false;
  private lastLevel = 0;
  private lastRawLevel = 0;
  private lastRemoteLevel = 0;

  constructor(initial: InterviewSnapshot, role: ParticipantRole) {
    this.interviewId = initial.interview.id;
    this.role = role;
    this.connection = new LiveConnection({
      interviewId: this.interviewId,
      noun: 'session',
      state: () => this.state,
      setConnection: (patch) => this.set(patch),
      onSocketChanged: () => this.uplink.reset(),
      onJoined: (snapshot) => this.applySnapshot(snapshot),
      onEnded: () => this.awaitCompletion(),
      onFatal: (error) => this.fail(fatalFor(error)),
      toast: (message) => this.toast(message),
    });
    this.completion = new CompletionWatch(this.interviewId, {
      done: () => this.closed || this.state.completed,
      onCompleted: (snapshot) => this.complete(snapshot),
      onGaveUp: () => this.fail({ code: 'session-ended', title: 'This session has ended', message: 'The session is over, but its review is not ready yet. Check your interviews in a moment.' }),
    });
    this.toasts = new Toasts((toasts) => this.set({ toasts }));
    this.uplink = new AudioUplink({
      socket: () => this.connection.socket,
      // Not while the LiveKit room carries the microphone: an audio:start would take the audio back to the socket.
      mayStream: (hasFrames) => mayStream(this.state, hasFrames) && !this.media.viaRoom,
      onEnded: () => this.awaitCompletion(),
      onRefused: (error) => this.fail(fatalFor(error)),
      onAudioLost: (ms) => this.toast(audioLostMessage(ms)),
    });
    this.mic = new MicCapture({
      onFrame: (pcm, level) => this.handleFrame(pcm, level),
      onStateChange: (mic) => {
        this.set({ mic });
        if (mic.status === 'running') {
          this.uplink.ensure();
          this.media.start(() => this.mic.getTrack());
        }
      },
    });
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
    this.media = new LiveMedia(this.interviewId, {
      onChange: (media) => this.set({ media }),
      onToRoom: () => this.sendRoute(),
      onBackToSocket: () => this.uplink.restart(),
      onVoices: (voices) => (this.roomVoices = voices),
      onPlayback: (allowed) => {
        this.roomBlocked = !allowed;
        this.syncAudioStatus();
      },
      onRemoteLevel: (level) => {
        if (this.roomVoices.size) this.remoteLevel(level);
      },
    }, undefined, initial.livekit);
    const over = initial.interview.status === 'completed' || initial.interview.status === 'abandoned';
    this.state = {
      role,
      connection: 'connecting',
      reconnectAttempt: 0,
      joined: false,
      snapshot: initial,
      partials: [],
      participants: [],
      console: null,
      candidateListening: null,
      mic: this.mic.getState(),
      muted: false,
      media: BUILT_IN_TRANSPORT,
      audio: this.player.getStatus(),
      starting: false,
      ending: false,
      wrappingUp: false,
      completed: over,
      fatal: null,
      toasts: [],
    };
  }

  // ---- store -------------------------------------------------------------------------------------------------

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** This participant's microphone level as shown (0 while muted) and as heard, ~50 times a second. */
  onLevel = (listener: (level: number, raw: number) => void): (() => void) => {
    this.levelListeners.add(listener);
    listener(this.lastLevel, this.lastRawLevel);
    return () => this.levelListeners.delete(listener);
  };

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
    const audio: RelayAudioStatus = this.roomBlocked && this.relayStatus !== 'unsupported' ? 'blocked' : this.relayStatus;
    if (audio !== this.state?.audio) this.set({ audio });
  }

  private set(patch: Partial<SessionState>): void {
    if (this.closed) return;
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  private setSnapshot(patch: Partial<InterviewSnapshot>, extra: Partial<SessionState> = {}): void {
    this.set({ ...extra, snapshot: { ...this.state.snapshot, ...patch } });
  }

  private setConsole(update: (console: ConsoleState) => ConsoleState): void {
    if (this.role !== 'interviewer') return;
    this.set({ console: update(this.state.console ?? EMPTY_CONSOLE) });
  }

  // ---- lifecycle ---------------------------------------------------------------------------------------------

  open(): void {
    if (this.opened || this.closed) return;
    this.opened = true;
    window.__mockroomAudio = this.uplink.hook;
    window.__mockroomRelay = this.player.hook;
    this.bindSocket(this.connection.socket);
    this.connection.open();
    if (!this.state.completed) {
      this.player.open();
      void this.mic.start();
      // Any click or key press is a moment the browser lets sound start.
      document.addEventListener('pointerdown', this.onGesture, true);
      document.addEventListener('keydown', this.onGesture, true);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    document.removeEventListener('pointerdown', this.onGesture, true);
    document.removeEventListener('keydown', this.onGesture, true);
    this.player.close();
    this.mic.stop();
    this.media.close();
    this.uplink.close();
    this.connection.close();
    this.completion.stop();
    this.toasts.clear();
    this.listeners.clear();
    this.levelListeners.clear();
    this.remoteLevelListeners.clear();
  }

  private readonly onGesture = (): void => {
    if (this.state.audio === 'blocked') {
      void this.player.unlock();
      this.media.unlock();
    }
    if (this.state.mic.status === 'suspended') void this.mic.resume();
  };

  private bindSocket(socket: LiveSocket): void {
    socket.on('interview:state', (turn) => this.applyTurn(turn));
    socket.on('prompt', (prompt) => this.receivePrompt(prompt));
    socket.on('transcript:segment', (segment) => {
      const transcript = upsertSegment(this.state.snapshot.transcript, segment);
      const partials = withoutPartial(this.state.partials, segment.seq);
      if (transcript !== this.state.snapshot.transcript || partials !== this.state.partials) this.setSnapshot({ transcript }, { partials });
    });
    socket.on('transcript:partial', (partial) => {
      const partials = upsertPartial(this.state.partials, partial, this.state.snapshot.transcript);
      if (partials !== this.state.partials) this.set({ partials });
    });
    socket.on('presence', (participants) => this.set({ participants: Array.isArray(participants) ? participants : [] }));
    socket.on('audio:relay', ({ speaker, pcm }) => {
      // Only the other voice plays: an echo of one's own would be confusing.
      if (speaker !== this.role && pcm && !this.state.completed) this.player.push(pcm);
    });
    socket.on('console:state', (state) => {
      if (this.role === 'interviewer') this.set({ console: state });
    });
    socket.on('checklist:update', (checklist) => this.setConsole((c) => ({ ...c, checklists: upsertChecklist(c.checklists, checklist) })));
    socket.on('candidate:listening', (signal) => this.set({ candidateListening: signal }));
    socket.on('interview:completed', (snapshot) => this.complete(snapshot));
    socket.on('error', (error) => this.handleServerError(error));
  }

  private handleServerError(error: SocketError): void {
    if (this.state.completed || this.state.fatal) return;
    if (this.connection.handleError(error)) return;
    if (error.event === 'audio:frame' && (error.code === 'no-stream' || error.code === 'not-joined')) {
      // The server lost track of the stream (it reloaded the session): start it again, same id.
      this.uplink.lost();
    } else if (error.event === 'audio:frame') {
      // Audio the server won't take yet (e.g. before the start): the stream is retried, no need to alarm anyone.
      this.uplink.refusedForNow();
    } else {
      this.toast(error.message || 'Something went wrong on the server.');
    }
  }

  private applySnapshot(snapshot: InterviewSnapshot): void {
    const status = snapshot.interview.status;
    if (status === 'completed' || status === 'abandoned') {
      this.complete(snapshot);
      return;
    }
    this.set({ joined: true, snapshot });
    // After a reconnect the server must hear again that the room carries the microphone.
    this.sendRoute();
    if (snapshot.turn.phase === 'done') {
      this.awaitCompletion();
      return;
    }
    this.uplink.ensure();
  }

  /** With the LiveKit room carrying the microphone, the server takes the agent's stream of it (and not this socket's). */
  private sendRoute(): void {
    if (this.media.viaRoom && this.connection.ready) this.connection.socket.emit('audio:route', 'room');
  }

  private applyTurn(turn: TurnState): void {
    // The server sends a turn only from the start on, and starting sends one that still waits for the first question.
    this.setSnapshot({ turn, interview: this.liveInterview() });
    if (turn.phase === 'done') this.awaitCompletion();
    else if (!this.uplink.streaming) this.uplink.ensure();
  }

  private receivePrompt(prompt: Prompt): void {
    // A new prompt opens a new answer: the last reading of the candidate's pause no longer applies.
    this.setSnapshot({ prompts: upsertPrompt(this.state.snapshot.prompts, prompt), interview: this.liveInterview() }, { candidateListening: null });
  }

  /** The interview, marked live if it was only created (the interviewer started it). */
  private liveInterview(): InterviewSnapshot['interview'] {
    const interview = this.state.snapshot.interview;
    if (interview.status !== 'created') return interview;
    return { ...interview, status: 'live', startedAt: interview.startedAt ?? new Date().toISOString() };
  }

  /** The session is over on the server: no more audio; the review follows (looked up over REST too). */
  private awaitCompletion(): void {
    if (this.state.completed || this.completion.watching || this.state.wrappingUp) return;
    this.mic.stop();
    this.uplink.stop();
    this.set({ wrappingUp: true });
    this.completion.start();
  }

  private complete(snapshot: InterviewSnapshot): void {
    if (this.state.completed) return;
    this.mic.stop();
    this.player.close();
    this.media.close();
    this.completion.stop();
    this.set({ snapshot, completed: true, ending: false, wrappingUp: false });
    this.connection.socket.disconnect();
  }

  private fail(problem: FatalProblem): void {
    if (this.state.completed) return;
    this.mic.stop();
    this.player.close();
    this.media.close();
    this.set({ fatal: problem });
    this.connection.socket.disconnect();
  }

  // ---- this participant's audio ------------------------------------------------------------------------------

  private handleFrame(pcm: ArrayBuffer, level: number): void {
    if (this.closed) return;
    const muted = this.state.muted;
    const shown = muted ? 0 : level;
    this.lastLevel = shown;
    this.lastRawLevel = level;
    this.levelListeners.forEach((listener) => listener(shown, level));
    // With LiveKit carrying the microphone the frames stay here (they still drive the meter).
    if (this.media.next(shown, AUDIO_FRAME_MS) === 'room') return;
    // Muted: keep the timeline continuous with silence.
    this.uplink.push(muted ? new ArrayBuffer(pcm.byteLength) : pcm);
  }

  // ---- actions -----------------------------------------------------------------------------------------------

  /** Sends an acknowledged event; resolves with the reply, or throws a CommandError with a message to show. */
  private async request<T>(send: (socket: TimedSocket) => Promise<T | { error: SocketError }>, timeoutMs = ACK_TIMEOUT_MS): Promise<T> {
    const socket = this.connection.socket;
    if (!this.connection.ready) throw new CommandError('offline', OFFLINE);
    let reply: T | { error: SocketError };
    try {
      reply = await send(socket.timeout(timeoutMs));
    } catch {
      throw new CommandError('timeout', NO_ANSWER);
    }
    if (isErrorReply(reply)) {
      // A refused command leaves the session as it is, unless the session itself is gone.
      if (reply.error.code === 'session-ended') this.awaitCompletion();
      else if (reply.error.code === 'unauthorized') this.fail(fatalFor(reply.error));
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
      this.setSnapshot({ interview: this.liveInterview() });
      this.applyTurn(turn);
    } catch (error) {
      if (!this.state.completed) this.toast(`Couldn't start the session: ${error instanceof Error ? error.message : NO_ANSWER}`);
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

  setMuted(muted: boolean): void {
    this.set({ muted });
    this.media.setMuted(muted);
  }

  /** Lets the other voice play and wakes the microphone; call it from a click ("Join audio"). */
  unlockAudio(): void {
    void this.player.unlock();
    this.media.unlock();
    void this.mic.resume();
  }

  retryMic(): void {
    void this.mic.start();
  }

  resumeMic(): void {
    void this.mic.resume();
  }

  dismissToast(id: number): void {
    this.toasts.dismiss(id);
  }

  private toast(message: string): void {
    this.toasts.show(message);
  }
}
