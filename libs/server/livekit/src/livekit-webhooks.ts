import { WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import {
  type EgressState,
  fromSeconds,
  type LiveKitEgress,
  type LiveKitParticipant,
  toEgress,
  toParticipant,
  trackSourceName,
  type TrackSourceName,
} from './livekit-mapping';

export type WebhookRejectionReason =
  /** No Authorization header. */
  | 'missing_authorization'
  /** The header is not a usable JWT (garbage, unsigned, another API key, not valid yet). */
  | 'invalid_token'
  /** A JWT, but not signed with our API secret. */
  | 'bad_signature'
  /** Signed by us, but older than its 5-minute lifetime. */
  | 'expired'
  /** The signature is good but the body is not the one it was made for. */
  | 'body_mismatch'
  /** Signed and intact, but not a webhook event. */
  | 'malformed_body'
  /** LiveKit is not configured, so there is no secret to check against. */
  | 'not_configured';

/** A webhook call we refuse to act on. Answer it with 401 (or 400 for `malformed_body`), never 5xx: LiveKit retries those. */
export class WebhookRejectedError extends Error {
  override readonly name = 'WebhookRejectedError';

  constructor(
    readonly reason: WebhookRejectionReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The WebhookReceiver the module provides when LiveKit is not configured: it refuses every call. */
export class UnconfiguredWebhookReceiver extends WebhookReceiver {
  constructor() {
    super('', '');
  }

  override receive(): Promise<never> {
    return Promise.reject(
      new WebhookRejectedError(
        'not_configured',
        'LiveKit is not configured (LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET)',
      ),
    );
  }
}

function classify(error: unknown): WebhookRejectedError {
  if (error instanceof WebhookRejectedError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  // The receiver checks the token (jose errors carry a code), then the body hash, then parses the body.
  // Anything else it throws comes from the token check too (jose throws a bare TypeError for e.g. `alg: none`).
  let reason: WebhookRejectionReason = 'invalid_token';
  if (code === 'ERR_JWT_EXPIRED') reason = 'expired';
  else if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') reason = 'bad_signature';
  else if (typeof code === 'string') reason = 'invalid_token';
  else if (/sha256/i.test(message)) reason = 'body_mismatch';
  else if (error instanceof SyntaxError || /^cannot decode/i.test(message)) reason = 'malformed_body';
  return new WebhookRejectedError(reason, `LiveKit webhook rejected (${reason}): ${message}`, { cause: error });
}

/**
 * Checks a webhook call and returns its event. `rawBody` must be the body exactly as received (before any JSON parsing):
 * the signature covers its bytes. `authorization` is the `Authorization` header, which LiveKit sends as the bare JWT;
 * a `Bearer ` prefix is tolerated. Throws WebhookRejectedError when anything does not check out.
 */
export async function verifyWebhook(
  receiver: WebhookReceiver,
  rawBody: string | Uint8Array,
  authorization: string | undefined,
): Promise<WebhookEvent> {
  const token = authorization?.replace(/^\s*Bearer(?:\s+|$)/i, '').trim();
  if (!token)
    throw new WebhookRejectedError('missing_authorization', 'LiveKit webhook rejected: no Authorization header');
  const body = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
  let event: WebhookEvent;
  try {
    event = await receiver.receive(body, token);
  } catch (error) {
    throw classify(error);
  }
  if (!event.event)
    throw new WebhookRejectedError('malformed_body', 'LiveKit webhook rejected: the body names no event');
  return event;
}

interface EventBase {
  /** LiveKit's event id: the same event can arrive twice (retries), so use it to ignore repeats. */
  id: string;
  createdAt: Date | null;
}

type ParticipantFields = Pick<LiveKitParticipant, 'identity' | 'name' | 'role' | 'kind'> & { participantSid: string };

/** The webhook events the app acts on; everything else is `ignored`. */
export type LiveKitAppEvent =
  | (EventBase & { type: 'room_started' | 'room_finished'; room: string; roomSid: string })
  | (EventBase & { type: 'participant_joined' | 'participant_left'; room: string } & ParticipantFields)
  | (EventBase & {
      type: 'track_published';
      room: string;
      trackSid: string;
      source: TrackSourceName;
    } & ParticipantFields)
  | (EventBase & {
      type: 'egress_ended';
      egressId: string;
      room: string;
      status: EgressState;
      /** Where the file ended up (a path on the egress host, or a storage URL); null when nothing was written. */
      location: string | null;
      filename: string | null;
      durationMs: number | null;
      error: string | null;
    })
  | (EventBase & { type: 'ignored'; event: string });

function participantFields(event: WebhookEvent): ParticipantFields | null {
  if (!event.participant?.identity) return null;
  const participant = toParticipant(event.participant);
  return {
    identity: participant.identity,
    name: participant.name,
    role: participant.role,
    kind: participant.kind,
    participantSid: participant.sid,
  };
}

/** Reduces a verified LiveKit webhook event to what the app cares about. */
export function mapWebhookEvent(event: WebhookEvent): LiveKitAppEvent {
  const base: EventBase = { id: event.id, createdAt: fromSeconds(event.createdAt) };
  const room = event.room?.name ?? '';
  const ignored: LiveKitAppEvent = { ...base, type: 'ignored', event: event.event };
  switch (event.event) {
    case 'room_started':
    case 'room_finished':
      return event.room ? { ...base, type: event.event, room, roomSid: event.room.sid } : ignored;
    case 'participant_joined':
    case 'participant_left': {
      const participant = participantFields(event);
      return participant ? { ...base, type: event.event, room, ...participant } : ignored;
    }
    case 'track_published': {
      const participant = participantFields(event);
      if (!participant || !event.track) return ignored;
      return {
        ...base,
        type: 'track_published',
        room,
        ...participant,
        trackSid: event.track.sid,
        source: trackSourceName(event.track.source),
      };
    }
    case 'egress_ended': {
      if (!event.egressInfo) return ignored;
      const egress: LiveKitEgress = toEgress(event.egressInfo);
      return {
        ...base,
        type: 'egress_ended',
        egressId: egress.egressId,
        room: egress.room,
        status: egress.status,
        location: egress.file?.location ?? null,
        filename: egress.file?.filename || null,
        durationMs: egress.file?.durationMs ?? null,
        error: egress.error,
      };
    }
    default:
      return ignored;
  }
}
