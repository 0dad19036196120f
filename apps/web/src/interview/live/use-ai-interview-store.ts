import type { InterviewSnapshot } from '@mockroom/contracts';
import { useLiveState, useLiveStore } from '../../shared/live/use-live';
import { AiInterviewStore, type AiInterviewState } from './ai-interview-store';

/** The AI interview's store for the room while it is mounted (opened on mount, closed on unmount). */
export function useAiInterviewStore(initial: InterviewSnapshot): AiInterviewStore | null {
  return useLiveStore(() => new AiInterviewStore(initial), initial.interview.id);
}

/** Part of the room's state; re-renders only when that part changes. */
export function useAiInterviewState<T>(store: AiInterviewStore, select: (state: AiInterviewState) => T): T {
  return useLiveState(store.live, select);
}
