import type { InterviewSnapshot, ParticipantRole } from '@mockroom/contracts';
import { useLiveState, useLiveStore } from '../../shared/live/use-live';
import { SessionStore, type SessionState } from './session-store';

/** A session's store for the view while it is mounted (opened on mount, closed on unmount), one per role. */
export function useSessionStore(initial: InterviewSnapshot, role: ParticipantRole): SessionStore | null {
  return useLiveStore(() => new SessionStore(initial, role), `${initial.interview.id}:${role}`);
}

/** Part of the session's state; re-renders only when that part changes. */
export function useSessionState<T>(store: SessionStore, select: (state: SessionState) => T): T {
  return useLiveState(store.live, select);
}
