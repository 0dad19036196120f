import type { TurnState } from '@mockroom/contracts';
import { AudioFrame, AudioResampler, AudioResamplerQuality } from '@livekit/rtc-node';
import type { AgentLink } from './agent-link';

/** Where the voice goes: a LiveKit AudioSource published as a track (the part of it used here). */
export interface VoiceOutput {
  readonly sampleRate: number;
  captureFrame(frame: AudioFrame): Promise<void>;
  clearQueue(): void;
  waitForPlayout(): Promise<void>;
}

/** Mono samples at `rate` as 10 ms AudioFrames at `outRate` (resampled when the two differ). */
export function voiceFrames(pcm: Int16Array, rate: number, outRate: number): AudioFrame[] {
  const perFrame = Math.max(1, Math.round(rate / 100));
  const input: AudioFrame[] = [];
  for (let i = 0; i < pcm.length; i += perFrame) {
    const chunk = new Int16Array(perFrame);
    chunk.set(pcm.subarray(i, i + perFrame));
    input.push(new AudioFrame(chunk, rate, 1, perFrame));
  }
  if (rate === outRate) return input;
  const resampler = new AudioResampler(rate, outRate, 1, AudioResamplerQuality.MEDIUM);
  try {
    const out = input.flatMap((frame) => resampler.push(frame));
    out.push(...resampler.flush());
    return out;
  } finally {
    resampler.close();
  }
}

/**
 * The AI interviewer's voice in a LiveKit room: while the turn is on a prompt whose voice the worker has made, the agent
 * speaks it into the room and says when it was heard to the end (`prompt:played`, which starts the listening timers).
 * When the turn moves on while it speaks (the candidate talked over it), it stops at once and says how far it got
 * (`prompt:interrupted`); if what stopped it was only a backchannel, the server gives the turn back (`prompt:resume`) and
 * the voice goes on from the start of the sentence it was in. The prompts and the turn come over the agent's link, as
 * they come to a browser.
 */
export class InterviewerVoice {
  private turn: TurnState | null = null;
  /** Prompts whose voice exists. */
  private readonly ready = new Set<number>();
  /** Prompts spoken (or begun): never spoken again by themselves. */
  private readonly spoken = new Set<number>();
  private current: { seq: number; stopped: boolean; spokenMs: number } | null = null;
  /** Prompts to speak again from this far in (ms): the server gave the turn back after a backchannel. */
  private readonly resumeFrom = new Map<number, number>();
  private closed = false;

  constructor(
    private readonly link: AgentLink,
    private readonly output: VoiceOutput,
    private readonly log: (message: string) => void = () => undefined,
    /**
     * Whether the candidate is in the room to hear it. A page that could not join plays the prompts itself, so the
     * agent must not speak, nor say they were heard, to an empty room.
     */
    private readonly hasAudience: () => boolean = () => true,
  ) {}

  /** The prompt being spoken now, if any. */
  get speaking(): number | null {
    return this.current && !this.current.stopped ? this.current.seq : null;
  }

  async start(interviewId: string): Promise<void> {
    const socket = this.link.socket;
    socket.on('interview:state', (turn) => this.onTurn(turn));
    socket.on('prompt:audio', ({ seq }) => {
      this.ready.add(seq);
      this.consider();
    });
    socket.on('prompt:resume', ({ seq, fromMs }) => {
      this.resumeFrom.set(seq, Math.max(0, fromMs));
      this.consider();
    });
    const snapshot = await this.link.join(interviewId);
    for (const prompt of snapshot.prompts) if (prompt.audioUrl) this.ready.add(prompt.seq);
    this.onTurn(snapshot.turn);
  }

  stop(): void {
    this.closed = true;
    this.interrupt();
  }

  /** Someone joined or left the room. */
  audienceChanged(): void {
    if (!this.hasAudience()) this.interrupt();
    this.consider();
  }

  private onTurn(turn: TurnState): void {
    this.turn = turn;
    const current = this.current;
    if (current && !current.stopped && !(turn.phase === 'prompting' && turn.currentPromptSeq === current.seq)) {
      this.interrupt();
      // Talked over (not moved past): where the voice stopped, so the prompt can go on from there.
      if (turn.phase === 'listening' && turn.currentPromptSeq === current.seq)
        this.link.interrupted(current.seq, current.spokenMs);
    }
    this.consider();
  }

  private interrupt(): void {
    const current = this.current;
    if (!current || current.stopped) return;
    current.stopped = true;
    this.output.clearQueue();
  }

  private consider(): void {
    const turn = this.turn;
    if (this.closed || !turn || this.current || !this.hasAudience()) return;
    const seq = turn.currentPromptSeq;
    const fromMs = seq === null ? undefined : this.resumeFrom.get(seq);
    if (
      turn.phase !== 'prompting' ||
      seq === null ||
      !this.ready.has(seq) ||
      (this.spoken.has(seq) && fromMs === undefined)
    )
      return;
    this.spoken.add(seq);
    this.resumeFrom.delete(seq);
    const current = { seq, stopped: false, spokenMs: fromMs ?? 0 };
    this.current = current;
    this.speak(current, fromMs ?? 0)
      .catch((error: Error) => this.log(`could not speak prompt ${seq}: ${error.message}`))
      .finally(() => {
        this.current = null;
        this.consider();
      });
  }

  private async speak(current: { seq: number; stopped: boolean; spokenMs: number }, fromMs: number): Promise<void> {
    const voice = await this.link.promptVoice(current.seq);
    if (current.stopped) return;
    const from = Math.min(voice.pcm.length, Math.round((fromMs / 1000) * voice.sampleRate));
    // captureFrame returns once the source's queue has room, so this loop runs at the pace the room hears it.
    for (const frame of voiceFrames(voice.pcm.subarray(from), voice.sampleRate, this.output.sampleRate)) {
      if (current.stopped) return;
      await this.output.captureFrame(frame);
      current.spokenMs += (frame.samplesPerChannel / frame.sampleRate) * 1000;
    }
    await this.output.waitForPlayout();
    if (!current.stopped) this.link.played(current.seq);
  }
}
