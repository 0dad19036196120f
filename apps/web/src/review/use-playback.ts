import { useSyncExternalStore } from 'react';
import type { Playback, PlaybackState } from './playback';

/** The player's whole state (re-renders on every change, many times a second while playing). */
export function usePlaybackState(playback: Playback): PlaybackState {
  return useSyncExternalStore(playback.subscribe, playback.getState);
}

/** One value derived from the player's state; re-renders only when that value changes (return a primitive). */
export function usePlaybackValue<T extends string | number | boolean | null>(
  playback: Playback,
  select: (state: PlaybackState) => T,
): T {
  return useSyncExternalStore(playback.subscribe, () => select(playback.getState()));
}
