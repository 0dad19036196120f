import type { InterviewSnapshot } from '@mockroom/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { LiveSession, type LiveState } from './live-session';

/** A live session for the room while it is mounted (opened on mount, closed on unmount). */
export function useLiveSession(initial: InterviewSnapshot): LiveSession | null {
  const [session, setSession] = useState<LiveSession | null>(null);
  const id = initial.interview.id;
  useEffect(() => {
    const live = new LiveSession(initial);
    live.open();
    setSession(live);
    return () => {
      live.close();
      setSession((current) => (current === live ? null : current));
    };
    // One session per interview: later snapshots arrive over the socket.
  }, [id]);
  return session;
}

/** Part of the session's state; re-renders only when that part changes. */
export function useLiveState<T>(session: LiveSession, select: (state: LiveState) => T): T {
  return useSyncExternalStore(session.subscribe, () => select(session.getState()));
}
