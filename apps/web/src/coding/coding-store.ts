import { MAX_CODE_CHARS, type CodeRunRequest, type CodeRunView } from '@mockroom/contracts';
import { ApiError, errorMessage, isAbortError } from '../shared/api/client';
import type { LiveSocket } from '../shared/live/live-connection';
import { codingApi, type CodingApi } from './coding-api';
import { isUnfinished, mergeRun, mergeRuns } from './code-runs';

export interface CodingState {
  /** The interview's runs, oldest first. */
  runs: CodeRunView[];
  /** The earlier runs are in (after a reload too). */
  loaded: boolean;
  /** A run asked for and not yet accepted. */
  requesting: boolean;
  /** Why the last run was refused. */
  runError: string | null;
}

/** What the store needs of the live socket. */
export interface CodingChannel {
  onRun(listener: (run: CodeRunView) => void): () => void;
}

/** While a run is unfinished, how often to look it up over REST in case its event was missed (a dropped socket). */
const UNFINISHED_POLL_MS = 15_000;

export function socketChannel(socket: LiveSocket): CodingChannel {
  return {
    onRun: (listener) => {
      socket.on('code:run', listener);
      return () => void socket.off('code:run', listener);
    },
  };
}

/**
 * The code runs of one interview, live: loaded, then kept up to date by `code:run` events (everyone in the interview
 * gets them), and asking for a run. The editor's text goes to the server on its own (see CodeDocSync).
 */
export class CodingStore {
  private state: CodingState = { runs: [], loaded: false, requesting: false, runError: null };
  private readonly listeners = new Set<() => void>();
  private live = false;
  private wasLive = false;
  private unsubscribe: (() => void) | null = null;
  private loading: AbortController | null = null;
  private poll: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    readonly interviewId: string,
    private readonly channel: CodingChannel,
    private readonly api: CodingApi = codingApi,
  ) {}

  getState = (): CodingState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<CodingState>): void {
    if (this.closed) return;
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  open(): void {
    if (this.unsubscribe || this.closed) return;
    this.unsubscribe = this.channel.onRun((run) => {
      if (run.interviewId !== this.interviewId) return;
      this.setRuns(mergeRun(this.state.runs, run));
    });
    void this.loadRuns();
  }

  close(): void {
    if (this.closed) return;
    this.unsubscribe?.();
    this.loading?.abort();
    if (this.poll) clearTimeout(this.poll);
    this.closed = true;
    this.listeners.clear();
  }

  /** Whether the interview is live and the socket joined: a rejoin catches up on the runs missed meanwhile. */
  setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    if (!live) return;
    if (this.wasLive) void this.loadRuns();
    this.wasLive = true;
  }

  /** A run is asked for or unfinished: the server takes one at a time per interview. */
  get busy(): boolean {
    return this.state.requesting || this.state.runs.some(isUnfinished);
  }

  async run(body: CodeRunRequest): Promise<void> {
    if (this.busy || this.closed) return;
    if (body.code.length > MAX_CODE_CHARS) {
      this.set({ runError: `Code can be up to ${MAX_CODE_CHARS.toLocaleString('en')} characters.` });
      return;
    }
    this.set({ requesting: true, runError: null });
    try {
      const run = await this.api.run(this.interviewId, body);
      this.set({ requesting: false });
      this.setRuns(mergeRun(this.state.runs, run));
    } catch (error) {
      this.set({ requesting: false, runError: errorMessage(error) });
      // "A run is still going": one this page has not heard of yet.
      if (error instanceof ApiError && error.status === 409) void this.loadRuns();
    }
  }

  dismissError(): void {
    if (this.state.runError) this.set({ runError: null });
  }

  private async loadRuns(): Promise<void> {
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    try {
      const runs = await this.api.runs(this.interviewId, controller.signal);
      if (controller.signal.aborted) return;
      this.set({ loaded: true });
      this.setRuns(mergeRuns(this.state.runs, runs));
    } catch (error) {
      // Earlier runs stay unknown for now; the next rejoin or run looks again.
      if (!isAbortError(error)) this.followUnfinished();
    } finally {
      if (this.loading === controller) this.loading = null;
    }
  }

  private setRuns(runs: CodeRunView[]): void {
    if (runs !== this.state.runs) this.set({ runs });
    this.followUnfinished();
  }

  private followUnfinished(): void {
    const unfinished = this.state.runs.some(isUnfinished);
    if (!unfinished || this.closed) {
      if (this.poll) clearTimeout(this.poll);
      this.poll = null;
      return;
    }
    this.poll ??= setTimeout(() => {
      this.poll = null;
      void this.loadRuns();
    }, UNFINISHED_POLL_MS);
  }
}
