import {
  AUDIO_FRAME_MS,
  type InterviewSnapshot,
  type PartialTranscript,
  type Prompt,
  type SocketError,
  type TurnState,
} from '@mockroom/contracts';
import { MicCapture, type MicState } from '../audio/mic-capture';
import { BUILT_IN_TRANSPORT, LiveMedia, type LiveMediaHandlers, type MediaTransport } from '../audio/live-media';
import { AudioUplink, audioLostMessage, mayStream } from './audio-uplink';
import {
  CompletionWatch,
  LiveConnection,
  Toasts,
  type ConnectionStatus,
  type FatalProblem,
  type LiveSocket,
  type Toast,
} from './live-connection';
import { gaveUpWaiting, refusalFor, type LiveKind } from './refusals';
import { upsertPartial, upsertSegment, withoutPartial } from './transcript';

/** Editor events whose refusals come back in their replies, where the coding panel handles them. */
const ACKED_CODE_EVENTS: ReadonlySet<string> = new Set(['code:state', 'code:sync', 'code:point']);

/** What every live page's state holds: the AI interview's room, and a session's console and candidate room. */
export interface LiveState {
  connection: ConnectionStatus;
  /** Reconnection attempts since the connection dropped. */
  reconnectAttempt: number;
  /** True once the server has sent the interview on this connection. */
  joined: boolean;
  snapshot: InterviewSnapshot;
  /** Words of segments still being spoken, until their final text comes. */
  partials: PartialTranscript[];
  mic: MicState;
  muted: boolean;
  /** How the audio travels (the built-in transport, or LiveKit when the server has it). */
  media: MediaTransport;
  starting: boolean;
  ending: boolean;
  /** The interview is over on the server; its review is on its way. */
  wrappingUp: boolean;
  completed: boolean;
  fatal: FatalProblem | null;
  toasts: Toast[];
}

type LevelListener = (level: number, raw: number) => void;

/** What a live page adds to the common part: its own state, its words, and what it does at each step. */
export interface LiveCoreOptions<S extends LiveState> {
  /** Which kind of live page, for what it says (see refusals.ts). */
  noun: LiveKind;
  /** The page's whole state at the start, from the part every live page holds. */
  initialState(common: LiveState): S;
  /** The page's state cleared once the interview is over on the server. */
  wrapUp?: Partial<S>;
  /** Audio frames the server refused for another reason than a lost stream: retried quietly (true), or shown. */
  retryRefusedAudio?: boolean;
  /** The LiveKit room's news this page cares about. */
  media?: Pick<LiveMediaHandlers, 'onVoices' | 'onPlayback' | 'onRemoteLevel'>;
  /** Joined (again) with the interview running: the page's part of the state that changes with it. */
  joinedPatch?(snapshot: InterviewSnapshot): Partial<S>;
  /** Joined (again), before the audio route is repeated: what waited for the connection goes first. */
  rejoined?(): void;
  /** Joined and streaming again: what the page picks up where it was (a prompt cut short). */
  resumed?(snapshot: InterviewSnapshot): void;
  onTurn(turn: TurnState): void;
  onPrompt(prompt: Prompt): void;
  /** Words still being spoken, once the state has them. */
  onPartial?(partial: PartialTranscript): void;
  /** Each microphone frame's level as heard, and whether the microphone is muted, before the frame leaves. */
  onFrame?(level: number, muted: boolean): void;
  complete(snapshot: InterviewSnapshot): void;
  fail(problem: FatalProblem): void;
}

/**
 * The part of a live page every kind shares: the socket (join, re-join after every reconnect), the microphone and its
 * frames (resent after a reconnect from where the server got to), the LiveKit room when the server has one, the
 * transcript as it comes, waiting for the finished interview, toasts, and the state the page renders. A store (the AI
 * interview's, a session's) owns one and tells it, through `LiveCoreOptions`, what differs.
 */
export class LiveCore<S extends LiveState> {
  readonly interviewId: string;
  readonly connection: LiveConnection;
  readonly completion: CompletionWatch;
  readonly mic: MicCapture;
  readonly uplink: AudioUplink;
  readonly media: LiveMedia;
  private readonly toasts: Toasts;
  private readonly options: LiveCoreOptions<S>;
  private state: S;
  private readonly listeners = new Set<() => void>();
  private readonly levelListeners = new Set<LevelListener>();
  private lastLevel = 0;
  private lastRawLevel = 0;
  private opened = false;
  private isClosed = false;

