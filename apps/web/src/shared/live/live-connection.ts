import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type InterviewSnapshot,
  type ServerToClientEvents,
  type SocketError,
} from '@mockroom/contracts';
import { io, type Socket } from 'socket.io-client';
import { interviewsApi } from '../api/endpoints';
import { FATAL_CODES } from './audio-uplink';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

/** Something that stops a live page for good: shown instead of the room or console. */
export interface FatalProblem {
  code: string;
  title: string;
  message: string;
}

export interface Toast {
  id: number;
  message: string;
}

export function isErrorReply(reply: unknown): reply is { error: SocketError } {
  return (
    typeof reply === 'object' &&
    reply !== null &&
    'error' in reply &&
    typeof (reply as { error: unknown }).error === 'object'
  );
}

export interface LiveConnectionHost {
  readonly interviewId: string;
  /** "interview" or "session", for messages. */
  readonly noun: string;
  /** The page's state: completed or stopped by a fatal problem means no more reconnecting. */
  state(): { completed: boolean; fatal: unknown; joined: boolean };
  setConnection(patch: { connection?: ConnectionStatus; reconnectAttempt?: number; joined?: boolean }): void;
  /** A new connection, or a drop: what was started on the old one (an audio stream) is gone. */
  onSocketChanged(): void;
  /** Joined (again): everything so far. */
  onJoined(snapshot: InterviewSnapshot): void;
  /** The server says the session is over. */
  onEnded(): void;
  onFatal(error: SocketError): void;
  toast(message: string): void;
}

const ACK_TIMEOUT_MS = 10_000;
const REJOIN_MS = 2_000;

/**
 * A live page's socket: connects, joins the interview on every (re)connection and hands the page what it got,
 * reconnects when the server closed the socket itself or refused it in its middleware (socket.io retries only
 * dropped connections), and sorts the server's refusals into "the session is over", "not for you" and the rest.
 */
export class LiveConnection {
  readonly socket: LiveSocket;
  private readonly host: LiveConnectionHost;
  /** Bumped on every (re)connection, so replies from an older one are ignored. */
  private epoch = 0;
  private rejoin: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(host: LiveConnectionHost) {
    this.host = host;
    this.socket = io(LIVE_NAMESPACE, {
      path: '/socket.io',
      transports: ['websocket'],
      withCredentials: true,
      forceNew: true,
      autoConnect: false,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      // Named in the address, so a load balancer can send every socket of one interview to the same API process.
      query: { interview: host.interviewId },
    });
    this.bind();
  }

  open(): void {
    if (!this.closed) this.socket.connect();
  }

  /** Ready for events of the session: connected and joined. */
  get ready(): boolean {
    return this.socket.connected && this.host.state().joined;
  }

  private get finished(): boolean {
    const { completed, fatal } = this.host.state();
    return completed || fatal !== null;
  }

  /** Leaves for good (the page is done or goes away). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.rejoin) clearTimeout(this.rejoin);
    this.socket.removeAllListeners();
    this.socket.io.removeAllListeners();
    this.socket.disconnect();
  }

  /** The common part of the server's `error` events; false when the page must deal with it itself. */
  handleError(error: SocketError): boolean {
    if (error.code === 'session-ended') this.host.onEnded();
    else if (FATAL_CODES.has(error.code)) this.host.onFatal(error);
    else return false;
    return true;
  }

