import { useEffect, useState, useSyncExternalStore } from 'react';
import type { LiveCore, LiveState } from './live-core';

/**
 * A live page's store while the page is mounted: made and opened on mount, closed on unmount. One store per `key`
 * (the interview, and the role where it matters): later snapshots arrive over the socket.
 */
export function useLiveStore<T extends { open(): void; close(): void }>(create: () => T, key: string): T | null {
  const [store, setStore] = useState<T | null>(null);
  useEffect(() => {
    const made = create();
    made.open();
    setStore(made);
    return () => {
      made.close();
      setStore((current) => (current === made ? null : current));
    };
  }, [key]);
  return store;
}

/** Part of a live page's state; re-renders only when that part changes. */
export function useLiveState<S extends LiveState, T>(live: LiveCore<S>, select: (state: S) => T): T {
  return useSyncExternalStore(live.subscribe, () => select(live.getState()));
}