  constructor(initial: InterviewSnapshot, options: LiveCoreOptions<S>) {
    this.interviewId = initial.interview.id;
    this.options = options;
    this.connection = new LiveConnection({
      interviewId: this.interviewId,
      noun: options.noun,
      state: () => this.state,
      setConnection: (patch) => this.set(patch as Partial<S>),
      onSocketChanged: () => this.uplink.reset(),
      onJoined: (snapshot) => this.applySnapshot(snapshot),
      onEnded: () => this.awaitCompletion(),
      onFatal: (error) => options.fail(refusalFor(options.noun, error)),
      toast: (message) => this.toast(message),
    });
    this.completion = new CompletionWatch(this.interviewId, {
      done: () => this.isClosed || this.state.completed,
      onCompleted: (snapshot) => options.complete(snapshot),
      onGaveUp: () => options.fail(gaveUpWaiting(options.noun)),
    });
    this.toasts = new Toasts((toasts) => this.set({ toasts } as Partial<S>));
    this.uplink = new AudioUplink({
      socket: () => this.connection.socket,
      // Not while the LiveKit room carries the microphone: an audio:start would take the audio back to the socket.
      mayStream: (hasFrames) => mayStream(this.state, hasFrames) && !this.media.viaRoom,
      onEnded: () => this.awaitCompletion(),
      onRefused: (error) => options.fail(refusalFor(options.noun, error)),
      onAudioLost: (ms) => this.toast(audioLostMessage(ms)),
    });
    this.mic = new MicCapture({
      onFrame: (pcm, level) => this.handleFrame(pcm, level),
      onStateChange: (mic) => {
        this.set({ mic } as Partial<S>);
        if (mic.status === 'running') {
          this.uplink.ensure();
          this.media.start(() => this.mic.getTrack());
        }
      },
    });
    this.media = new LiveMedia(
      this.interviewId,
      {
        ...options.media,
        onChange: (media) => this.set({ media } as Partial<S>),
        onToRoom: () => this.sendRoute(),
        onBackToSocket: () => this.uplink.restart(),
      },
      undefined,
      initial.livekit,
    );
    const status = initial.interview.status;
    this.state = options.initialState({
      connection: 'connecting',
      reconnectAttempt: 0,
      joined: false,
      snapshot: initial,
      partials: [],
      mic: this.mic.getState(),
      muted: false,
      media: BUILT_IN_TRANSPORT,
      starting: false,
      ending: false,
      wrappingUp: false,
      completed: status === 'completed' || status === 'abandoned',
      fatal: null,
      toasts: [],
    });
  }

  // ---- store -------------------------------------------------------------------------------------------------

  getState = (): S => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** This browser's microphone level as shown (0 while muted) and as heard, ~50 times a second. */
  onLevel = (listener: LevelListener): (() => void) => {
    this.levelListeners.add(listener);
    listener(this.lastLevel, this.lastRawLevel);
    return () => this.levelListeners.delete(listener);
  };

  /** Closed for good: nothing changes any more. */
  get closed(): boolean {
    return this.isClosed;
  }

