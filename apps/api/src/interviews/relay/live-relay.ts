import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { REDIS } from '@mockroom/server-queue';
import type IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Namespace, Socket } from 'socket.io';
import { InterviewRuntimes } from '../runtime/interview-runtimes.service';

/**
 * The part of a socket the live gateway uses. A socket connected to this process is one; so is a `RemoteSocket`, the
 * stand-in for a socket connected to another API process whose events that process relays here, to the interview's
 * owner.
 */
export interface LiveSocket {
  readonly id: string;
  data: unknown;
  emit(event: string, ...args: unknown[]): unknown;
  join(room: string): unknown;
  leave(room: string): unknown;
  to(room: string): { emit(event: string, ...args: unknown[]): unknown };
}

/** Who a relayed socket is: what its own process learned when it connected (the rest of its data lives here). */
export interface RelayedIdentity {
  id: string;
  data: Record<string, unknown>;
}

/** Runs one client event of a relayed socket, as the gateway would for a socket of its own; resolves with the ack. */
export type RelayDispatch = (event: string, socket: LiveSocket, args: unknown[]) => Promise<unknown> | unknown;

type Message =
  | { t: 'call'; id: string; from: string; socket: RelayedIdentity; event: string; args: unknown[] }
  | { t: 'frame'; socket: RelayedIdentity; args: unknown[] }
  | { t: 'gone'; socket: RelayedIdentity }
  | { t: 'reply'; id: string; result: unknown };

export class RelayTimeoutError extends Error {
  constructor(event: string, owner: string, ms: number) {
    super(`${event} relayed to process ${owner} had no answer in ${ms} ms`);
    this.name = 'RelayTimeoutError';
  }
}

