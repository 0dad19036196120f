import type { LiveKitJoin, ParticipantRole } from '@mockroom/contracts';
import {
  Room,
  RoomEvent,
  Track,
  type Participant,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
} from 'livekit-client';

/**
 * `connecting`: joining the room; `connected`: in it; `reconnecting`: LiveKit is restoring a dropped connection;
 * `failed`: it could not join, or lost the room for good; `closed`: left on purpose.
 */
export type RoomAudioStatus = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

export interface RoomAudioHandlers {
  onStatus?: (status: RoomAudioStatus, problem: string | null) => void;
  /**
   * Whether the room carries this microphone into the interview: connected, published, and the media agent (which
   * feeds the transcription pipeline) is in the room and subscribed to it. Until then the built-in transport carries it.
   */
  onCarrying?: (carrying: boolean) => void;
  /** The voices heard through the room, by role (the AI interviewer's voice is the agent's track). */
  onVoices?: (voices: ReadonlySet<ParticipantRole>) => void;
  /** Whether the browser lets the room's audio play (false: it waits for a click, see `unlock`). */
  onPlayback?: (allowed: boolean) => void;
  /** The loudest remote voice, 0..1, about ten times a second. */
  onRemoteLevel?: (level: number) => void;
}

/** For the browser tests: what the room connection did. */
export interface RoomAudioTestHook {
  status: RoomAudioStatus;
  carrying: boolean;
  problem: string | null;
}

declare global {
  interface Window {
    __mockroomRoom?: RoomAudioTestHook;
  }
}

/** Joining gives up after this long (LiveKit's own timeouts are longer). */
const CONNECT_TIMEOUT_MS = 15_000;
const LEVEL_EVERY_MS = 100;

function voiceOf(participant: Participant): ParticipantRole | null {
  if (participant.isAgent) return 'interviewer'; // the AI interviewer speaks through the agent
  const role = participant.attributes?.role;
  return role === 'candidate' || role === 'interviewer' ? role : null;
}

/**
 * This browser in an interview's LiveKit room: publishes the microphone (a clone of the track the level meter reads,
 * so leaving the room never stops the capture) and plays the other voices through audio elements. One instance per
 * attempt; `close()` leaves the room.
 */
export class RoomAudio {
  private readonly handlers: RoomAudioHandlers;
  private readonly room = new Room({ adaptiveStream: false, dynacast: false, disconnectOnPageLeave: true });
  private readonly elements = new Map<string, HTMLMediaElement>();
  private readonly voices = new Map<string, ParticipantRole>();
  private status: RoomAudioStatus = 'connecting';
  private published: MediaStreamTrack | null = null;
  private subscribedByOthers = false;
  private carrying = false;
  private muted = false;
  private levelTimer: ReturnType<typeof setInterval> | null = null;
  readonly hook: RoomAudioTestHook = { status: 'connecting', carrying: false, problem: null };

