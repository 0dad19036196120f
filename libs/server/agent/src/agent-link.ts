import { AUDIO_SAMPLE_RATE, LIVE_NAMESPACE, type AudioStreamAccepted, type ClientToServerEvents, type InterviewSnapshot, type ServerToClientEvents, type SocketError } from '@mockroom/contracts';
import { io, type Socket } from 'socket.io-client';

type Reply<T> = T | { error: SocketError };

function ok<T>(reply: Reply<T>, what: string): T {
  if (reply && typeof reply === 'object' && 'error' in reply) throw new Error(`${what}: ${reply.error.code}: ${reply.error.message}`);
  return reply as T;
}

/**
 * The agent's connection to the API for one participant's audio: the same socket events a browser uses on the
 * built-in transport, authenticated with the agent credential, so the audio takes the same pipeline (endpointing,
 * transcription, recording) with the right speaker.
 */
export class AgentLink {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(apiUrl: string, credential: string) {
    this.socket = io(`${apiUrl}${LIVE_NAMESPACE}`, { transports: ['websocket'], auth: { agent: credential }, autoConnect: false, reconnectionDelayMax: 5_000 });
  }

  async open(interviewId: string, speaker: 'candidate' | 'interviewer', streamId: string): Promise<AudioStreamAccepted> {
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
      this.socket.connect();
    });
    ok(await this.call<InterviewSnapshot>('interview:join', interviewId), 'join');
    return ok(await this.call<AudioStreamAccepted>('audio:start', { streamId, sampleRate: AUDIO_SAMPLE_RATE, speaker }), 'audio:start');
  }

  private call<T>(event: string, ...args: unknown[]): Promise<Reply<T>> {
    const timed = this.socket.timeout(30_000);
    return (timed.emitWithAck as unknown as (this: typeof timed, event: string, ...rest: unknown[]) => Promise<Reply<T>>).call(timed, event, ...args);
  }

  send(seq: number, frame: Int16Array): void {
    this.socket.emit('audio:frame', seq, new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
  }

  close(): void {
    this.socket.close();
  }
}
