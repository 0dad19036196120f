import type { EngineNames } from '@mockroom/contracts';
import { ChildProcess, fork } from 'node:child_process';

/** What the API ('listening') and the worker ('ready') report over IPC once they are up. */
export interface ReadyMessage {
  type: string;
  port?: number;
  engines?: EngineNames;
}

/** Waits before each restart of a process that died, longer each time it dies soon again. */
export const RESTART_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000];
/** A process that ran this long before it died is restarted without delay growth (it was not crash-looping). */
const STABLE_AFTER_MS = 60_000;
/** How long a stopping process gets to finish before it is killed. */
const STOP_GRACE_MS = 10_000;

export class StartupError extends Error {}

/**
 * One of the product's processes (API, worker, media agent), kept running: when it dies after it was up (killed,
 * out of memory, a crash), it is started again with back-off and the launcher says so. The others carry on: jobs a
 * dead worker held are retried by BullMQ, and browsers reconnect to a restarted API.
 */
export class SupervisedProcess {
  private child: ChildProcess | null = null;
  private stopping = false;
  private restarts = 0;
  private startedAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly name: string,
    private readonly scriptPath: string,
    private env: NodeJS.ProcessEnv,
    private readonly readyMessage: string,
    private readonly log: (line: string) => void,
    private readonly delays: readonly number[] = RESTART_DELAYS_MS,
  ) {}

  /** Settings for the next start (the API keeps the port it got first, so browsers find it again). */
  setEnv(patch: NodeJS.ProcessEnv): void {
    this.env = { ...this.env, ...patch };
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The first start: rejects when the process exits before it is ready (a configuration problem, say). */
  start(): Promise<ReadyMessage> {
    return new Promise((resolve, reject) => {
      const child = this.spawn();
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        this.child = null;
        reject(new StartupError(`The ${this.name} exited during start-up (${signal ?? `code ${code}`}).`));
      };
      child.once('exit', onExit);
      child.on('message', (message: ReadyMessage) => {
        if (message?.type !== this.readyMessage) return;
        child.off('exit', onExit);
        this.watch(child);
        resolve(message);
      });
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      child.once('exit', () => {
        clearTimeout(kill);
        done();
      });
      child.kill('SIGTERM');
    });
  }

  private spawn(): ChildProcess {
    const child = fork(this.scriptPath, [], { env: this.env, execArgv: ['--enable-source-maps'], stdio: 'inherit' });
    this.child = child;
    this.startedAt = Date.now();
    return child;
  }

  private watch(child: ChildProcess): void {
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      if (Date.now() - this.startedAt >= STABLE_AFTER_MS) this.restarts = 0;
      const delay = this.delays[Math.min(this.restarts, this.delays.length - 1)];
      this.restarts++;
      this.log(
        `The ${this.name} stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again in ${delay / 1000} s.`,
      );
      this.timer = setTimeout(() => this.restart(), delay);
    });
  }

  private restart(): void {
    if (this.stopping) return;
    const child = this.spawn();
    const onExitDuringStart = (code: number | null, signal: NodeJS.Signals | null) => {
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      const delay = this.delays[Math.min(this.restarts, this.delays.length - 1)];
      this.restarts++;
      this.log(
        `The ${this.name} could not start again (${signal ?? `exit code ${code}`}); trying again in ${delay / 1000} s.`,
      );
      this.timer = setTimeout(() => this.restart(), delay);
    };
    child.once('exit', onExitDuringStart);
    child.on('message', (message: ReadyMessage) => {
      if (message?.type !== this.readyMessage) return;
      child.off('exit', onExitDuringStart);
      this.log(`The ${this.name} is running again (pid ${child.pid}).`);
      this.watch(child);
    });
  }
}
