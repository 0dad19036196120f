import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { int16ToBuffer } from '../../audio/pcm';
import { abortError } from '../../util/process';
import type { DictEntry } from './pronunciations';

/**
 * A pool of resident ps-decoder processes (see libs/speech/native/ps-decoder.c) with a queue.
 *
 * Each decoder holds its models in memory and decodes one utterance at a time. A decoder that
 * dies (crash, kill, timeout) fails only the request it was working on, with a clear error,
 * and a fresh one is started in its place. A decoder switches hint sets only when a request
 * brings a different one (it rebuilds its search, ~0.2 s). Words added for hints stay in a
 * decoder for its life; one that has accumulated `maxAddedWords` words and hint switches is
 * replaced when idle.
 */

export interface DecodedUtterance {
  text: string;
  words: { w: string; s: number; e: number }[];
  frames: number;
}

export interface DecoderPoolOptions {
  command: string;
  args: string[];
  /** Number of decoder processes (default 2). */
  size?: number;
  /** Time to load the models (default 30 s). */
  startTimeoutMs?: number;
  /** Per-utterance decode time limit: base plus a multiple of the audio duration (default 30 s + 3×). */
  decodeTimeoutMs?: (audioMs: number) => number;
  /** Added words plus hint changes after which an idle decoder is replaced (default 1000; each change keeps ~0.1 MB). */
  maxAddedWords?: number;
  /** Interpolation weight sent with hint language models (0–1, default 0.05; see ps-decoder.c). */
  hintWeight?: number;
}

/** What a request asks the decoder to listen for: words to add and a hint language model (ARPA file). */
export interface DecoderHints {
  /** Identifies the hint set; a decoder switches only when it changes. */
  key: string;
  entries: readonly DictEntry[];
  arpaPath: string;
}

export class DecoderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DecoderError';
  }
}

interface Job {
  pcm: Int16Array;
  hints: DecoderHints | null;
  signal?: AbortSignal;
  resolve: (result: DecodedUtterance) => void;
  reject: (error: unknown) => void;
  settled: boolean;
  onAbort?: () => void;
}

type Reply = Record<string, unknown>;

class DecoderProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly ready: Promise<void>;
  /** Words this decoder knows (from its dictionary or added), so they are not sent again. */
  readonly known = new Set<string>();
  added = 0;
  /** Key of the hints the decoder listens with ('' = none). */
  hintKey = '';
  frameRate = 100;
  exited = false;
  private buffer = '';
  private stderr = '';
  private waiting: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | null = null;
  private readyResolve!: () => void;
  private readyReject!: (error: Error) => void;
  private isReady = false;

  /** Models loaded, serving requests. */
  get started(): boolean {
    return this.isReady && !this.exited;
  }
  private exitListeners: ((error: DecoderError) => void)[] = [];

  constructor(command: string, args: string[], startTimeoutMs: number) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.readyResolve = resolve;
      this.readyReject = reject;
    });
    // A rejection nobody awaits must not crash the process; callers await `ready` themselves.
    this.ready.catch(() => undefined);
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const startTimer = setTimeout(() => {
      if (!this.isReady) {
        this.readyReject(
          new DecoderError(`the PocketSphinx decoder did not load its models within ${startTimeoutMs} ms`),
        );
        this.kill();
      }
    }, startTimeoutMs);
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.onData(chunk));
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    this.child.stdin.on('error', () => {
      // EPIPE when the decoder died; the exit handler reports it.
    });
    this.child.on('error', (error) => this.onExit(null, null, error));
    this.child.on('exit', (code, signal) => {
      clearTimeout(startTimer);
      this.onExit(code, signal);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get busy(): boolean {
    return this.waiting !== null;
  }

  onExitOnce(listener: (error: DecoderError) => void): void {
    this.exitListeners.push(listener);
  }

  /** Sends a request and waits for its one-line reply. */
  request(header: string, payload?: Buffer, timeoutMs?: number): Promise<Reply> {
    if (this.exited) return Promise.reject(new DecoderError('the PocketSphinx decoder is not running'));
    if (this.waiting) return Promise.reject(new DecoderError('the PocketSphinx decoder is busy (internal error)'));
    return new Promise<Reply>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          this.waiting = null;
          reject(
            new DecoderError(
              `the PocketSphinx decoder did not answer within ${Math.round(timeoutMs)} ms; it was stopped and is being replaced`,
            ),
          );
          this.kill();
        }, timeoutMs);
      }
      this.waiting = {
        resolve: (reply) => {
          if (timer) clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          if (timer) clearTimeout(timer);
          reject(error);
        },
      };
      this.child.stdin.write(header);
      if (payload) this.child.stdin.write(payload);
    });
  }

  quit(): void {
    if (this.exited) return;
    this.child.stdin.end('QUIT\n');
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      let reply: Reply;
      try {
        reply = JSON.parse(line) as Reply;
      } catch {
        this.failWaiting(
          new DecoderError(`the PocketSphinx decoder wrote something that is not JSON: ${line.slice(0, 200)}`),
        );
        this.kill();
        return;
      }
      if (!this.isReady) {
        if (reply['ready'] === true) {
          this.isReady = true;
          if (typeof reply['frate'] === 'number' && reply['frate'] > 0) this.frameRate = reply['frate'];
          this.readyResolve();
        }
        continue;
      }
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.resolve(reply);
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null, error?: Error): void {
    if (this.exited) return;
    this.exited = true;
    const how = error
      ? `could not be started (${error.message})`
      : signal
        ? `was killed by ${signal}`
        : `exited with code ${code}`;
    const detail = this.stderr.trim() ? `: ${this.stderr.trim().split('\n').slice(-3).join(' / ')}` : '';
    const failure = new DecoderError(`the PocketSphinx decoder (pid ${this.child.pid ?? '?'}) ${how}${detail}`, {
      cause: error,
    });
    if (!this.isReady) this.readyReject(failure);
    this.failWaiting(failure);
    for (const listener of this.exitListeners) listener(failure);
    this.exitListeners = [];
  }

  private failWaiting(error: Error): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }
}

