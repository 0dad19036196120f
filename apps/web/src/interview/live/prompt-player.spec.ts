import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { PromptPlayer, type PlaybackOutcome, type PlaybackSource, type PlaybackState } from './prompt-player';

function player() {
  const states: PlaybackState[] = [];
  const finished: { seq: number; source: PlaybackSource; outcome: PlaybackOutcome }[] = [];
  const p = new PromptPlayer({
    onChange: (s) => states.push(s),
    onFinish: (seq, source, outcome) => finished.push({ seq, source, outcome }),
  });
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

describe('PromptPlayer taking a prompt up again', () => {
  class FakeAudio {
    static last: FakeAudio | null = null;
    preload = '';
    src = '';
    currentTime = 0;
    volume = 1;
    onended: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor() {
      FakeAudio.last = this;
    }
    paused = true;
    play(): Promise<void> {
      this.paused = false;
      return Promise.resolve();
    }
    pause(): void {
      this.paused = true;
    }
    load(): void {}
    removeAttribute(name: string): void {
      if (name === 'src') this.src = '';
    }
  }
  const globals = globalThis as unknown as { Audio?: unknown };

  afterEach(() => {
    delete globals.Audio;
  });

  it('plays the voice from where the sentence starts, and says how far it has got', () => {
    globals.Audio = FakeAudio;
    const { p } = player();
    expect(p.positionMs()).toBeNull();
    p.playAudio(5, '/api/interviews/x/prompts/5/audio', false, 4200);
    expect(FakeAudio.last!.src).toBe('/api/interviews/x/prompts/5/audio#t=4.20');
    FakeAudio.last!.currentTime = 6.35;
    expect(p.positionMs()).toBe(6350);
    // From the start, the URL is left as it is.
    p.playAudio(6, '/api/interviews/x/prompts/6/audio');
    expect(FakeAudio.last!.src).toBe('/api/interviews/x/prompts/6/audio');
    p.stop();
    expect(p.positionMs()).toBeNull();
    // The room's voice is not played here: where it is, is the room's to know.
    p.follow(7, 10_000);
    expect(p.positionMs()).toBeNull();
  });

  it('holds the voice for a sound over it and lets it go on where it was, and stops it for good on a stop', () => {
    globals.Audio = FakeAudio;
    const { p, finished } = player();
    p.playAudio(8, '/api/interviews/x/prompts/8/audio');
    const audio = FakeAudio.last!;
    expect(audio.paused).toBe(false);
    audio.currentTime = 1.5;
    p.duck(true);
    expect(audio.paused).toBe(true);
    expect(p.getState()).toMatchObject({ status: 'playing', seq: 8 });
    expect(p.positionMs()).toBe(1500);
    p.duck(true); // held already: nothing changes
    p.duck(false);
    expect(audio.paused).toBe(false);
    expect(audio.src).toBe('/api/interviews/x/prompts/8/audio');
    // A real interruption: held, then stopped.
    p.duck(true);
    expect(p.stop()).toMatchObject({ seq: 8, source: 'audio' });
    expect(audio.paused).toBe(true);
    expect(finished).toEqual([]);
    // The next prompt plays, not held.
    p.playAudio(9, '/api/interviews/x/prompts/9/audio');
    expect(FakeAudio.last!.paused).toBe(false);
  });
});
