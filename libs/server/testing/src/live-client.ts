import { AUDIO_FRAME_SAMPLES, ClientToServerEvents, LIVE_NAMESPACE, ServerToClientEvents } from '@mockroom/contracts';
import { io, Socket } from 'socket.io-client';

type Received = { event: string; args: unknown[]; at: number };

/**
 * A Socket.IO client of the live namespace for tests: real connection, the session cookie of a TestBrowser,
 * every received event recorded so tests can wait for what they expect.
 */
export class LiveClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly received: Received[] = [];

  constructor(baseUrl: string, cookie: string, extraHeaders: Record<string, string> = {}) {
    this.socket = io(`${baseUrl}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      extraHeaders: { cookie, ...extraHeaders },
      reconnection: false,
      forceNew: true,
      autoConnect: false,
    });
    this.socket.onAny((event: string, ...args: unknown[]) => this.received.push({ event, args, at: Date.now() }));
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
      this.socket.connect();
    });
  }

  close(): void {
    this.socket.close();
  }

  /** Everything received for one event, in order. */
  all<E extends keyof ServerToClientEvents>(event: E): Parameters<ServerToClientEvents[E]>[0][] {
    return this.received
      .filter((r) => r.event === event)
      .map((r) => r.args[0] as Parameters<ServerToClientEvents[E]>[0]);
  }

  /** Waits until `predicate` holds for a received event (past or future). */
  waitFor<E extends keyof ServerToClientEvents>(
    event: E,
    predicate: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
    timeoutMs = 30_000,
  ): Promise<Parameters<ServerToClientEvents[E]>[0]> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const check = () => {
        const found = this.all(event).find(predicate);
        if (found !== undefined) return resolve(found);
        if (Date.now() - started > timeoutMs) {
          const seen = this.received.map((r) => r.event).join(', ');
          const errors = this.all('error')
            .map((e) => JSON.stringify(e))
            .join('\n');
          return reject(
            new Error(
              `timed out after ${timeoutMs} ms waiting for "${event}"; received: ${seen}${errors ? `\nerrors:\n${errors}` : ''}`,
            ),
          );
        }
        setTimeout(check, 25);
      };
      check();
    });
  }

  emitAck<T>(event: keyof ClientToServerEvents, ...args: unknown[]): Promise<T> {
    return (this.socket.timeout(30_000).emitWithAck as (ev: string, ...a: unknown[]) => Promise<T>)(event, ...args);
  }

  /**
   * Streams PCM as 20 ms frames from `fromSeq`, `speed` times faster than real time (Infinity = as fast as possible,
   * yielding to the event loop now and then). Returns the next sequence number.
   */
  async streamPcm(
    pcm: Int16Array,
    options: { fromSeq?: number; speed?: number; stopAfterFrames?: number } = {},
  ): Promise<number> {
    const { fromSeq = 0, speed = Infinity, stopAfterFrames = Infinity } = options;
    const frames = Math.ceil(pcm.length / AUDIO_FRAME_SAMPLES);
    const started = Date.now();
    let seq = fromSeq;
    for (let i = 0; i < frames && i < stopAfterFrames; i++, seq++) {
      const frame = new Int16Array(AUDIO_FRAME_SAMPLES);
      frame.set(pcm.subarray(i * AUDIO_FRAME_SAMPLES, (i + 1) * AUDIO_FRAME_SAMPLES));
      // A view rather than the ArrayBuffer: the parser recognises views across realms (Jest runs tests in a VM).
      this.socket.emit('audio:frame', seq, new Uint8Array(frame.buffer));
      if (Number.isFinite(speed)) {
        const due = started + ((i + 1) * 20) / speed;
        const wait = due - Date.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      } else if (i % 50 === 49) {
        await new Promise((r) => setImmediate(r));
      }
    }
    return seq;
  }
}
