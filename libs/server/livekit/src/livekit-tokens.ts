import { AccessToken, TrackSource, type VideoGrant } from 'livekit-server-sdk';
import { isLiveKitRole, type LiveKitRole, roleMetadata } from './livekit-roles';

/** Join tokens are only checked when a participant connects (and reconnects), so they can be short-lived. */
export const DEFAULT_TOKEN_TTL_SECONDS = 10 * 60;
const MAX_TOKEN_TTL_SECONDS = 24 * 60 * 60;

/** The video grant of a role, without the room (every token names its own room). */
export type RoleVideoGrant = Readonly<Omit<VideoGrant, 'room' | 'canPublishSources'>> & {
  readonly canPublishSources: readonly TrackSource[];
};

export interface RoleGrants {
  readonly video: RoleVideoGrant;
  /**
   * LiveKit's participant `kind` claim. `agent` makes the participant an agent for LiveKit and its clients
   * (`ParticipantInfo.kind = AGENT`, `participant.isAgent`), and keeps it out of the room's `maxParticipants`.
   */
  readonly kind?: 'agent';
  /** What the role may do and why, in words (the README and tests use it). */
  readonly summary: string;
}

/** What every person in a room may do: speak into their microphone and hear the others. Nothing else. */
const PERSON: RoleVideoGrant = {
  roomJoin: true,
  canPublish: true,
  canPublishSources: [TrackSource.MICROPHONE],
  canSubscribe: true,
  // LiveKit lets a publisher send data messages unless this is false; our app talks over its own API, not LiveKit data.
  canPublishData: false,
  // The role lives in the participant's metadata and attributes: nobody may rewrite their own.
  canUpdateOwnMetadata: false,
};

function freeze(grants: RoleGrants): RoleGrants {
  Object.freeze(grants.video.canPublishSources);
  Object.freeze(grants.video);
  return Object.freeze(grants);
}

/**
 * The least each role needs. No role gets roomAdmin, roomCreate, roomList, roomRecord, ingressAdmin or the `agent`
 * (worker registration) grant: the API does room administration and recording with its own key (see LiveKitRooms).
 */
export const GRANTS_BY_ROLE: Readonly<Record<LiveKitRole, RoleGrants>> = Object.freeze({
  candidate: freeze({
    video: { ...PERSON, canPublishSources: [TrackSource.MICROPHONE] },
    summary:
      'Joins one room; publishes their microphone only; hears the interviewer. No data messages, no metadata changes, no admin.',
  }),
  interviewer: freeze({
    video: { ...PERSON, canPublishSources: [TrackSource.MICROPHONE] },
    summary:
      'Same as the candidate: their microphone and listening. Removing people or recording is done by the API, not by the interviewer.',
  }),
  agent: freeze({
    video: { ...PERSON, canPublishSources: [TrackSource.MICROPHONE] },
    kind: 'agent',
    summary:
      'The AI interviewer: joins one room, hears the candidate, publishes its synthesised voice as a microphone track. ' +
      'Marked as an agent (kind), not hidden: LiveKit never announces a hidden participant’s tracks, so nobody could hear it.',
  }),
});

export interface MintTokenOptions {
  apiKey: string;
  apiSecret: string;
  /** The one room the token lets its holder join. */
  room: string;
  /** Unique within the room; a second connection with the same identity replaces the first. */
  identity: string;
  /** Display name shown to the others. */
  name: string;
  role: LiveKitRole;
  /** How long the token can be used to connect; 10 minutes unless given. */
  ttlSeconds?: number;
}

/** A LiveKit join token for one room, with the grants of the role (GRANTS_BY_ROLE) and `{ role }` in metadata and attributes. */
export async function mintToken(options: MintTokenOptions): Promise<string> {
  const { apiKey, apiSecret, room, identity, name, role } = options;
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!apiKey || !apiSecret) throw new TypeError('mintToken needs the LiveKit API key and secret');
  if (!room) throw new TypeError('mintToken needs a room name');
  if (!identity) throw new TypeError('mintToken needs a participant identity');
  if (!isLiveKitRole(role)) throw new TypeError(`unknown LiveKit role "${String(role)}"`);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TOKEN_TTL_SECONDS) {
    throw new RangeError(`ttlSeconds must be an integer between 1 and ${MAX_TOKEN_TTL_SECONDS}, got ${ttlSeconds}`);
  }

  const grants = GRANTS_BY_ROLE[role];
  const token = new AccessToken(apiKey, apiSecret, {
    identity,
    name,
    ttl: ttlSeconds,
    metadata: roleMetadata(role),
    attributes: { role },
  });
  token.addGrant({ ...grants.video, canPublishSources: [...grants.video.canPublishSources], room });
  if (grants.kind) token.kind = grants.kind;
  return token.toJwt();
}
