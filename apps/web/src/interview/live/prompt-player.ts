/**
 * Plays one interviewer prompt at a time: the server's WAV through an <audio> element, or the browser's own
 * speech synthesis; or follows one that the media agent speaks into the LiveKit room. Reports how each ended; the
 * session decides what that means for the interview.
 */
export type PlaybackSource = 'audio' | 'speech' | 'room';
export type PlaybackOutcome = 'ended' | 'failed' | 'stopped';

export interface PlaybackState {
  /** `blocked`: the browser refused to play without a click (autoplay rules). */
  status: 'idle' | 'playing' | 'blocked';
  seq: number | null;
  source: PlaybackSource | null;
  /** A replay the candidate asked for (the server already knows the prompt was heard). */
  replay: boolean;
}

/** The interviewer's volume while the candidate makes a sound over it. */

export const IDLE_PLAYBACK: PlaybackState = { status: 'idle', seq: null, source: null, replay: false };

export interface PromptPlayerHandlers {
  onChange: (state: PlaybackState) => void;
  onFinish: (seq: number, source: PlaybackSource, outcome: PlaybackOutcome, replay: boolean) => void;
}

/** Roughly how long reading `text` aloud takes, in ms. */
export function speakingTimeMs(text: string): number {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  return Math.min(60_000, Math.max(1_500, words * 420));
}

export function speechAvailable(): boolean {
  return (
    typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined'
  );
}

export class PromptPlayer {
  private readonly handlers: PromptPlayerHandlers;
  private state: PlaybackState = IDLE_PLAYBACK;
  private audio: HTMLAudioElement | null = null;
  private utterance: SpeechSynthesisUtterance | null = null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  /** Bumped on every new playback and stop, so late events of an old one are ignored. */
  private token = 0;
  /** When the browser's voice began, and how far into the prompt it began (a prompt taken up again mid-way). */
  private speechStartedAt = 0;
  private speechFromMs = 0;
  /** The voice is held for a sound over it (see `duck`), since `heldAt` (the browser's voice). */
  private held = false;
  private heldAt = 0;

  constructor(handlers: PromptPlayerHandlers) {
    this.handlers = handlers;
  }

  getState(): PlaybackState {
    return this.state;
  }

  get busy(): boolean {
    return this.state.status !== 'idle';
  }

  /** Plays a prompt's recorded voice, from `fromMs` into it (a media fragment: the browser seeks before it plays). */
  playAudio(seq: number, url: string, replay = false, fromMs = 0): void {
    this.halt();
    const token = ++this.token;
    const audio = new Audio();
    audio.preload = 'auto';
    audio.src = fromMs > 0 ? `${url}#t=${(fromMs / 1000).toFixed(2)}` : url;
    this.audio = audio;
    audio.onended = () => this.finish(token, 'ended');
    audio.onerror = () => this.finish(token, 'failed');
    this.setState({ status: 'playing', seq, source: 'audio', replay });
    this.startAudio(token, audio);
  }

  /** Tries again to play audio the browser blocked; call it from a click. */
  unblock(): void {
    if (this.state.status !== 'blocked') return;
    if (this.state.source === 'room') return; // the room's own unlock lets it play; roomBlocked(false) follows
    if (!this.audio) return;
    this.setState({ ...this.state, status: 'playing' });
    this.startAudio(this.token, this.audio);
  }