export class DecoderPool {
  private readonly size: number;
  private readonly slots: (DecoderProcess | null)[];
  private readonly busy = new Set<DecoderProcess>();
  private readonly queue: Job[] = [];
  /** Streams waiting for a decoder to come free (served after queued whole requests). */
  private readonly streamWaiters: { hints: DecoderHints | null; resolve: (stream: DecoderStream | null) => void }[] =
    [];
  private closed = false;
  private readonly startTimeoutMs: number;
  private readonly decodeTimeoutMs: (audioMs: number) => number;
  private readonly maxAddedWords: number;
  private startFailure: { at: number; error: unknown } | null = null;

  constructor(private readonly options: DecoderPoolOptions) {
    this.size = Math.max(1, Math.floor(options.size ?? 2));
    this.slots = new Array<DecoderProcess | null>(this.size).fill(null);
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
    this.decodeTimeoutMs = options.decodeTimeoutMs ?? ((audioMs) => 30_000 + 3 * audioMs);
    this.maxAddedWords = options.maxAddedWords ?? 1000;
  }

  /** Process ids of the running decoders. */
  pids(): number[] {
    return this.slots
      .filter((d): d is DecoderProcess => d !== null && !d.exited && d.pid !== undefined)
      .map((d) => d.pid as number);
  }

  /** Starts every decoder and waits until their models are loaded. */
  async start(): Promise<void> {
    const decoders = this.slots.map((_, i) => this.slots[i] ?? this.spawnInto(i));
    await Promise.all(decoders.map((d) => d.ready));
  }

