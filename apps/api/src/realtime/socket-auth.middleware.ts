import type { User } from '@mockroom/contracts';
import { verifyAgentCredential } from '@mockroom/server-livekit';
import { parse as parseCookie } from 'cookie';
import type { Socket } from 'socket.io';
import { SESSION_COOKIE } from '../auth/auth.constants';
import type { AuthService } from '../auth/auth.service';

export interface SocketData {
  user: User;
  authSessionId: string;
  /** Set for the media agent's sockets: the one interview whose audio it may feed (and nothing else). */
  agentFor?: string;
}

/** A cross-site page must not open a socket with the visitor's cookies. */
function sameOrigin(socket: Socket): boolean {
  const origin = socket.handshake.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === socket.handshake.headers.host;
  } catch {
    return false;
  }
}

/**
 * Socket.IO middleware: the connection belongs to the signed-in user of the session cookie, or to the media agent
 * (a credential signed with the server's secret, for one interview), or it is refused.
 */
export function socketAuthMiddleware(auth: AuthService, secret: string) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    const agent = (socket.handshake.auth as { agent?: unknown } | undefined)?.agent;
    if (agent !== undefined) {
      const claims = verifyAgentCredential(secret, agent);
      if (!claims)
        return next(Object.assign(new Error('invalid agent credential'), { data: { code: 'unauthorized' } }));
      const data = socket.data as SocketData;
      data.agentFor = claims.interviewId;
      data.user = {
        id: `agent:${claims.interviewId}`,
        email: '',
        displayName: 'Media agent',
        role: 'candidate',
        createdAt: new Date(0).toISOString(),
      };
      data.authSessionId = '';
      return next();
    }
    if (!sameOrigin(socket))
      return next(
        Object.assign(new Error('cross-origin connections are not allowed'), { data: { code: 'forbidden-origin' } }),
      );
    const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
    if (!token) return next(Object.assign(new Error('sign in first'), { data: { code: 'unauthorized' } }));
    auth
      .resolve(token)
      .then((resolved) => {
        if (!resolved)
          return next(
            Object.assign(new Error('your session has expired; sign in again'), { data: { code: 'unauthorized' } }),
          );
        (socket.data as SocketData).user = resolved.user;
        (socket.data as SocketData).authSessionId = resolved.sessionId;
        next();
      })
      .catch(() => next(Object.assign(new Error('could not check your session'), { data: { code: 'unavailable' } })));
  };
}