  /** Reads `text` with the browser's voice; `fromMs` is where in the whole prompt it starts (for `positionMs`). */
  speak(seq: number, text: string, replay = false, fromMs = 0): void {
    this.halt();
    const token = ++this.token;
    this.speechStartedAt = performance.now();
    this.speechFromMs = fromMs;
    if (!speechAvailable()) {
      this.setState({ status: 'idle', seq: null, source: null, replay: false });
      this.handlers.onFinish(seq, 'speech', 'failed', replay);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'en-US';
    utterance.rate = 1;
    // Keep a reference: some browsers drop the end event of an utterance that was garbage-collected.
    this.utterance = utterance;
    utterance.onend = () => this.finish(token, 'ended');
    utterance.onerror = (event) => {
      if (event.error === 'interrupted' || event.error === 'canceled') return;
      this.finish(token, 'failed');
    };
    this.setState({ status: 'playing', seq, source: 'speech', replay });
    // Speech engines sometimes never report the end (or never start): don't let the interview wait forever.
    this.watchdog = setTimeout(() => this.finish(token, 'ended'), speakingTimeMs(text) * 2 + 4_000);
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
  }

  /**
   * The prompt is spoken in the LiveKit room (the agent's track plays it): nothing to play here, but the prompt is
   * "playing" until `followed` says it was heard; past `timeoutMs` it is reported as failed (the agent never spoke).
   */
  follow(seq: number, timeoutMs: number, blocked = false): void {
    this.halt();
    const token = ++this.token;
    this.setState({ status: blocked ? 'blocked' : 'playing', seq, source: 'room', replay: false });
    this.watchdog = setTimeout(() => this.finish(token, 'failed'), timeoutMs);
  }

  /** The room's voice for `seq` is over: heard (the turn moved on), or not (the room lost the voice: `failed`). */
  followed(seq: number, outcome: 'ended' | 'failed' = 'ended'): void {
    if (this.state.source === 'room' && this.state.seq === seq) this.finish(this.token, outcome);
  }

  /** The browser holds the room's audio back until a click (or lets it play again). */
  roomBlocked(blocked: boolean): void {
    if (this.state.source !== 'room' || this.state.status === 'idle') return;
    const status = blocked ? 'blocked' : 'playing';
    if (status !== this.state.status) this.setState({ ...this.state, status });
  }

  /**
   * Holds the interviewer's voice while the candidate makes a sound over it, and lets it go on where it was when the
   * sound stops short of an interruption. A person who hears the other start to speak stops at once and goes on if it
   * was only an "mm-hmm": so the voice stops within the barge-in's hold (150 ms) of a real interruption, and a
   * backchannel costs a moment's pause, not the rest of the sentence.
   */
  duck(on: boolean): void {
    if (this.state.status !== 'playing' || on === this.held) return;
    this.held = on;
    if (this.audio) {
      if (on) this.audio.pause();
      else this.startAudio(this.token, this.audio);
    } else if (this.utterance && speechAvailable()) {
      if (on) {
        this.heldAt = performance.now();
        window.speechSynthesis.pause();
      } else {
        // Its position is counted on the wall clock: the held time did not move it.
        this.speechStartedAt += performance.now() - this.heldAt;
        window.speechSynthesis.resume();
      }
    }
  }

  /** How far into the prompt the voice has got, ms; null when nothing plays here (idle, or the room's voice). */
  positionMs(): number | null {
    if (this.state.status === 'idle' || this.state.source === 'room') return null;
    if (this.audio) return Math.round(this.audio.currentTime * 1000);
    if (this.utterance) return Math.round(this.speechFromMs + performance.now() - this.speechStartedAt);
    return null;
  }

  /** Stops whatever is playing, without reporting an outcome. Returns what was playing. */
  stop(): PlaybackState {
    const was = this.state;
    this.token++;
    this.halt();
    this.setState(IDLE_PLAYBACK);
    return was;
  }

  dispose(): void {
    this.stop();
  }

  private startAudio(token: number, audio: HTMLAudioElement): void {
    audio.play().catch((error: unknown) => {
      if (token !== this.token) return;
      const name = error instanceof DOMException ? error.name : '';
      if (name === 'NotAllowedError') this.setState({ ...this.state, status: 'blocked' });
      else if (name !== 'AbortError') this.finish(token, 'failed');
    });
  }

  private finish(token: number, outcome: PlaybackOutcome): void {
    if (token !== this.token) return;
    const { seq, source, replay } = this.state;
    this.token++;
    this.halt();
    this.setState(IDLE_PLAYBACK);
    if (seq !== null && source) this.handlers.onFinish(seq, source, outcome, replay);
  }

  /** Releases the current audio element or utterance. */
  private halt(): void {
    this.held = false;
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = null;
    if (this.audio) {
      const audio = this.audio;
      audio.onended = null;
      audio.onerror = null;
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
      this.audio = null;
    }
    if (this.utterance) {
      this.utterance.onend = null;
      this.utterance.onerror = null;
      this.utterance = null;
      if (speechAvailable()) window.speechSynthesis.cancel();
    }
  }

  private setState(state: PlaybackState): void {
    if (
      state.status === this.state.status &&
      state.seq === this.state.seq &&
      state.source === this.state.source &&
      state.replay === this.state.replay
    )
      return;
    this.state = state;
    this.handlers.onChange(state);
  }
}
