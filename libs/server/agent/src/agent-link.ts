import {
  AUDIO_SAMPLE_RATE,
  LIVE_NAMESPACE,
  type AudioStreamAccepted,
  type ClientToServerEvents,
  type InterviewSnapshot,
  type PromptVoice,
  type ServerToClientEvents,
  type SocketError,
} from '@mockroom/contracts';
import { io, type Socket } from 'socket.io-client';

type Reply<T> = T | { error: SocketError };

function ok<T>(reply: Reply<T>, what: string): T {
  if (reply && typeof reply === 'object' && 'error' in reply)
    throw new Error(`${what}: ${reply.error.code}: ${reply.error.message}`);
  return reply as T;
}

/**
 * The agent's connection to the API for one interview: the same socket events a browser uses on the built-in
 * transport, authenticated with the agent credential, so a participant's audio takes the same pipeline (endpointing,
 * transcription, recording) with the right speaker, and the AI interviewer's voice comes from the same prompts. After a
 * dropped connection it joins again (and resumes its audio stream where the server got to).
 */
export class AgentLink {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private joined: string | null = null;
  private stream: { streamId: string; speaker: 'candidate' | 'interviewer' } | null = null;
  /** Joined (and the stream open): frames sent now are taken. */
  private ready = false;

  /** `interviewId` goes in the socket's address, so a load balancer hashing on it sends the agent to the interview's process. */
  constructor(apiUrl: string, credential: string, interviewId?: string) {
    this.socket = io(`${apiUrl}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      auth: { agent: credential },
      autoConnect: false,
      reconnectionDelayMax: 5_000,
      ...(interviewId ? { query: { interview: interviewId } } : {}),
    });
    this.socket.on('disconnect', () => (this.ready = false));
    this.socket.io.on('reconnect', () => {
      if (this.joined) void this.rejoin(this.joined).catch(() => undefined);
    });
  }

  /** Connects and joins the interview; resolves with what the interview is now. */
  async join(interviewId: string): Promise<InterviewSnapshot> {
    if (!this.socket.connected) {
      await new Promise<void>((resolve, reject) => {
        this.socket.once('connect', () => resolve());
        this.socket.once('connect_error', (error) => reject(error));
        this.socket.connect();
      });
    }
    const snapshot = ok(await this.call<InterviewSnapshot>('interview:join', interviewId), 'join');
    this.joined = interviewId;
    this.ready = true;
    return snapshot;
  }

  /** Joins and opens an audio stream of `speaker`'s voice. */
  async open(
    interviewId: string,
    speaker: 'candidate' | 'interviewer',
    streamId: string,
  ): Promise<AudioStreamAccepted> {
    await this.join(interviewId);
    this.ready = false;
    const accepted = ok(
      await this.call<AudioStreamAccepted>('audio:start', { streamId, sampleRate: AUDIO_SAMPLE_RATE, speaker }),
      'audio:start',
    );
    this.stream = { streamId, speaker };
    this.ready = true;
    return accepted;
  }

  private async rejoin(interviewId: string): Promise<void> {
    ok(await this.call<InterviewSnapshot>('interview:join', interviewId), 'join');
    if (this.stream)
      ok(
        await this.call<AudioStreamAccepted>('audio:start', { ...this.stream, sampleRate: AUDIO_SAMPLE_RATE }),
        'audio:start',
      );
    this.ready = true;
  }

  /** The AI interviewer's voice for one prompt (mono samples at their own rate). */
  async promptVoice(seq: number): Promise<{ seq: number; sampleRate: number; pcm: Int16Array }> {
    const voice = ok(await this.call<PromptVoice>('agent:prompt-voice', seq), 'agent:prompt-voice');
    const bytes = voice.pcm instanceof Uint8Array ? voice.pcm : new Uint8Array(voice.pcm);
    // Copied out: Int16Array needs an even offset, and the received buffer may be a slice of a larger one.
    const samples = new Int16Array(Math.floor(bytes.byteLength / 2));
    new Uint8Array(samples.buffer).set(bytes.subarray(0, samples.byteLength));
    return { seq: voice.seq, sampleRate: voice.sampleRate, pcm: samples };
  }

  /** The prompt was spoken to its end in the room. */
  played(seq: number): void {
    this.socket.emit('prompt:played', seq);
  }

  /** The prompt's voice stopped `atMs` into it (the candidate talked over it). */
  interrupted(seq: number, atMs: number): void {
    this.socket.emit('prompt:interrupted', seq, Math.round(atMs));
  }

  private call<T>(event: string, ...args: unknown[]): Promise<Reply<T>> {
    const timed = this.socket.timeout(30_000);
    return (
      timed.emitWithAck as unknown as (this: typeof timed, event: string, ...rest: unknown[]) => Promise<Reply<T>>
    ).call(timed, event, ...args);
  }

  send(seq: number, frame: Int16Array): void {
    // Frames while the link is down or rejoining would be refused: they are dropped, as a network gap drops them.
    if (!this.ready) return;
    this.socket.emit('audio:frame', seq, new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
  }

  close(): void {
    this.joined = null;
    this.socket.close();
  }
}
