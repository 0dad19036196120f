import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** A live process seen in /proc (zombies left out: they hold nothing and cannot be killed). */
export interface ProcessInfo {
  pid: number;
  uid: number;
  threads: number;
}

/** Every live process on the machine with its real uid and thread count. */
export async function listProcesses(): Promise<ProcessInfo[]> {
  const names = await readdir('/proc').catch(() => [] as string[]);
  const found = await Promise.all(
    names
      .filter((name) => /^\d+$/.test(name))
      .map(async (name): Promise<ProcessInfo | null> => {
        const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => null);
        if (status === null) return null;
        if (/^State:\s+[ZX]/m.test(status)) return null;
        const uid = /^Uid:\s+(\d+)/m.exec(status);
        const threads = /^Threads:\s+(\d+)/m.exec(status);
        if (!uid) return null;
        return { pid: Number(name), uid: Number(uid[1]), threads: threads ? Number(threads[1]) : 1 };
      }),
  );
  return found.filter((p): p is ProcessInfo => p !== null);
}

/**
 * SIGKILLs every process running as `uid` until none is left. The sandbox normally leaves nothing behind (its PID
 * namespace dies with it); this is the guarantee for the uid's next run, whose process count starts from zero.
 * Returns how many processes had to be killed.
 */
export async function killProcessesOf(uid: number, timeoutMs = 3000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let killed = 0;
  for (;;) {
    const left = (await listProcesses()).filter((p) => p.uid === uid);
    if (left.length === 0 || Date.now() > deadline) return killed;
    for (const { pid } of left) {
      try {
        process.kill(pid, 'SIGKILL');
        killed++;
      } catch {
        // Already gone.
      }
    }
    await sleep(20);
  }
}

/**
 * Unprivileged uids handed to runs when this process is root: RLIMIT_NPROC counts per uid and is not enforced for
 * uid 0, so each concurrent run gets a uid of its own and its process limit is its alone. A uid still owning a process
 * (another server on this machine using the same range, or a run being cleaned up) is skipped.
 */
export class UidPool {
  private readonly busy = new Set<number>();
  private readonly waiting: (() => void)[] = [];
  private cursor = 0;

  constructor(
    readonly base: number,
    readonly size: number,
  ) {
    if (!Number.isInteger(base) || base <= 0 || !Number.isInteger(size) || size <= 0) {
      throw new RangeError('The uid pool needs a positive base uid and size');
    }
  }

  async acquire(): Promise<number> {
    for (;;) {
      const inUse = new Set((await listProcesses()).map((p) => p.uid));
      for (let i = 0; i < this.size; i++) {
        const uid = this.base + ((this.cursor + i) % this.size);
        if (this.busy.has(uid) || inUse.has(uid)) continue;
        this.busy.add(uid);
        this.cursor = (uid - this.base + 1) % this.size;
        return uid;
      }
      // All taken: wait for a release (or re-scan shortly, in case another server's runs ended).
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          const at = this.waiting.indexOf(done);
          if (at >= 0) this.waiting.splice(at, 1);
          resolve();
        };
        const timer = setTimeout(done, 250);
        this.waiting.push(done);
      });
    }
  }

  release(uid: number): void {
    this.busy.delete(uid);
    this.waiting[0]?.();
  }
}

const pools = new Map<string, UidPool>();

/** One pool per uid range in this process, so two sandboxes configured alike never hand out the same uid. */
export function sharedUidPool(base: number, size: number): UidPool {
  const key = `${base}:${size}`;
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = new UidPool(base, size)));
  return pool;
}
