import type { InterviewSnapshot, ParticipantRole } from '@mockroom/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { SessionStore, type SessionState } from './session-store';

/** A human session for the view while it is mounted (opened on mount, closed on unmount). */
export function useSessionStore(initial: InterviewSnapshot, role: ParticipantRole): SessionStore | null {
  const [session, setSession] = useState<SessionStore | null>(null);
  const id = initial.interview.id;
  useEffect(() => {
    const human = new SessionStore(initial, role);
    human.open();
    setSession(human);
    return () => {
      human.close();
      setSession((current) => (current === human ? null : current));
    };
    // One session per interview and role: later snapshots arrive over the socket.
  }, [id, role]);
  return session;
}

/** Part of the session's state; re-renders only when that part changes. */
export function useSessionState<T>(session: SessionStore, select: (state: SessionState) => T): T {
  return useSyncExternalStore(session.subscribe, () => select(session.getState()));
}
