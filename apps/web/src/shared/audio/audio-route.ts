/** Which way the microphone's frames go to the interview: over the socket (built-in) or through the LiveKit room. */
export type Route = 'socket' | 'room';

export interface AudioRouteOptions {
  /** Below this level (0..1, see levelFromRms) a frame counts as quiet. */
  quietLevel: number;
  /** How long it must be quiet before the audio moves to the room, so no word is split between the two ways. */
  quietMs: number;
}

export const AUDIO_ROUTE_DEFAULTS: AudioRouteOptions = { quietLevel: 0.35, quietMs: 800 };

/**
 * Decides, frame by frame, which way the audio goes. It starts on the socket, which works everywhere; once the room
 * carries the microphone (see RoomAudio `onCarrying`), it moves there at the next quiet moment; if the room stops
 * carrying it, it comes back to the socket at once (a new stream: the server fills nothing in between).
 */
export class AudioRoute {
  private readonly options: AudioRouteOptions;
  private route: Route = 'socket';
  private roomReady = false;
  private quiet = 0;

  constructor(options: Partial<AudioRouteOptions> = {}) {
    this.options = { ...AUDIO_ROUTE_DEFAULTS, ...options };
  }

  get current(): Route {
    return this.route;
  }

  /** The room carries the microphone now (or no longer). Returns true when the audio moved back to the socket. */
  setRoomReady(ready: boolean): boolean {
    this.roomReady = ready;
    if (!ready && this.route === 'room') {
      this.route = 'socket';
      this.quiet = 0;
      return true;
    }
    return false;
  }

  /** One frame of `durationMs` at `level`: the way it goes. */
  next(level: number, durationMs: number): Route {
    if (this.route === 'socket' && this.roomReady) {
      this.quiet = level < this.options.quietLevel ? this.quiet + durationMs : 0;
      // This frame still goes over the socket: the pause the server heard there closes any open segment.
      if (this.quiet >= this.options.quietMs) {
        this.route = 'room';
        return 'socket';
      }
    }
    return this.route;
  }
}
