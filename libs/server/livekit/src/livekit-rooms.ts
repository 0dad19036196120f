import {
  EgressClient,
  EncodedFileOutput,
  EncodedFileType,
  RoomServiceClient,
  ServerError,
  TrackSource,
  TrackType,
  type Room,
} from 'livekit-server-sdk';
import { fromSeconds, type LiveKitEgress, type LiveKitParticipant, toEgress, toParticipant } from './livekit-mapping';

/** `config.livekit` when LiveKit is configured. */
export interface LiveKitConfig {
  /** The URL clients connect to (ws:// or wss://); the server API is the same host over http(s). */
  url: string;
  apiKey: string;
  apiSecret: string;
}

/** A failed LiveKit server API call. `status` is the HTTP status (0 when LiveKit could not be reached or did not answer in time). */
export class LiveKitError extends Error {
  override readonly name = 'LiveKitError';

  constructor(
    /** Which call failed, e.g. `CreateRoom`. */
    readonly operation: string,
    readonly status: number,
    /** The Twirp error code (`not_found`, `permission_denied`, `internal`…), or `unavailable` / `timeout` without an answer. */
    readonly code: string | null,
    /** What the server said (or why there was no answer). */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`LiveKit ${operation} failed (${status || 'no answer'}${code ? ` ${code}` : ''}): ${detail}`, options);
  }

  get notFound(): boolean {
    return this.status === 404 || this.code === 'not_found';
  }
}

/** Thrown by every LiveKitRooms call when LiveKit is not configured. */
export class LiveKitNotConfiguredError extends Error {
  override readonly name = 'LiveKitNotConfiguredError';

  constructor(operation: string) {
    super(`LiveKit is not configured, cannot ${operation}: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET`);
  }
}

/** The LiveKit server API's base URL: the client URL with ws(s):// turned into http(s)://. Only the origin is used by LiveKit's clients. */
export function toHttpUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`LIVEKIT_URL is not a URL: "${url}"`);
  }
  const protocol = { 'ws:': 'http:', 'wss:': 'https:', 'http:': 'http:', 'https:': 'https:' }[parsed.protocol];
  if (!protocol) throw new TypeError(`LIVEKIT_URL must start with ws://, wss://, http:// or https://, got "${url}"`);
  return `${protocol}//${parsed.host}`;
}

export interface EnsureRoomOptions {
  /** How long the room stays open when nobody joins (and, without departureTimeoutSeconds, after the last one leaves). */
  emptyTimeoutSeconds: number;
  /** People allowed in at once; agents and recorders do not count. */
  maxParticipants: number;
  /** How long the room stays open after the last participant leaves (a grace period to rejoin). */
  departureTimeoutSeconds?: number;
}

export interface LiveKitRoom {
  sid: string;
  name: string;
  emptyTimeoutSeconds: number;
  departureTimeoutSeconds: number;
  maxParticipants: number;
  numParticipants: number;
  createdAt: Date | null;
}

export interface LiveKitRoomsOptions {
  /** Per-request timeout; LiveKit's client defaults to 10 seconds. */
  requestTimeoutSeconds?: number;
}

function toRoom(room: Room): LiveKitRoom {
  return {
    sid: room.sid,
    name: room.name,
    emptyTimeoutSeconds: room.emptyTimeout,
    departureTimeoutSeconds: room.departureTimeout,
    maxParticipants: room.maxParticipants,
    numParticipants: room.numParticipants,
    createdAt: room.creationTimeMs ? new Date(Number(room.creationTimeMs)) : fromSeconds(room.creationTime),
  };
}