/** JSON with binary (audio frames, prompt voices) carried as base64. */
function encode(message: Message): string {
  return JSON.stringify(message, (_key, value: unknown) => {
    if (
      value &&
      typeof value === 'object' &&
      (value as { type?: unknown }).type === 'Buffer' &&
      Array.isArray((value as { data?: unknown }).data)
    ) {
      return { $bin: Buffer.from((value as { data: number[] }).data).toString('base64') };
    }
    if (value instanceof Uint8Array)
      return { $bin: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
    if (value instanceof ArrayBuffer) return { $bin: Buffer.from(value).toString('base64') };
    return value;
  });
}

function decode(text: string): Message {
  return JSON.parse(text, (_key, value: unknown) =>
    value && typeof value === 'object' && typeof (value as { $bin?: unknown }).$bin === 'string'
      ? Buffer.from((value as { $bin: string }).$bin, 'base64')
      : value,
  ) as Message;
}

/**
 * A socket connected to another API process, as the interview's owner sees it: what it emits reaches the real socket
 * through the Socket.IO adapter (the socket's own room); its rooms are kept by the process it is connected to, which
 * joined it to the interview's rooms before relaying its join.
 */
export class RemoteSocket implements LiveSocket {
  constructor(
    readonly id: string,
    public data: Record<string, unknown>,
    private readonly namespace: Namespace,
  ) {}

  emit(event: string, ...args: unknown[]): boolean {
    return this.namespace.to(this.id).emit(event, ...args);
  }

  join(): void {
    // Rooms are the socket's own process's to keep.
  }

  leave(): void {
    // As join.
  }

  to(room: string): { emit(event: string, ...args: unknown[]): unknown } {
    return this.namespace.to(room).except(this.id);
  }
}

/**
 * Carries the events of a live interview's sockets from the API process they are connected to, to the process that
 * owns the interview (holds its lease and runs its runtime), over Redis pub/sub: one channel per process. Commands are
 * calls answered on the caller's channel (the socket's ack); audio frames go one way. What the owner sends back to the
 * sockets goes through the Socket.IO adapter, as every event of the interview does. Pub/sub delivers at most once: a
 * frame lost with a dying owner is resent by the client after it joins again (from where the recording on disk ends).
 */
@Injectable()
export class LiveRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveRelay.name);
  private subscriber: IORedis | null = null;
  private ready: Promise<unknown> | null = null;
  private readonly pending = new Map<
    string,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  /** Sockets of other processes relayed to this one, by socket id. */
  private readonly remote = new Map<string, RemoteSocket>();
  private dispatch: RelayDispatch | null = null;
  private gone: ((socket: LiveSocket) => void) | null = null;
  private namespace: Namespace | null = null;

  private readonly prefix: string;
  readonly processId: string;

  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) config: AppConfig,
    runtimes: InterviewRuntimes,
  ) {
    this.prefix = config.redis.prefix;
    this.processId = runtimes.processId;
  }

  private channel(processId: string): string {
    return `${this.prefix}:live-relay:${processId}`;
  }

  /** Serves relayed events on this process's channel: `dispatch` runs each, `gone` hears of sockets that disconnected. */
  serve(namespace: Namespace, dispatch: RelayDispatch, gone: (socket: LiveSocket) => void): Promise<unknown> {
    this.namespace = namespace;
    this.dispatch = dispatch;
    this.gone = gone;
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel: string, text: string) => void this.receive(text));
    this.ready = this.subscriber.subscribe(this.channel(this.processId));
    return this.ready;
  }

  /** Relays a command to the owner and resolves with its answer (the socket's ack). */
  async call(owner: string, socket: Socket, event: string, args: unknown[], timeoutMs = 15_000): Promise<unknown> {
    await this.ready;
    const id = randomUUID();
    const answer = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RelayTimeoutError(event, owner, timeoutMs));
      }, timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
    });
    await this.redis.publish(
      this.channel(owner),
      encode({ t: 'call', id, from: this.processId, socket: identity(socket), event, args }),
    );
    return answer;
  }

  /** Relays an audio frame (no answer: the owner acknowledges frames to the socket itself). */
  frame(owner: string, socket: Socket, args: unknown[]): void {
    void this.redis
      .publish(this.channel(owner), encode({ t: 'frame', socket: identity(socket), args }))
      .catch((error: Error) => this.logger.warn(`relaying a frame: ${error.message}`));
  }

  /** The socket disconnected from its process: the owner lets go of it. */
  disconnected(owner: string, socket: Socket): void {
    void this.redis
      .publish(this.channel(owner), encode({ t: 'gone', socket: identity(socket) }))
      .catch(() => undefined);
  }

  /**
   * Lets go of relayed sockets that no longer exist anywhere: their process died without saying they left (a socket's
   * own room is empty across every process the adapter reaches).
   */
  async sweep(): Promise<number> {
    let gone = 0;
    for (const socket of [...this.remote.values()]) {
      const found = await this.namespace!.in(socket.id)
        .fetchSockets()
        .catch(() => null);
      if (found && found.length === 0) {
        this.forget(socket.id);
        gone++;
      }
    }
    return gone;
  }

  /** Drops a relayed socket: its own process said it left, or no process has it any more. */
  private forget(socketId: string): void {
    const socket = this.remote.get(socketId);
    if (!socket) return;
    this.remote.delete(socketId);
    this.gone?.(socket);
  }

  private remoteSocket(who: RelayedIdentity): RemoteSocket {
    let socket = this.remote.get(who.id);
    if (!socket) {
      socket = new RemoteSocket(who.id, { ...who.data }, this.namespace!);
      this.remote.set(who.id, socket);
    }
    return socket;
  }

  private async receive(text: string): Promise<void> {
    let message: Message;
    try {
      message = decode(text);
    } catch {
      return;
    }
    switch (message.t) {
      case 'reply': {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        clearTimeout(waiting.timer);
        waiting.resolve(message.result);
        return;
      }
      case 'frame':
        if (this.dispatch) await this.dispatch('audio:frame', this.remoteSocket(message.socket), message.args);
        return;
      case 'gone':
        this.forget(message.socket.id);
        return;
      case 'call': {
        let result: unknown;
        try {
          result = this.dispatch
            ? await this.dispatch(message.event, this.remoteSocket(message.socket), message.args)
            : { error: { code: 'server-busy', message: 'Try again in a moment.', event: message.event } };
        } catch (error) {
          this.logger.error(`relayed ${message.event}: ${(error as Error).stack ?? String(error)}`);
          result = { error: { code: 'internal', message: 'Something went wrong on our side.', event: message.event } };
        }
        await this.redis
          .publish(this.channel(message.from), encode({ t: 'reply', id: message.id, result }))
          .catch((error: Error) => this.logger.warn(`answering a relayed ${message.event}: ${error.message}`));
        return;
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const waiting of this.pending.values()) clearTimeout(waiting.timer);
    this.pending.clear();
    await this.subscriber?.quit().catch(() => undefined);
    this.subscriber = null;
  }
}

/** What the owner needs to know of a socket: who it is (the user, the agent's credential, the sign-in). */
function identity(socket: Socket): RelayedIdentity {
  const data = socket.data as Record<string, unknown>;
  return {
    id: socket.id,
    data: { user: data['user'], agentFor: data['agentFor'], authSessionId: data['authSessionId'] },
  };
}
