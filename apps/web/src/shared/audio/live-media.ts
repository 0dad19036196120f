import type { LiveKitJoin, ParticipantRole } from '@mockroom/contracts';
import { ApiError } from '../api/client';
import { interviewsApi } from '../api/endpoints';
import { AudioRoute, type Route } from './audio-route';
import type { RoomAudio, RoomAudioHandlers, RoomAudioStatus } from './room-audio';

/** How this browser's audio reaches the interview, for the room's small print. */
export interface MediaTransport {
  /** What carries the microphone now. */
  via: 'built-in' | 'livekit';
  /** The LiveKit room: `off` when the server has none. */
  room: 'off' | RoomAudioStatus;
  /** Why the room is not in use, when it failed. */
  problem: string | null;
}

export const BUILT_IN_TRANSPORT: MediaTransport = { via: 'built-in', room: 'off', problem: null };

export interface LiveMediaHandlers {
  onChange: (transport: MediaTransport) => void;
  /** The audio moved to the room: tell the server (`audio:route`), which then takes the agent's stream instead. */
  onToRoom: () => void;
  /** The audio came back to the socket: open a new built-in stream (its `audio:start` tells the server). */
  onBackToSocket: () => void;
  onVoices?: (voices: ReadonlySet<ParticipantRole>) => void;
  onPlayback?: (allowed: boolean) => void;
  onRemoteLevel?: (level: number) => void;
}

/** What the media side needs from outside: a room token, and LiveKit's client (loaded only where the server has LiveKit). */
export interface LiveMediaDeps {
  token: (interviewId: string) => Promise<LiveKitJoin>;
  roomAudio: () => Promise<new (handlers: RoomAudioHandlers) => RoomAudio>;
}

const DEFAULT_DEPS: LiveMediaDeps = {
  token: (id) => interviewsApi.livekit(id),
  roomAudio: () => import('./room-audio').then((module) => module.RoomAudio),
};

/** Waits before joining the room again after it failed. */
const RETRY_MS = [5_000, 15_000, 30_000, 60_000];

/**
 * The media side of a live interview. The built-in transport (frames over the socket) always works and carries the
 * audio from the first moment. When the server has LiveKit, the browser also joins the interview's room with a token
 * from the API; once the media agent there takes the microphone, the audio moves to the room at a quiet moment, and
 * the other voices play from it. If the room fails or drops, the audio is back on the socket at once, and joining is
 * tried again later.
 */
export class LiveMedia {
  private readonly interviewId: string;
  private readonly handlers: LiveMediaHandlers;
  private readonly deps: LiveMediaDeps;
  private readonly route = new AudioRoute();
  private room: RoomAudio | null = null;
  private transport: MediaTransport = BUILT_IN_TRANSPORT;
  private microphone: (() => MediaStreamTrack | null) | null = null;
  private attempts = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private joining = false;
  private unavailable = false;
  private closed = false;
  private muted = false;

  /** `livekit`: whether the server said it has LiveKit (its snapshot); when it said no, no token is asked for. */
  constructor(interviewId: string, handlers: LiveMediaHandlers, deps: LiveMediaDeps = DEFAULT_DEPS, livekit?: boolean) {
    this.interviewId = interviewId;
    this.handlers = handlers;
    this.deps = deps;
    this.unavailable = livekit === false;
  }

  getTransport(): MediaTransport {
    return this.transport;
  }

  /** The microphone is running: join the room if the server has one (once; later calls do nothing). */
  start(microphone: () => MediaStreamTrack | null): void {
    this.microphone = microphone;
    void this.join();
  }

  /** Which way this frame goes. */
  next(level: number, durationMs: number): Route {
    const before = this.route.current;
    const route = this.route.next(level, durationMs);
    if (this.route.current !== before) {
      this.update({ via: 'livekit' });
      this.handlers.onToRoom();
    }
    return route;
  }

  get viaRoom(): boolean {
    return this.route.current === 'room';
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    void this.room?.setMuted(muted);
  }

  unlock(): void {
    void this.room?.unlock();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.room?.close();
    this.room = null;
  }

  private async join(): Promise<void> {
    if (this.closed || this.unavailable || this.joining || this.room) return;
    const track = this.microphone?.();
    if (!track) return;
    this.joining = true;
    try {
      const join = await this.deps.token(this.interviewId);
      const RoomAudio = await this.deps.roomAudio();
      if (this.closed) return;
      const room: RoomAudio = new RoomAudio({
        onStatus: (status, problem) => this.onRoomStatus(room, status, problem),
        onCarrying: (carrying) => {
          if (room === this.room && this.route.setRoomReady(carrying)) this.backToSocket();
        },
        onVoices: (voices) => this.handlers.onVoices?.(voices),
        onPlayback: (allowed) => this.handlers.onPlayback?.(allowed),
        onRemoteLevel: (level) => this.handlers.onRemoteLevel?.(level),
      });
      this.room = room;
      if (typeof window !== 'undefined') window.__mockroomRoom = room.hook;
      this.update({ room: 'connecting', problem: null });
      if (this.muted) void room.setMuted(true);
      await room.connect(join, track);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // No LiveKit on this server (or the interview is over): the built-in transport is the transport.
        this.unavailable = true;
        this.update(BUILT_IN_TRANSPORT);
        return;
      }
      // (A room that failed while joining has been dealt with already.)
      if (!this.retry) this.failed(error instanceof Error ? error.message : String(error));
    } finally {
      this.joining = false;
    }
  }

  private onRoomStatus(room: RoomAudio, status: RoomAudioStatus, problem: string | null): void {
    if (room !== this.room || this.closed) return;
    if (status === 'failed') {
      this.failed(problem ?? 'the audio room was lost');
      return;
    }
    if (status === 'connected') this.attempts = 0;
    this.update({ room: status, problem: null });
  }

  /** The room is out: audio on the socket, the room left, another try later. */
  private failed(problem: string): void {
    if (this.closed) return;
    const room = this.room;
    this.room = null;
    room?.close();
    if (this.route.setRoomReady(false)) this.backToSocket();
    this.update({ room: 'failed', problem });
    this.handlers.onVoices?.(new Set());
    const delay = RETRY_MS[Math.min(this.attempts++, RETRY_MS.length - 1)];
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.join();
    }, delay);
  }

  private backToSocket(): void {
    this.update({ via: 'built-in' });
    this.handlers.onBackToSocket();
  }

  private update(patch: Partial<MediaTransport>): void {
    const next = { ...this.transport, ...patch };
    if (next.via === this.transport.via && next.room === this.transport.room && next.problem === this.transport.problem)
      return;
    this.transport = next;
    this.handlers.onChange(next);
  }
}

/** "LiveKit", "built-in", or "built-in (LiveKit: …)" for the room's small print. */
export function describeTransport(transport: MediaTransport): string {
  if (transport.via === 'livekit') return transport.room === 'reconnecting' ? 'LiveKit (reconnecting…)' : 'LiveKit';
  if (transport.room === 'off') return 'built-in';
  if (transport.room === 'failed') return `built-in (LiveKit unavailable: ${transport.problem ?? 'no connection'})`;
  return 'built-in (joining LiveKit…)';
}