  decode(pcm: Int16Array, hints: DecoderHints | null = null, signal?: AbortSignal): Promise<DecodedUtterance> {
    if (this.closed) return Promise.reject(new DecoderError('the PocketSphinx engine is closed'));
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<DecodedUtterance>((resolve, reject) => {
      const job: Job = { pcm, hints, signal, resolve, reject, settled: false };
      if (signal) {
        job.onAbort = () => {
          const at = this.queue.indexOf(job);
          if (at >= 0) this.queue.splice(at, 1);
          this.settle(job, () => reject(abortError(signal)));
        };
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const job of this.queue.splice(0))
      this.settle(job, () => job.reject(new DecoderError('the PocketSphinx engine was closed')));
    for (const waiter of this.streamWaiters.splice(0)) waiter.resolve(null);
    const exits: Promise<void>[] = [];
    for (const decoder of this.slots) {
      if (!decoder || decoder.exited) continue;
      exits.push(
        new Promise<void>((resolve) => {
          decoder.child.once('exit', () => resolve());
          const timer = setTimeout(() => decoder.kill(), 2000);
          decoder.child.once('exit', () => clearTimeout(timer));
          if (this.busy.has(decoder)) decoder.kill();
          else decoder.quit();
        }),
      );
    }
    this.slots.fill(null);
    await Promise.all(exits);
  }

  private spawnInto(slot: number): DecoderProcess {
    const decoder = new DecoderProcess(this.options.command, this.options.args, this.startTimeoutMs);
    this.slots[slot] = decoder;
    let started = false;
    decoder.onExitOnce(() => {
      this.busy.delete(decoder);
      const current = this.slots[slot] === decoder;
      if (current) this.slots[slot] = null;
      // Replace a decoder that died after it had started (a crash, a kill, a timeout, or retired
      // for its added words), so the next request does not wait for the models to load.
      if (current && started && !this.closed) this.spawnInto(slot);
      this.dispatch();
    });
    decoder.ready.then(
      () => {
        started = true;
        this.startFailure = null;
        this.dispatch();
      },
      (error: unknown) => {
        this.startFailure = { at: Date.now(), error };
        this.dispatch();
      },
    );
    return decoder;
  }

  private dispatch(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      const idle = this.slots.find(
        (d): d is DecoderProcess => d !== null && d.started && !d.exited && !this.busy.has(d),
      );
      if (!idle) {
        this.startMore();
        return;
      }
      const job = this.queue.shift() as Job;
      if (job.settled) continue;
      this.busy.add(idle);
      void this.runJob(idle, job).finally(() => {
        this.busy.delete(idle);
        if (!idle.exited && idle.added >= this.maxAddedWords && !this.closed) {
          // Too many hint words accumulated: retire it; the exit handler starts a fresh one.
          this.busy.add(idle);
          idle.quit();
        }
        this.dispatch();
      });
    }
    while (this.streamWaiters.length > 0) {
      const stream = this.tryStream(this.streamWaiters[0].hints);
      if (!stream) return;
      (this.streamWaiters.shift() as (typeof this.streamWaiters)[number]).resolve(stream);
    }
  }

  /** Jobs are waiting and no decoder is free: start one, or fail the jobs when decoders cannot start. */
  private startMore(): void {
    const alive = this.slots.some((d) => d !== null && !d.exited);
    const empty = this.slots.indexOf(null);
    const recentFailure = this.startFailure && Date.now() - this.startFailure.at < 2000 ? this.startFailure : null;
    if (recentFailure) {
      // Decoders fail to start: jobs wait only if a running decoder can serve them.
      if (!alive) for (const job of this.queue.splice(0)) this.settle(job, () => job.reject(recentFailure.error));
      return;
    }
    if (empty >= 0) this.spawnInto(empty);
  }

  private async runJob(decoder: DecoderProcess, job: Job): Promise<void> {
    try {
      await this.useHints(decoder, job.hints);
      if (job.settled) return;
      const payload = int16ToBuffer(job.pcm);
      const reply = await decoder.request(
        `UTT ${payload.length}\n`,
        payload,
        this.decodeTimeoutMs(job.pcm.length / 16),
      );
      if (typeof reply['error'] === 'string')
        throw new DecoderError(`the PocketSphinx decoder refused the audio: ${reply['error']}`);
      const result = toUtterance(reply, decoder.frameRate);
      this.settle(job, () => job.resolve(result));
    } catch (error) {
      const failure = this.closed ? new DecoderError('the PocketSphinx engine was closed', { cause: error }) : error;
      this.settle(job, () => job.reject(failure));
    }
  }

  /** Switches the decoder to the hints of a request (only when they differ from what it listens with). */
  private async useHints(decoder: DecoderProcess, hints: DecoderHints | null): Promise<void> {
    const key = hints?.key ?? '';
    if (key === decoder.hintKey) return;
    const toAdd = (hints?.entries ?? []).filter((entry) => !decoder.known.has(entry.word));
    const lines = toAdd.map((entry) => `${entry.word} ${entry.phones}\n`).join('');
    const weight = this.options.hintWeight ?? 0.05;
    const reply = await decoder.request(
      `HINTS ${toAdd.length} ${weight} ${hints?.arpaPath ?? '-'}\n${lines}`,
      undefined,
      60_000,
    );
    for (const entry of toAdd) decoder.known.add(entry.word);
    decoder.added += 1 + (Array.isArray(reply['added']) ? reply['added'].length : 0);
    decoder.hintKey = key;
  }

  /**
   * A decoder of its own for an utterance that is still being spoken, if one is free now (null otherwise: the caller
   * decodes the utterance whole when it ends). Queued requests come first.
   */
  tryStream(hints: DecoderHints | null = null): DecoderStream | null {
    if (this.closed || this.queue.length > 0) return null;
    return this.takeStream(hints);
  }

  /**
   * Like `tryStream`, but waits up to `waitMs` for a decoder to come free (one still ending the previous utterance,
   * or starting): the utterance's audio keeps arriving meanwhile and is fed at once when it is given one. Null when
   * none came free in time.
   */
  async stream(hints: DecoderHints | null, waitMs: number): Promise<DecoderStream | null> {
    const now = this.streamWaiters.length === 0 ? this.tryStream(hints) : null;
    if (now || this.closed || waitMs <= 0) return now;
    return new Promise<DecoderStream | null>((resolve) => {
      const waiter = {
        hints,
        resolve: (stream: DecoderStream | null) => {
          clearTimeout(timer);
          resolve(stream);
        },
      };
      const timer = setTimeout(() => {
        const at = this.streamWaiters.indexOf(waiter);
        if (at >= 0) this.streamWaiters.splice(at, 1);
        resolve(null);
      }, waitMs);
      this.streamWaiters.push(waiter);
    });
  }

  private takeStream(hints: DecoderHints | null): DecoderStream | null {
    const idle = this.slots.find((d): d is DecoderProcess => d !== null && d.started && !d.exited && !this.busy.has(d));
    if (!idle) return null;
    this.busy.add(idle);
    return new DecoderStream(
      idle,
      (decoder) => this.useHints(decoder, hints),
      this.decodeTimeoutMs,
      () => {
        this.busy.delete(idle);
        this.dispatch();
      },
    );
  }

  private settle(job: Job, action: () => void): void {
    if (job.settled) return;
    job.settled = true;
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
    action();
  }
}

function toUtterance(reply: Reply, frameRate: number): DecodedUtterance {
  const result: DecodedUtterance = {
    text: typeof reply['text'] === 'string' ? reply['text'] : '',
    words: Array.isArray(reply['words']) ? (reply['words'] as DecodedUtterance['words']) : [],
    frames: typeof reply['frames'] === 'number' ? reply['frames'] : 0,
  };
  // Frame numbers become ms with the decoder's frame rate.
  if (frameRate !== 100) {
    for (const w of result.words) {
      w.s = (w.s * 100) / frameRate;
      w.e = (w.e * 100) / frameRate;
    }
  }
  return result;
}

/**
 * One utterance decoded as it is spoken (BEGIN, FEED…, END; see ps-decoder.c), holding one decoder of the pool until
 * it ends. Calls are queued in order; the first failure fails every later call, and the decoder is given back (or, if
 * it died or timed out, replaced) either way.
 */
export class DecoderStream {
  private chain: Promise<unknown>;
  private fedSamples = 0;
  private finished = false;