  constructor(handlers: RoomAudioHandlers = {}) {
    this.handlers = handlers;
    const room = this.room;
    room.on(
      RoomEvent.TrackSubscribed,
      (track: RemoteTrack, publication: RemoteTrackPublication, participant: RemoteParticipant) => {
        if (track.kind !== Track.Kind.Audio) return;
        const element = track.attach();
        element.dataset.mockroomRoomAudio = participant.identity;
        element.style.display = 'none';
        document.body.appendChild(element);
        this.elements.set(publication.trackSid, element);
        const voice = voiceOf(participant);
        if (voice) this.voices.set(publication.trackSid, voice);
        this.emitVoices();
      },
    );
    room.on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack, publication: RemoteTrackPublication) => {
      track.detach().forEach((element) => element.remove());
      this.elements.get(publication.trackSid)?.remove();
      this.elements.delete(publication.trackSid);
      if (this.voices.delete(publication.trackSid)) this.emitVoices();
    });
    room.on(RoomEvent.LocalTrackSubscribed, () => {
      this.subscribedByOthers = true;
      this.syncCarrying();
    });
    room.on(RoomEvent.ParticipantConnected, () => this.syncCarrying());
    room.on(RoomEvent.ParticipantDisconnected, () => this.syncCarrying());
    room.on(RoomEvent.AudioPlaybackStatusChanged, () => this.handlers.onPlayback?.(room.canPlaybackAudio));
    room.on(RoomEvent.Reconnecting, () => this.setStatus('reconnecting'));
    room.on(RoomEvent.Reconnected, () => this.setStatus('connected'));
    room.on(RoomEvent.Disconnected, () => {
      if (this.status === 'connected' || this.status === 'reconnecting')
        this.setStatus('failed', 'The audio room closed the connection.');
    });
  }

  getStatus(): RoomAudioStatus {
    return this.status;
  }

  /** Joins the room and publishes `microphone`; rejects (and leaves) when that cannot be done in time. */
  async connect(join: LiveKitJoin, microphone: MediaStreamTrack): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        this.room.connect(join.url, join.token, { autoSubscribe: true }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer from the audio server')), CONNECT_TIMEOUT_MS);
        }),
      ]);
      if (this.status === 'closed') return;
      const track = microphone.clone();
      this.published = track;
      const publication = await this.room.localParticipant.publishTrack(track, {
        source: Track.Source.Microphone,
        name: 'microphone',
        dtx: false,
      });
      if (this.muted) await publication.mute();
      this.setStatus('connected');
      this.handlers.onPlayback?.(this.room.canPlaybackAudio);
      this.levelTimer = setInterval(() => this.emitLevel(), LEVEL_EVERY_MS);
      this.syncCarrying();
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'the audio server could not be reached';
      if (this.status !== 'closed') this.setStatus('failed', message);
      await this.leave();
      throw error;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  async setMuted(muted: boolean): Promise<void> {
    this.muted = muted;
    const publication = this.room.localParticipant?.getTrackPublication(Track.Source.Microphone);
    if (!publication) return;
    await (muted ? publication.mute() : publication.unmute()).catch(() => undefined);
  }

  /** Lets the room's audio play; call it from a click. */
  async unlock(): Promise<void> {
    await this.room.startAudio().catch(() => undefined);
    this.handlers.onPlayback?.(this.room.canPlaybackAudio);
  }

  close(): void {
    if (this.status === 'closed') return;
    this.setStatus('closed');
    void this.leave();
  }

  private async leave(): Promise<void> {
    if (this.levelTimer) clearInterval(this.levelTimer);
    this.levelTimer = null;
    this.elements.forEach((element) => element.remove());
    this.elements.clear();
    this.voices.clear();
    await this.room.disconnect(true).catch(() => undefined);
    this.published?.stop();
    this.published = null;
    this.syncCarrying();
  }

  private syncCarrying(): void {
    const agentHere = [...this.room.remoteParticipants.values()].some((p) => p.isAgent);
    const carrying = this.status === 'connected' && this.published !== null && this.subscribedByOthers && agentHere;
    if (carrying === this.carrying) return;
    this.carrying = carrying;
    this.hook.carrying = carrying;
    this.handlers.onCarrying?.(carrying);
  }

  private emitVoices(): void {
    this.handlers.onVoices?.(new Set(this.voices.values()));
  }

  private emitLevel(): void {
    let level = 0;
    for (const participant of this.room.remoteParticipants.values()) level = Math.max(level, participant.audioLevel);
    this.handlers.onRemoteLevel?.(Math.min(1, level));
  }

  private setStatus(status: RoomAudioStatus, problem: string | null = null): void {
    if (status === this.status && problem === this.hook.problem) return;
    this.status = status;
    this.hook.status = status;
    this.hook.problem = problem;
    this.handlers.onStatus?.(status, problem);
    if (status !== 'connected') this.syncCarrying();
  }
}