  set(patch: Partial<S>): void {
    if (this.isClosed) return;
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  setSnapshot(patch: Partial<InterviewSnapshot>, extra: Partial<S> = {}): void {
    this.set({ ...extra, snapshot: { ...this.state.snapshot, ...patch } });
  }

  // ---- lifecycle ---------------------------------------------------------------------------------------------

  /** Connects, with the page's own socket events bound by `bind`; false when it was opened or closed before. */
  open(bind: (socket: LiveSocket) => void): boolean {
    if (this.opened || this.isClosed) return false;
    this.opened = true;
    window.__mockroomAudio = this.uplink.hook;
    this.bindSocket(this.connection.socket);
    bind(this.connection.socket);
    this.connection.open();
    return true;
  }

  /** Leaves for good; `teardown` stops the page's own parts first (after nothing can change the state any more). */
  close(teardown: () => void = () => undefined): void {
    if (this.isClosed) return;
    this.isClosed = true;
    teardown();
    this.mic.stop();
    this.media.close();
    this.uplink.close();
    this.connection.close();
    this.completion.stop();
    this.toasts.clear();
    this.listeners.clear();
    this.levelListeners.clear();
  }

  private bindSocket(socket: LiveSocket): void {
    socket.on('interview:state', (turn) => this.options.onTurn(turn));
    socket.on('prompt', (prompt) => this.options.onPrompt(prompt));
    socket.on('transcript:segment', (segment) => {
      const transcript = upsertSegment(this.state.snapshot.transcript, segment);
      const partials = withoutPartial(this.state.partials, segment.seq);
      if (transcript !== this.state.snapshot.transcript || partials !== this.state.partials)
        this.setSnapshot({ transcript }, { partials } as Partial<S>);
    });
    socket.on('transcript:partial', (partial) => {
      const partials = upsertPartial(this.state.partials, partial, this.state.snapshot.transcript);
      if (partials !== this.state.partials) this.set({ partials } as Partial<S>);
      this.options.onPartial?.(partial);
    });
    socket.on('interview:completed', (snapshot) => this.options.complete(snapshot));
    socket.on('error', (error) => this.handleServerError(error));
  }

  private handleServerError(error: SocketError): void {
    if (this.state.completed || this.state.fatal) return;
    // session-ended: the interview is over (it ended, or the last answer was just taken): the review is coming.
    if (this.connection.handleError(error)) return;
    if (error.event === 'audio:frame' && (error.code === 'no-stream' || error.code === 'not-joined')) {
      // The server lost track of the stream (it reloaded the interview): start it again, same id.
      this.uplink.lost();
    } else if (error.event === 'audio:frame' && this.options.retryRefusedAudio) {
      // Audio the server won't take yet (e.g. before the start): the stream is retried, no need to alarm anyone.
      this.uplink.refusedForNow();
    } else if (error.event && ACKED_CODE_EVENTS.has(error.event)) {
      // The editor's requests hear their refusals in their replies (a reloaded document is routine, not an alarm).
    } else {
      this.toast(error.message || 'Something went wrong on the server.');
    }
  }

  private applySnapshot(snapshot: InterviewSnapshot): void {
    const status = snapshot.interview.status;
    if (status === 'completed' || status === 'abandoned') {
      this.options.complete(snapshot);
      return;
    }
    this.set({ joined: true, snapshot, ...this.options.joinedPatch?.(snapshot) } as Partial<S>);
    this.options.rejoined?.();
    // After a reconnect the server must hear again that the room carries the microphone.
    this.sendRoute();
    if (snapshot.turn.phase === 'done') {
      this.awaitCompletion();
      return;
    }
    this.uplink.ensure();
    this.options.resumed?.(snapshot);
  }

  /** After a turn from the server: wait for the review once it is done, else make sure the audio flows. */
  followTurn(turn: TurnState): void {
    if (turn.phase === 'done') this.awaitCompletion();
    else if (!this.uplink.streaming) this.uplink.ensure();
  }

  /** With the LiveKit room carrying the microphone, the server takes the agent's stream of it (and not this socket's). */
  sendRoute(): void {
    if (this.media.viaRoom && this.connection.ready) this.connection.socket.emit('audio:route', 'room');
  }

  /** The interview, marked live if it was only created (it has started since). */
  liveInterview(): InterviewSnapshot['interview'] {
    const interview = this.state.snapshot.interview;
    if (interview.status !== 'created') return interview;
    return { ...interview, status: 'live', startedAt: interview.startedAt ?? new Date().toISOString() };
  }

  /**
   * The interview is over on the server. No more audio; the review arrives with interview:completed, but the server
   * first waits for the scores, and a dropped connection would miss the event: look it up over REST too.
   */
  awaitCompletion(): void {
    if (this.state.completed || this.completion.watching || this.state.wrappingUp) return;
    this.mic.stop();
    this.uplink.stop();
    this.set({ wrappingUp: true, ...this.options.wrapUp } as Partial<S>);
    this.completion.start();
  }

  /** The end of this page's live part (the review is in, or something stopped it): `patch` says which. */
  finish(patch: Partial<S>, stopWatch = true): void {
    this.mic.stop();
    if (stopWatch) this.completion.stop();
    this.set(patch);
    this.connection.socket.disconnect();
    this.media.close();
  }

  // ---- this browser's audio ----------------------------------------------------------------------------------

  private handleFrame(pcm: ArrayBuffer, level: number): void {
    if (this.isClosed) return;
    const muted = this.state.muted;
    const shown = muted ? 0 : level;
    this.lastLevel = shown;
    this.lastRawLevel = level;
    this.levelListeners.forEach((listener) => listener(shown, level));
    this.options.onFrame?.(level, muted);
    // With LiveKit carrying the microphone the frames stay here (they still drive the meter).
    if (this.media.next(shown, AUDIO_FRAME_MS) === 'room') return;
    // Muted: keep the timeline continuous with silence.
    this.uplink.push(muted ? new ArrayBuffer(pcm.byteLength) : pcm);
  }

  // ---- actions -----------------------------------------------------------------------------------------------

  setMuted(muted: boolean): void {
    this.set({ muted } as Partial<S>);
    this.media.setMuted(muted);
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

  toast(message: string): void {
    this.toasts.show(message);
  }
}
