import { describe, expect, it } from '@jest/globals';
import { AudioRoute } from './audio-route';

const LOUD = 0.7;
const QUIET = 0.1;

function feed(route: AudioRoute, level: number, frames: number): string[] {
  return Array.from({ length: frames }, () => route.next(level, 20));
}

describe('AudioRoute', () => {
  it('stays on the socket until the room carries the microphone', () => {
    const route = new AudioRoute();
    expect(new Set(feed(route, QUIET, 200))).toEqual(new Set(['socket']));
  });

  it('moves to the room only after a quiet moment, never in the middle of speech', () => {
    const route = new AudioRoute({ quietMs: 800 });
    route.setRoomReady(true);
    expect(new Set(feed(route, LOUD, 100))).toEqual(new Set(['socket']));
    // 700 ms of quiet then speech again: still the socket.
    feed(route, QUIET, 35);
    expect(new Set(feed(route, LOUD, 10))).toEqual(new Set(['socket']));
    // 800 ms of quiet: the 40th quiet frame is the last over the socket, the next goes to the room.
    const quiet = feed(route, QUIET, 40);
    expect(quiet.every((r) => r === 'socket')).toBe(true);
    expect(route.current).toBe('room');
    expect(feed(route, LOUD, 5)).toEqual(['room', 'room', 'room', 'room', 'room']);
  });

  it('comes back to the socket at once when the room stops carrying it, and says so', () => {
    const route = new AudioRoute({ quietMs: 100 });
    route.setRoomReady(true);
    feed(route, QUIET, 10);
    expect(route.current).toBe('room');
    expect(route.setRoomReady(false)).toBe(true);
    expect(route.next(LOUD, 20)).toBe('socket');
    // Not moved back while it was on the socket anyway.
    expect(route.setRoomReady(false)).toBe(false);
  });
});
