import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { PromptPlayer, type PlaybackOutcome, type PlaybackSource, type PlaybackState } from './prompt-player';

function player() {
  const states: PlaybackState[] = [];
  const finished: { seq: number; source: PlaybackSource; outcome: PlaybackOutcome }[] = [];
  const p = new PromptPlayer({ onChange: (s) => states.push(s), onFinish: (seq, source, outcome) => finished.push({ seq, source, outcome }) });
  return { p, states, finished };
}

describe('PromptPlayer following a prompt spoken in the LiveKit room', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('plays nothing itself and reports the prompt heard when the room is done with it', () => {
    const { p, finished } = player();
    p.follow(7, 10_000);
    expect(p.getState()).toEqual({ status: 'playing', seq: 7, source: 'room', replay: false });
    p.followed(6); // another prompt: nothing
    expect(finished).toEqual([]);
    p.followed(7);
    expect(finished).toEqual([{ seq: 7, source: 'room', outcome: 'ended' }]);
    expect(p.getState().status).toBe('idle');
  });

  it('reports a failure when the room never finishes the prompt, or loses the voice', () => {
    jest.useFakeTimers();
    const { p, finished } = player();
    p.follow(3, 5_000);
    jest.advanceTimersByTime(4_999);
    expect(finished).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(finished).toEqual([{ seq: 3, source: 'room', outcome: 'failed' }]);
    p.follow(4, 5_000);
    p.followed(4, 'failed');
    expect(finished[1]).toEqual({ seq: 4, source: 'room', outcome: 'failed' });
    jest.advanceTimersByTime(10_000);
    expect(finished).toHaveLength(2); // the watchdog of a finished prompt does not fire again
  });

  it('shows when the browser holds the room back, and a stop ends the following without an outcome', () => {
    const { p, finished } = player();
    p.follow(2, 10_000, true);
    expect(p.getState().status).toBe('blocked');
    p.roomBlocked(false);
    expect(p.getState().status).toBe('playing');
    expect(p.stop()).toMatchObject({ seq: 2, source: 'room' });
    p.followed(2);
    expect(finished).toEqual([]);
  });
});
