import { HttpException, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  AUDIO_FRAME_BYTES,
  AUDIO_SAMPLE_RATE,
  AudioStreamAccepted,
  interviewRoom,
  InterviewSnapshot,
  LIVE_NAMESPACE,
  SocketError,
  TurnState,
} from '@mockroom/contracts';
import type { Namespace, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { SocketData, socketAuthMiddleware } from '../realtime/socket-auth.middleware';
import { InterviewsService } from './interviews.service';
import { InterviewRuntime } from './runtime/interview-runtime';
import { InterviewRuntimes } from './runtime/interview-runtimes.service';

interface LiveSocketData extends SocketData {
  interviewId?: string;
  /** Whether this socket counts towards keeping the interview's runtime loaded. */
  counted?: boolean;
  streamId?: string;
  lastErrorAt?: number;
}

type Reply<T> = T | { error: SocketError };

const STREAM_ID = /^[A-Za-z0-9_-]{6,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Repeated bad frames produce one error event per second, not fifty. */
const ERROR_EVERY_MS = 1000;

/**
 * The live-interview socket. Every connection is authenticated from the session cookie; every event checks that the
 * socket joined an interview that belongs to its user. Mistakes get an `error` event (and an error ack), never a crash.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class InterviewGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(InterviewGateway.name);

  constructor(
    private readonly auth: AuthService,
    private readonly service: InterviewsService,
    private readonly runtimes: InterviewRuntimes,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use(socketAuthMiddleware(this.auth));
    this.runtimes.attach(namespace);
  }

  handleConnection(socket: Socket): void {
    // The audio hot path skips Nest's per-message pipeline: fifty frames a second per candidate.
    socket.on('audio:frame', (seq: unknown, pcm: unknown) => this.onFrame(socket, seq, pcm));
  }

  handleDisconnect(socket: Socket): void {
    const { interviewId, counted } = socket.data as LiveSocketData;
    if (interviewId && counted) this.runtimes.left(interviewId);
  }

  @SubscribeMessage('whoami')
  whoami(@ConnectedSocket() socket: Socket): { userId: string; role: string } {
    const { user } = socket.data as LiveSocketData;
    return { userId: user.id, role: user.role };
  }

  @SubscribeMessage('interview:join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() id: unknown): Promise<Reply<InterviewSnapshot>> {
    const data = socket.data as LiveSocketData;
    if (typeof id !== 'string' || !UUID.test(id)) return this.fail(socket, 'bad-request', 'interview:join needs an interview id.', 'interview:join');
    try {
      const { entity, access } = await this.service.findFor(data.user, id);
      if (access === 'shared') return this.fail(socket, 'not-your-session', 'A shared review is read-only: it cannot be joined.', 'interview:join');
      if (access !== 'candidate' && entity.interviewerKind === 'ai') {
        return this.fail(socket, 'not-your-session', 'Only the candidate takes part in an AI interview.', 'interview:join');
      }
      if (data.interviewId !== id) {
        if (data.interviewId) {
          await socket.leave(interviewRoom(data.interviewId));
          if (data.counted) this.runtimes.left(data.interviewId);
        }
        await socket.join(interviewRoom(id));
        data.interviewId = id;
        data.counted = false;
      }
      if (entity.status === 'created' || entity.status === 'live') {
        const runtime = data.counted ? await this.runtimes.get(id) : await this.runtimes.joined(id);
        data.counted = true;
        return this.service.snapshot(await this.service.reload(id), runtime.turn);
      }
      return this.service.snapshot(entity);
    } catch (error) {
      return this.failFrom(socket, error, 'interview:join');
    }
  }

  @SubscribeMessage('interview:start')
  async start(@ConnectedSocket() socket: Socket): Promise<Reply<TurnState>> {
    const runtime = this.candidateRuntime(socket, 'interview:start');
    if ('error' in runtime) return runtime;
    if (runtime.ended) return this.fail(socket, 'session-ended', 'This interview has ended.', 'interview:start');
    return runtime.start();
  }

  @SubscribeMessage('audio:start')
  audioStart(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Reply<AudioStreamAccepted> {
    const runtime = this.candidateRuntime(socket, 'audio:start');
    if ('error' in runtime) return runtime;
    const { streamId, sampleRate } = (body ?? {}) as { streamId?: unknown; sampleRate?: unknown };
    if (typeof streamId !== 'string' || !STREAM_ID.test(streamId)) {
      return this.fail(socket, 'bad-request', 'streamId must be 6–64 letters, digits, "-" or "_".', 'audio:start');
    }
    if (sampleRate !== AUDIO_SAMPLE_RATE) {
      return this.fail(socket, 'bad-rate', `Audio must be ${AUDIO_SAMPLE_RATE} Hz mono 16-bit PCM; got ${String(sampleRate)} Hz.`, 'audio:start');
    }
    if (runtime.ended) return this.fail(socket, 'session-ended', 'This interview has ended.', 'audio:start');
    (socket.data as LiveSocketData).streamId = streamId;
    return runtime.startStream(streamId);
  }

  @SubscribeMessage('answer:done')
  async answerDone(@ConnectedSocket() socket: Socket): Promise<Reply<{ ok: true }>> {
    const runtime = this.candidateRuntime(socket, 'answer:done');
    if ('error' in runtime) return runtime;
    await runtime.answerDone();
    return { ok: true };
  }

  @SubscribeMessage('prompt:played')
  promptPlayed(@ConnectedSocket() socket: Socket, @MessageBody() seq: unknown): void {
    const runtime = this.candidateRuntime(socket, 'prompt:played');
    if (!('error' in runtime) && Number.isInteger(seq)) runtime.promptPlayed(seq as number);
  }

  @SubscribeMessage('prompt:interrupted')
  promptInterrupted(@ConnectedSocket() socket: Socket, @MessageBody() seq: unknown): void {
    const runtime = this.candidateRuntime(socket, 'prompt:interrupted');
    if (!('error' in runtime) && Number.isInteger(seq)) runtime.promptInterrupted(seq as number);
  }

  @SubscribeMessage('interview:end')
  async end(@ConnectedSocket() socket: Socket): Promise<Reply<InterviewSnapshot>> {
    const runtime = this.candidateRuntime(socket, 'interview:end');
    if ('error' in runtime) return runtime;
    await runtime.end();
    return this.service.snapshot(await this.service.reload(runtime.id), runtime.turn);
  }

  private onFrame(socket: Socket, seq: unknown, pcm: unknown): void {
    const data = socket.data as LiveSocketData;
    const runtime = data.interviewId ? this.runtimes.peek(data.interviewId) : null;
    if (!data.interviewId || !runtime) return void this.fail(socket, 'not-joined', 'Join an interview before sending audio.', 'audio:frame', true);
    if (runtime.candidateId !== data.user.id) return void this.fail(socket, 'not-your-session', 'This is not your interview.', 'audio:frame', true);
    if (runtime.ended) return void this.fail(socket, 'session-ended', 'This interview has ended; audio is no longer accepted.', 'audio:frame', true);
    if (!data.streamId || !runtime.hasStream(data.streamId)) return void this.fail(socket, 'no-stream', 'Send audio:start before audio frames.', 'audio:frame', true);
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) {
      return void this.fail(socket, 'bad-frame', 'Each frame needs a sequence number (an integer from 0).', 'audio:frame', true);
    }
    const bytes = toBuffer(pcm);
    if (!bytes || bytes.length !== AUDIO_FRAME_BYTES) {
      return void this.fail(
        socket,
        'bad-frame',
        `Audio frames must be ${AUDIO_FRAME_BYTES} bytes (20 ms of 16 kHz mono 16-bit PCM); got ${bytes ? `${bytes.length} bytes` : typeof pcm}.`,
        'audio:frame',
        true,
      );
    }
    // Int16Array needs an even byte offset; socket.io may hand us a slice of a larger buffer.
    const samples = bytes.byteOffset % 2 === 0 ? new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2) : new Int16Array(Uint8Array.from(bytes).buffer);
    const { ackSeq } = runtime.pushFrame(data.streamId, seq, samples);
    if (ackSeq !== null) socket.emit('audio:ack', { streamId: data.streamId, seq: ackSeq });
  }

  /** The runtime of the interview this socket joined, if the socket's user is its candidate. */
  private candidateRuntime(socket: Socket, event: string): InterviewRuntime | { error: SocketError } {
    const data = socket.data as LiveSocketData;
    const runtime = data.interviewId ? this.runtimes.peek(data.interviewId) : null;
    if (!data.interviewId) return this.fail(socket, 'not-joined', 'Join an interview first.', event);
    if (!runtime) return this.fail(socket, 'session-ended', 'This interview is not live.', event);
    if (runtime.candidateId !== data.user.id) return this.fail(socket, 'not-your-session', 'This is not your interview.', event);
    return runtime;
  }

  private failFrom(socket: Socket, error: unknown, event: string): { error: SocketError } {
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = status === 404 ? 'not-found' : status === 403 ? 'not-your-session' : 'bad-request';
      return this.fail(socket, code, error.message, event);
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return this.fail(socket, 'internal', 'Something went wrong on our side.', event);
  }

  private fail(socket: Socket, code: string, message: string, event: string, throttle = false): { error: SocketError } {
    const error: SocketError = { code, message, event };
    const data = socket.data as LiveSocketData;
    const now = Date.now();
    if (!throttle || !data.lastErrorAt || now - data.lastErrorAt >= ERROR_EVERY_MS) {
      data.lastErrorAt = now;
      socket.emit('error', error);
    }
    return { error };
  }
}

function toBuffer(value: unknown): Buffer | null {
  if (Buffer.isBuffer(value)) return value;
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  // Checked by tag, not instanceof: the buffer may come from another realm.
  if (Object.prototype.toString.call(value) === '[object ArrayBuffer]') return Buffer.from(value as ArrayBuffer);
  return null;
}