  private bind(): void {
    const socket = this.socket;
    const host = this.host;
    socket.on('connect', () => {
      this.epoch++;
      host.onSocketChanged();
      host.setConnection({ connection: 'connected', reconnectAttempt: 0, joined: false });
      void this.join();
    });
    socket.on('disconnect', (reason) => {
      this.epoch++;
      host.onSocketChanged();
      if (this.finished) return;
      host.setConnection({ connection: 'reconnecting', joined: false });
      // The server closed this socket itself: socket.io won't retry on its own.
      if (reason === 'io server disconnect') this.reconnectIn(1_000);
    });
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      if (host.state().completed) return;
      const code = error.data?.code;
      if (code === 'unauthorized' || code === 'forbidden-origin') {
        host.onFatal({ code, message: error.message });
        return;
      }
      host.setConnection({ connection: host.state().joined || this.epoch > 0 ? 'reconnecting' : 'connecting' });
      // Refused by the server's middleware (e.g. it couldn't check the session): socket.io leaves retrying to us.
      if (!socket.active) this.reconnectIn(2_000);
    });
    socket.io.on('reconnect_attempt', (attempt) => host.setConnection({ reconnectAttempt: attempt }));
  }

  private reconnectIn(delayMs: number): void {
    if (this.rejoin) clearTimeout(this.rejoin);
    this.rejoin = setTimeout(() => {
      this.rejoin = null;
      if (!this.closed && !this.socket.connected && !this.finished) this.socket.connect();
    }, delayMs);
  }

  private async join(): Promise<void> {
    const epoch = this.epoch;
    try {
      const reply = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('interview:join', this.host.interviewId);
      if (epoch !== this.epoch || this.closed) return;
      if (isErrorReply(reply)) {
        if (!this.handleError(reply.error)) {
          this.host.toast(`Couldn't join the ${this.host.noun}: ${reply.error.message}`);
          this.retryJoin(epoch);
        }
        return;
      }
      this.host.onJoined(reply);
    } catch {
      if (epoch === this.epoch && !this.closed) this.retryJoin(epoch);
    }
  }

  private retryJoin(epoch: number): void {
    setTimeout(() => {
      if (epoch === this.epoch && !this.closed && this.socket.connected && !this.host.state().joined) void this.join();
    }, REJOIN_MS);
  }
}

/** Once the interview is over, how often (and how many times) to look for the finished interview over REST. */
const COMPLETION_POLL_MS = 3_000;
const COMPLETION_POLLS = 40;

/**
 * The session is over on the server; its summary or review arrives with `interview:completed`, but the server first
 * waits for the scores, and a dropped connection would miss the event: this looks it up over REST too.
 */
export class CompletionWatch {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private polls = 0;

  constructor(
    private readonly interviewId: string,
    private readonly handlers: { done(): boolean; onCompleted(snapshot: InterviewSnapshot): void; onGaveUp(): void },
  ) {}

  get watching(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer) return;
    this.polls = 0;
    this.timer = setTimeout(() => void this.check(), COMPLETION_POLL_MS / 2);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async check(): Promise<void> {
    this.timer = null;
    if (this.handlers.done()) return;
    this.polls++;
    try {
      const snapshot = await interviewsApi.get(this.interviewId);
      if (this.handlers.done()) return;
      const { status } = snapshot.interview;
      if (status === 'completed' || status === 'abandoned') {
        this.handlers.onCompleted(snapshot);
        return;
      }
    } catch {
      // Offline for a moment: try again.
    }
    if (this.polls >= COMPLETION_POLLS) {
      this.handlers.onGaveUp();
      return;
    }
    this.timer = setTimeout(() => void this.check(), COMPLETION_POLL_MS);
  }
}

const TOAST_MS = 7_000;

/** Short messages on a live page, the last three, each gone after a few seconds (or when dismissed). */
export class Toasts {
  private list: Toast[] = [];
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private nextId = 1;

  constructor(private readonly onChange: (toasts: Toast[]) => void) {}

  show(message: string): void {
    if (this.list.some((toast) => toast.message === message)) return;
    const id = this.nextId++;
    this.list = [...this.list.slice(-2), { id, message }];
    this.onChange(this.list);
    this.timers.set(
      id,
      setTimeout(() => this.dismiss(id), TOAST_MS),
    );
  }

  dismiss(id: number): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
    this.list = this.list.filter((toast) => toast.id !== id);
    this.onChange(this.list);
  }

  clear(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }
}
