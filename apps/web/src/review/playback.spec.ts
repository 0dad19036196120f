import { describe, expect, it } from '@jest/globals';
import { Playback, type MediaLike } from './playback';

/** Stands in for an <audio> element: events, a clock and a ready state. */
class FakeMedia extends EventTarget implements MediaLike {
  currentTime = 0;
  duration = Number.NaN;
  readyState = 0;
  paused = true;
  playbackRate = 1;

  play(): Promise<void> {
    this.paused = false;
    this.dispatchEvent(new Event('play'));
    return Promise.resolve();
  }

  pause(): void {
    this.paused = true;
    this.dispatchEvent(new Event('pause'));
  }

  loadMetadata(seconds: number): void {
    this.duration = seconds;
    this.readyState = 1;
    this.dispatchEvent(new Event('loadedmetadata'));
  }

  tick(seconds: number): void {
    this.currentTime = seconds;
    this.dispatchEvent(new Event('timeupdate'));
  }
}

describe('Playback', () => {
  it('remembers a seek made before the metadata loaded and applies it once it has', () => {
    const media = new FakeMedia();
    const playback = new Playback(90_000);
    playback.attach(media);
    playback.seek(42_000);
    expect(playback.getState().positionMs).toBe(42_000);
    expect(media.currentTime).toBe(0);

    // The element still reports where it was: the requested position holds.
    media.tick(0);
    expect(playback.getState().positionMs).toBe(42_000);

    media.loadMetadata(95);
    expect(media.currentTime).toBe(42);
    expect(playback.getState()).toMatchObject({ positionMs: 42_000, durationMs: 95_000 });
    media.tick(43);
    expect(playback.getState().positionMs).toBe(43_000);
  });

  it('seeks the element at once when it is ready, within the recording', () => {
    const media = new FakeMedia();
    const playback = new Playback(10_000);
    media.loadMetadata(60);
    playback.attach(media);
    expect(playback.getState().durationMs).toBe(60_000);
    playback.seek(12_500);
    expect(media.currentTime).toBe(12.5);
    playback.seek(-5);
    expect(media.currentTime).toBe(0);
    playback.seek(600_000);
    expect(media.currentTime).toBe(60);
    playback.skip(-10_000);
    expect(media.currentTime).toBe(50);
  });

  it('follows play, pause, the end and the speed, and tells its listeners', async () => {
    const media = new FakeMedia();
    const playback = new Playback();
    const detach = playback.attach(media);
    media.loadMetadata(30);
    let calls = 0;
    playback.subscribe(() => calls++);

    await playback.play();
    expect(playback.getState().playing).toBe(true);
    playback.toggle();
    expect(playback.getState().playing).toBe(false);

    playback.setRate(1.5);
    expect(media.playbackRate).toBe(1.5);
    expect(playback.getState().rate).toBe(1.5);

    media.currentTime = 30;
    media.dispatchEvent(new Event('ended'));
    expect(playback.getState()).toMatchObject({ playing: false, positionMs: 30_000 });
    expect(calls).toBeGreaterThan(0);

    // Playing again from the end starts over.
    await playback.play();
    expect(media.currentTime).toBe(0);

    detach();
    media.tick(12);
    expect(playback.getState().positionMs).toBe(0);
  });

  it('reports a recording that cannot be played', () => {
    const media = new FakeMedia();
    const playback = new Playback();
    playback.attach(media);
    media.dispatchEvent(new Event('error'));
    expect(playback.getState().failed).toBe(true);
  });

  it('keeps the reported duration until the element knows better', () => {
    const playback = new Playback();
    playback.setKnownDuration(80_000);
    expect(playback.getState().durationMs).toBe(80_000);
    const media = new FakeMedia();
    playback.attach(media);
    media.loadMetadata(81);
    playback.setKnownDuration(80_000);
    expect(playback.getState().durationMs).toBe(81_000);
  });
});
