import type { InterviewSnapshot } from '@mockroom/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { AiInterviewStore, type AiInterviewState } from './ai-interview-store';

/** A live session for the room while it is mounted (opened on mount, closed on unmount). */
export function useAiInterviewStore(initial: InterviewSnapshot): AiInterviewStore | null {
  const [session, setSession] = useState<AiInterviewStore | null>(null);
  const id = initial.interview.id;
  useEffect(() => {
    const live = new AiInterviewStore(initial);
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
export function useAiInterviewState<T>(session: AiInterviewStore, select: (state: AiInterviewState) => T): T {
  return useSyncExternalStore(session.subscribe, () => select(session.getState()));
}