function toLiveKitError(operation: string, error: unknown): LiveKitError {
  if (error instanceof LiveKitError) return error;
  if (error instanceof ServerError) {
    return new LiveKitError(operation, error.status, error.code ?? null, error.message, { cause: error });
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new LiveKitError(operation, 0, 'timeout', 'LiveKit did not answer in time', { cause: error });
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const why = [error instanceof Error ? error.message : String(error), cause?.code ?? cause?.message]
    .filter(Boolean)
    .join(': ');
  return new LiveKitError(operation, 0, 'unavailable', `LiveKit is unreachable (${why})`, { cause: error });
}

/**
 * The LiveKit server API calls Mockroom makes, signed with the server's API key (each call with a short-lived token
 * carrying only the grant that call needs). Built with `null` when LiveKit is not configured: every call then throws
 * LiveKitNotConfiguredError.
 */
export class LiveKitRooms {
  private readonly clients: { rooms: RoomServiceClient; egress: EgressClient } | null;

  constructor(config: LiveKitConfig | null, options: LiveKitRoomsOptions = {}) {
    if (!config) {
      this.clients = null;
      return;
    }
    const host = toHttpUrl(config.url);
    const clientOptions = { requestTimeout: options.requestTimeoutSeconds };
    this.clients = {
      rooms: new RoomServiceClient(host, config.apiKey, config.apiSecret, clientOptions),
      egress: new EgressClient(host, config.apiKey, config.apiSecret, clientOptions),
    };
  }

  get configured(): boolean {
    return this.clients !== null;
  }

  private async call<T>(
    operation: string,
    run: (clients: { rooms: RoomServiceClient; egress: EgressClient }) => Promise<T>,
  ): Promise<T> {
    if (!this.clients) throw new LiveKitNotConfiguredError(operation);
    try {
      return await run(this.clients);
    } catch (error) {
      throw toLiveKitError(operation, error);
    }
  }

  /** Creates the room, or returns it when it exists already (LiveKit's CreateRoom is idempotent). Grant: roomCreate. */
  async ensureRoom(name: string, options: EnsureRoomOptions): Promise<LiveKitRoom> {
    if (!name) throw new TypeError('ensureRoom needs a room name');
    const room = await this.call('CreateRoom', ({ rooms }) =>
      rooms.createRoom({
        name,
        emptyTimeout: options.emptyTimeoutSeconds,
        departureTimeout: options.departureTimeoutSeconds,
        maxParticipants: options.maxParticipants,
      }),
    );
    return toRoom(room);
  }

  /** Closes the room and disconnects everyone. Returns false when there was no such room. Grant: roomCreate (LiveKit's choice). */
  async deleteRoom(name: string): Promise<boolean> {
    try {
      await this.call('DeleteRoom', ({ rooms }) => rooms.deleteRoom(name));
      return true;
    } catch (error) {
      if (error instanceof LiveKitError && error.notFound) return false;
      throw error;
    }
  }

  /** Who is in the room now. Grant: roomAdmin for that room. */
  async listParticipants(room: string): Promise<LiveKitParticipant[]> {
    const participants = await this.call('ListParticipants', ({ rooms }) => rooms.listParticipants(room));
    return participants.map(toParticipant);
  }

  /**
   * Disconnects a participant. Returns false when they (or the room) were not there. Grant: roomAdmin for that room.
   * A removed participant can rejoin while their join token is valid: keep tokens short and stop minting new ones.
   */
  async removeParticipant(room: string, identity: string): Promise<boolean> {
    try {
      await this.call('RemoveParticipant', ({ rooms }) => rooms.removeParticipant(room, identity));
      return true;
    } catch (error) {
      if (error instanceof LiveKitError && error.notFound) return false;
      throw error;
    }
  }

  /**
   * Records one participant's microphone to an Ogg/Opus file (`filepath` on the egress host or its configured storage).
   * Uses a track-composite egress with only an audio track: a participant egress always asks for video and LiveKit Egress
   * refuses Ogg for it. The microphone track is looked up unless given (e.g. from a `track_published` webhook).
   * Grants: roomAdmin for the room (GetParticipant), roomRecord (StartTrackCompositeEgress).
   */
  async startParticipantAudioEgress(
    room: string,
    identity: string,
    filepath: string,
    options: { audioTrackSid?: string } = {},
  ): Promise<LiveKitEgress> {
    if (!filepath.endsWith('.ogg'))
      throw new TypeError(`the recording of ${identity} must be an .ogg file, got "${filepath}"`);
    const audioTrackId =
      options.audioTrackSid ??
      (await this.call('GetParticipant', async ({ rooms }) => {
        const participant = await rooms.getParticipant(room, identity);
        const mic = participant.tracks.find(
          (track) => track.type === TrackType.AUDIO && track.source === TrackSource.MICROPHONE,
        );
        if (!mic) {
          throw new LiveKitError(
            'GetParticipant',
            412,
            'failed_precondition',
            `${identity} has not published a microphone track in ${room} yet`,
          );
        }
        return mic.sid;
      }));
    const info = await this.call('StartTrackCompositeEgress', ({ egress }) =>
      egress.startTrackCompositeEgress(
        room,
        { file: new EncodedFileOutput({ fileType: EncodedFileType.OGG, filepath }) },
        { audioTrackId },
      ),
    );
    return toEgress(info);
  }

  /** Stops a recording; the file is finalised and an `egress_ended` webhook follows. Grant: roomRecord. */
  async stopEgress(egressId: string): Promise<LiveKitEgress> {
    const info = await this.call('StopEgress', ({ egress }) => egress.stopEgress(egressId));
    return toEgress(info);
  }
}
