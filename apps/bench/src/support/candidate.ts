import {
  ClientToServerEvents,
  CreateInterviewRequest,
  InterviewSnapshot,
  LIVE_NAMESPACE,
  ServerToClientEvents,
  SocketError,
  TurnState,
} from '@mockroom/contracts';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io, Socket } from 'socket.io-client';

type Reply<T> = T | { error: SocketError };
type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** What the web client does over HTTP before a live session: a session with a CSRF token, sign-up, a new interview. */
export class HttpSession {
  private readonly cookies = new Map<string, string>();
  private csrfToken = '';

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await res.text();
    const json = (text ? JSON.parse(text) : undefined) as (T & { csrfToken?: string; message?: string }) | undefined;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${json?.message ?? text}`);
    // The token is bound to the session cookie: a reply that changes the session brings a new one.
    if (json && typeof json.csrfToken === 'string') this.csrfToken = json.csrfToken;
    return json as T;
  }

  async signUp(label: string): Promise<void> {
    await this.request('GET', '/api/auth/session');
    const email = `${label}.${process.pid}.${randomBytes(6).toString('hex')}@bench.example.com`;
    await this.request('POST', '/api/auth/sign-up', {
      email,
      password: 'correct horse battery staple',
      displayName: 'Bench Candidate',
    });
    await this.request('GET', '/api/auth/session');
  }

  async createInterview(plan: CreateInterviewRequest): Promise<string> {
    return (await this.request<{ id: string }>('POST', '/api/interviews', plan)).id;
  }
}

interface Waiter {
  event: string;
  predicate: (payload: unknown) => boolean;
  resolve: (value: { payload: unknown; at: number }) => void;
}

/**
 * A candidate's live socket. Arrival times are taken in the event handler with performance.now(), so a waiting
 * benchmark never adds polling delay to a figure.
 */
export class LiveSocket {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly waiters = new Set<Waiter>();
  /** Every `error` event received. */
  readonly errors: SocketError[] = [];

  constructor(baseUrl: string, cookie: string) {
    this.socket = io(`${baseUrl}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      reconnection: false,
      forceNew: true,
      autoConnect: false,
    });
    this.socket.onAny((event: string, payload: unknown) => {
      const at = performance.now();
      if (event === 'error') this.errors.push(payload as SocketError);
      for (const waiter of this.waiters) {
        if (waiter.event === event && waiter.predicate(payload)) {
          this.waiters.delete(waiter);
          waiter.resolve({ payload, at });
        }
      }
    });
  }

  /** Connects; fails on a refused connection, one closed before the namespace answered, or after 30 s. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket connection timed out')), 30_000);
      const settle = (error?: Error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      this.socket.once('connect', () => settle());
      this.socket.once('connect_error', settle);
      this.socket.once('disconnect', (reason) => settle(new Error(`socket closed while connecting: ${reason}`)));
      this.socket.connect();
    });
  }

  close(): void {
    this.socket.close();
  }

  /** The next `event` (from now on) for which `predicate` holds, with its arrival time. */
  next<E extends keyof ServerToClientEvents>(
    event: E,
    predicate: (payload: Payload<E>) => boolean = () => true,
    timeoutMs = 120_000,
  ): Promise<{ payload: Payload<E>; at: number }> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        event,
        predicate: predicate as (payload: unknown) => boolean,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as { payload: Payload<E>; at: number });
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new Error(
            `no "${event}" within ${timeoutMs} ms${this.errors.length ? `; errors: ${JSON.stringify(this.errors.slice(-3))}` : ''}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  async ack<T>(event: keyof ClientToServerEvents, ...args: unknown[]): Promise<T> {
    const reply = await (this.socket.timeout(60_000).emitWithAck as (ev: string, ...a: unknown[]) => Promise<Reply<T>>)(
      event,
      ...args,
    );
    if (reply && typeof reply === 'object' && 'error' in reply)
      throw new Error(`${event}: ${reply.error.code}: ${reply.error.message}`);
    return reply as T;
  }

  join(interviewId: string): Promise<InterviewSnapshot> {
    return this.ack<InterviewSnapshot>('interview:join', interviewId);
  }

  start(): Promise<TurnState> {
    return this.ack<TurnState>('interview:start');
  }
}
