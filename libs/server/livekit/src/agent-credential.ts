import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How the media agent (a trusted server process that holds MOCKROOM_SECRET) proves itself to the API's socket: a
 * credential naming the one interview it may feed audio into, with an expiry, signed with the shared secret. It
 * grants nothing else: no user, no console, no other interview.
 */
export interface AgentClaims {
  interviewId: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const DEFAULT_TTL_SECONDS = 6 * 60 * 60;

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`mockroom-agent:${payload}`).digest();
}

export function mintAgentCredential(secret: string, interviewId: string, ttlSeconds = DEFAULT_TTL_SECONDS): string {
  const payload = Buffer.from(
    JSON.stringify({ i: interviewId, e: Math.floor(Date.now() / 1000) + ttlSeconds }),
  ).toString('base64url');
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

/** The claims of a valid, unexpired credential; null for anything else. */
export function verifyAgentCredential(secret: string, credential: unknown, now = Date.now()): AgentClaims | null {
  if (typeof credential !== 'string' || credential.length > 512) return null;
  const [payload, signature, extra] = credential.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = sign(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { i, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { i?: unknown; e?: unknown };
    if (typeof i !== 'string' || typeof e !== 'number' || e * 1000 <= now) return null;
    return { interviewId: i, expiresAt: e };
  } catch {
    return null;
  }
}

/** The Redis channel on which the API asks the agent to join an interview's room (`{ interviewId, room }`). */
export const agentDispatchChannel = (prefix: string) => `${prefix}:livekit:agent-dispatch`;

export interface AgentDispatch {
  interviewId: string;
  room: string;
  /** An AI interview whose interviewer speaks with the server's voice: the agent publishes that voice in the room. */
  voice?: boolean;
}
