/** What the review's player shows: where the recording is, and whether it plays. */
export interface PlaybackState {
  positionMs: number;
  durationMs: number;
  playing: boolean;
  rate: number;
  /** The recording could not be loaded or played. */
  failed: boolean;
}

/** The part of an audio element the player drives (an HTMLAudioElement in the page). */
export interface MediaLike extends EventTarget {
  currentTime: number;
  readonly duration: number;
  readonly readyState: number;
  readonly paused: boolean;
  playbackRate: number;
  play(): Promise<void>;
  pause(): void;
}

/** `readyState` from which the element knows its duration and can seek. */
const HAVE_METADATA = 1;

const EVENTS = [
  'loadedmetadata',
  'durationchange',
  'timeupdate',
  'seeked',
  'play',
  'playing',
  'pause',
  'ended',
  'ratechange',
  'error',
] as const;

type Frame = (callback: () => void) => number;

/**
 * Drives the review's audio element and shares its state with the page (player, waveform, transcript).
 * A seek before the element has loaded its metadata is remembered and applied once it has, and the position
 * reads as the requested one meanwhile. While playing, the position follows animation frames for a smooth playhead.
 */
export class Playback {
  private state: PlaybackState;
  private media: MediaLike | null = null;
  private pendingMs: number | null = null;
  private frame: number | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly requestFrame: Frame | null;
  private readonly cancelFrame: ((id: number) => void) | null;

  constructor(durationMs = 0) {
    this.state = { positionMs: 0, durationMs: Math.max(0, durationMs), playing: false, rate: 1, failed: false };
    const scope = globalThis as { requestAnimationFrame?: Frame; cancelAnimationFrame?: (id: number) => void };
    this.requestFrame = scope.requestAnimationFrame ? scope.requestAnimationFrame.bind(globalThis) : null;
    this.cancelFrame = scope.cancelAnimationFrame ? scope.cancelAnimationFrame.bind(globalThis) : null;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): PlaybackState => this.state;

  /** The duration the server reported, until the element knows better. */
  setKnownDuration(durationMs: number): void {
    if (!this.media || !validDuration(this.media.duration)) this.update({ durationMs: Math.max(0, durationMs) });
  }

  /** Starts driving `media`; returns the function that lets go of it. */
  attach(media: MediaLike): () => void {
    this.detach();
    this.media = media;
    media.playbackRate = this.state.rate;
    EVENTS.forEach((type) => media.addEventListener(type, this.onEvent));
    if (media.readyState >= HAVE_METADATA) this.onEvent(new Event('loadedmetadata'));
    return () => {
      if (this.media === media) this.detach();
    };
  }

  seek(ms: number): void {
    const target = this.clamp(ms);
    const media = this.media;
    if (media && media.readyState >= HAVE_METADATA) {
      this.pendingMs = null;
      media.currentTime = target / 1000;
    } else {
      this.pendingMs = target;
    }
    this.update({ positionMs: target });
  }

  /** Moves by `deltaMs` from where the playhead is. */
  skip(deltaMs: number): void {
    this.seek(this.state.positionMs + deltaMs);
  }

  async play(): Promise<void> {
    const media = this.media;
    if (!media) return;
    if (this.state.durationMs > 0 && this.state.positionMs >= this.state.durationMs - 50) this.seek(0);
    try {
      await media.play();
    } catch (error) {
      // A play() interrupted by a pause or a new source is not a failure.
      if (!(error instanceof Error && error.name === 'AbortError')) this.update({ playing: false });
    }
  }

  pause(): void {
    this.media?.pause();
  }

  toggle(): void {
    if (this.state.playing) this.pause();
    else void this.play();
  }

  setRate(rate: number): void {
    if (!(rate > 0)) return;
    if (this.media) this.media.playbackRate = rate;
    this.update({ rate });
  }

  private detach(): void {
    const media = this.media;
    if (!media) return;
    EVENTS.forEach((type) => media.removeEventListener(type, this.onEvent));
    this.stopFrames();
    this.media = null;
    this.update({ playing: false });
  }

  private readonly onEvent = (event: Event): void => {
    const media = this.media;
    if (!media) return;
    switch (event.type) {
      case 'loadedmetadata':
      case 'durationchange':
        if (validDuration(media.duration)) this.update({ durationMs: media.duration * 1000 });
        if (event.type === 'loadedmetadata' && this.pendingMs !== null) {
          const target = this.pendingMs;
          this.pendingMs = null;
          media.currentTime = target / 1000;
          this.update({ positionMs: target });
        }
        return;
      case 'timeupdate':
      case 'seeked':
        this.readPosition();
        return;
      case 'play':
      case 'playing':
        this.update({ playing: true, failed: false });
        this.startFrames();
        return;
      case 'pause':
        this.stopFrames();
        this.readPosition();
        this.update({ playing: false });
        return;
      case 'ended':
        this.stopFrames();
        this.update({ playing: false, positionMs: this.state.durationMs || media.currentTime * 1000 });
        return;
      case 'ratechange':
        this.update({ rate: media.playbackRate });
        return;
      case 'error':
        this.stopFrames();
        this.update({ playing: false, failed: true });
        return;
    }
  };

  private readPosition(): void {
    // Until a requested seek is applied, the element still reports where it was.
    if (this.pendingMs !== null || !this.media) return;
    this.update({ positionMs: this.media.currentTime * 1000 });
  }

  private startFrames(): void {
    if (!this.requestFrame || this.frame !== null) return;
    const tick = () => {
      this.frame = null;
      if (!this.media || this.media.paused) return;
      this.readPosition();
      this.frame = this.requestFrame?.(tick) ?? null;
    };
    this.frame = this.requestFrame(tick);
  }

  private stopFrames(): void {
    if (this.frame !== null) this.cancelFrame?.(this.frame);
    this.frame = null;
  }

  private clamp(ms: number): number {
    const value = Number.isFinite(ms) ? Math.max(0, ms) : 0;
    return this.state.durationMs > 0 ? Math.min(this.state.durationMs, value) : value;
  }

  private update(patch: Partial<PlaybackState>): void {
    const next = { ...this.state, ...patch };
    const changed = (Object.keys(patch) as (keyof PlaybackState)[]).some((key) => next[key] !== this.state[key]);
    if (!changed) return;
    this.state = next;
    this.listeners.forEach((listener) => listener());
  }
}

function validDuration(seconds: number): boolean {
  return Number.isFinite(seconds) && seconds > 0;
}
