import {
  AUDIO_FRAME_MS,
  AUDIO_SAMPLE_RATE,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketError,
} from '@mockroom/contracts';
import type { Socket } from 'socket.io-client';
import { FrameOutbox } from './frame-outbox';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** For the browser tests: how much audio went out over the socket, on which stream. */
export interface AudioTestHook {
  framesSent: number;
  streamId: string;
}

declare global {
  interface Window {
    __mockroomAudio?: AudioTestHook;
  }
}

export interface UplinkHost {
  socket(): LiveSocket | null;
  /** Whether a stream may be opened now: joined, the session not over, the microphone running (or frames waiting). */
  mayStream(hasFrames: boolean): boolean;
  /** The server says the session is over. */
  onEnded(): void;
  /** The server refused the stream for good (not this user's session, signed out…). */
  onRefused(error: SocketError): void;
  /** Audio the server never got and that is no longer kept to resend (offline longer than the outbox holds). */
  onAudioLost?(ms: number): void;
}

/** What to tell someone whose audio was lost: how much, and what to do about it. */
export function audioLostMessage(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return `About ${seconds} second${seconds === 1 ? '' : 's'} of your audio did not reach the interviewer while the connection was down. Please repeat what you said then.`;
}

/** Refusals that end a session for good. */
export const FATAL_CODES = new Set([
  'not-your-session',
  'unauthorized',
  'forbidden',
  'not-found',
  'forbidden-origin',
  'signed-out',
  'session-expired',
]);

const ACK_TIMEOUT_MS = 10_000;
/** About ten seconds of 20 ms frames, kept to resend after a reconnect. */
const OUTBOX_FRAMES = Math.round(10_000 / AUDIO_FRAME_MS);
const RETRY_MS = [2_000, 5_000];

/** What a live page knows that decides whether its audio stream may open. */
export interface StreamingState {
  joined: boolean;
  wrappingUp: boolean;
  completed: boolean;
  fatal: unknown;
  mic: { status: string };
  snapshot: { turn: { phase: string } };
}

/** A stream opens once joined, while the session is not over, with the microphone running (or frames waiting). */
export function mayStream(state: StreamingState, hasFrames: boolean): boolean {
  const { joined, wrappingUp, completed, fatal, mic, snapshot } = state;
  return (
    joined &&
    !wrappingUp &&
    !completed &&
    !fatal &&
    snapshot.turn.phase !== 'done' &&
    (mic.status === 'running' || hasFrames)
  );
}

export function randomStreamId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isError(reply: unknown): reply is { error: SocketError } {
  return typeof reply === 'object' && reply !== null && 'error' in reply;
}

/**
 * The microphone's frames on the built-in transport: one audio stream over the live socket, numbered from 0, opened
 * with `audio:start` (again after every reconnect, resending from where the server got to), retried when the server
 * cannot take it yet. `restart()` begins a new stream (after the audio was carried by the LiveKit room for a while).
 */
export class AudioUplink {
  private readonly host: UplinkHost;
  private outbox = new FrameOutbox(OUTBOX_FRAMES);
  private accepted = false;
  /** The server has taken this stream before (frames queued before the first start are not "lost"). */
  private everAccepted = false;
  private starting = false;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  /** Bumped whenever replies in flight became stale (a new connection, a new stream). */
  private epoch = 0;
  private closed = false;
  readonly hook: AudioTestHook;

  constructor(host: UplinkHost) {
    this.host = host;
    this.hook = { framesSent: 0, streamId: randomStreamId() };
  }

  get streamId(): string {
    return this.hook.streamId;
  }

  get streaming(): boolean {
    return this.accepted;
  }

  /** One frame of the microphone. */
  push(pcm: ArrayBuffer): void {
    if (this.closed) return;
    this.outbox.push(pcm);
    if (this.accepted) this.flush();
    else this.ensure();
  }

  /** The socket connected or dropped: the server knows no stream on it until `audio:start` again. */
  reset(): void {
    this.epoch++;
    this.accepted = false;
    this.starting = false;
  }

  /** The server lost track of the stream (it reloaded the interview): start it again, same id. */
  lost(): void {
    this.accepted = false;
    this.ensure();
  }

  /** The server would not take audio just now: try again a little later. */
  refusedForNow(): void {
    this.accepted = false;
    this.retryLater();
  }

  /** Stops sending (the session is over); `ensure` does nothing after. */
  stop(): void {
    this.accepted = false;
  }

  /** A new stream from frame 0 (the previous one ended at a pause). */
  restart(): void {
    this.hook.streamId = randomStreamId();
    this.outbox = new FrameOutbox(OUTBOX_FRAMES);
    this.everAccepted = false;
    this.reset();
    this.ensure();
  }

  close(): void {
    this.closed = true;
    this.accepted = false;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  /** Opens the stream if it is not open and may be. */
  ensure(): void {
    const socket = this.host.socket();
    if (this.closed || !socket?.connected || this.accepted || this.starting || this.retry) return;
    if (!this.host.mayStream(this.outbox.nextSeq > 0)) return;
    const epoch = this.epoch;
    this.starting = true;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('audio:start', { streamId: this.streamId, sampleRate: AUDIO_SAMPLE_RATE })
      .then(
        (reply) => {
          if (epoch !== this.epoch || this.closed) return;
          this.starting = false;
          if (isError(reply)) {
            if (reply.error.code === 'session-ended') this.host.onEnded();
            else if (FATAL_CODES.has(reply.error.code)) this.host.onRefused(reply.error);
            else this.retryLater();
            return;
          }
          this.failures = 0;
          // The server got to a frame no longer kept here: what lies between is lost (and filled with silence there).
          const lost = this.outbox.oldestSeq - reply.nextSeq;
          if (lost > 0 && this.everAccepted) this.host.onAudioLost?.(lost * AUDIO_FRAME_MS);
          this.everAccepted = true;
          this.outbox.rewindTo(reply.nextSeq);
          this.accepted = true;
          this.flush();
        },
        () => {
          if (epoch !== this.epoch || this.closed) return;
          this.starting = false;
          this.retryLater();
        },
      );
  }

  private flush(): void {
    const socket = this.host.socket();
    if (!socket?.connected || !this.accepted) return;
    this.hook.framesSent += this.outbox.drain((seq, pcm) => socket.emit('audio:frame', seq, pcm));
  }

  private retryLater(): void {
    if (this.retry || this.closed) return;
    const delay = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
    this.retry = setTimeout(() => {
      this.retry = null;
      this.ensure();
    }, delay);
  }
}
