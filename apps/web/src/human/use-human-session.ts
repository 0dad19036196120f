import type { InterviewSnapshot, ParticipantRole } from '@mockroom/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { HumanSession, type HumanState } from './human-session';

/** A human session for the view while it is mounted (opened on mount, closed on unmount). */
export function useHumanSession(initial: InterviewSnapshot, role: ParticipantRole): HumanSession | null {
  const [session, setSession] = useState<HumanSession | null>(null);
  const id = initial.interview.id;
  useEffect(() => {
    const human = new HumanSession(initial, role);
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
export function useHumanState<T>(session: HumanSession, select: (state: HumanState) => T): T {
  return useSyncExternalStore(session.subscribe, () => select(session.getState()));
}