  constructor(
    private readonly decoder: DecoderProcess,
    prepare: (decoder: DecoderProcess) => Promise<void>,
    private readonly timeoutMs: (audioMs: number) => number,
    private readonly release: () => void,
  ) {
    this.chain = prepare(decoder).then(() => this.expectOk(decoder.request('BEGIN\n', undefined, 10_000)));
    this.chain.catch(() => undefined);
  }

  /** Samples handed to the decoder so far. */
  get samples(): number {
    return this.fedSamples;
  }

  /** Feeds audio; resolves with the decoder's best hypothesis so far (null until it has begun decoding). */
  feed(pcm: Int16Array): Promise<string | null> {
    if (this.finished) return Promise.reject(new DecoderError('the stream has ended'));
    if (pcm.length === 0) return this.chain.then(() => null);
    this.fedSamples += pcm.length;
    const payload = int16ToBuffer(pcm);
    const step = this.chain.then(async () => {
      const reply = await this.decoder.request(`FEED ${payload.length}\n`, payload, this.timeoutMs(pcm.length / 16));
      if (typeof reply['error'] === 'string')
        throw new DecoderError(`the PocketSphinx decoder refused the stream: ${reply['error']}`);
      return typeof reply['hyp'] === 'string' ? reply['hyp'] : null;
    });
    this.chain = step;
    step.catch(() => undefined);
    return step;
  }

  /** Ends the utterance and returns what was said. */
  end(): Promise<DecodedUtterance> {
    if (this.finished) return Promise.reject(new DecoderError('the stream has ended'));
    this.finished = true;
    const result = this.chain
      .then(() => this.decoder.request('END\n', undefined, this.timeoutMs(1000)))
      .then((reply) => {
        if (typeof reply['error'] === 'string')
          throw new DecoderError(`the PocketSphinx decoder refused the stream: ${reply['error']}`);
        return toUtterance(reply, this.decoder.frameRate);
      });
    void result.then(this.release, this.release);
    return result;
  }

  /** Drops the utterance and gives the decoder back. */
  abort(): void {
    if (this.finished) return;
    this.finished = true;
    const done = this.chain.then(() => this.decoder.request('END\n', undefined, 10_000));
    void done.then(this.release, () => {
      this.decoder.kill();
      this.release();
    });
  }

  private async expectOk(request: Promise<Reply>): Promise<void> {
    const reply = await request;
    if (typeof reply['error'] === 'string')
      throw new DecoderError(`the PocketSphinx decoder refused the stream: ${reply['error']}`);
  }
}
