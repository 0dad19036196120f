import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface MachineTicks {
  busy: number;
  total: number;
  /** The ticks of this process's tree (see processTreeTicks). */
  own: number;
}

/** Clock ticks the whole machine has been busy and in all (from /proc/stat), and those of this process's tree; zeros where there is no /proc. */
export function machineTicks(): MachineTicks {
  try {
    const values = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = values.reduce((s, v) => s + v, 0);
    return { busy: total - values[3] - values[4], total, own: processTreeTicks(process.pid) };
  } catch {
    return { busy: 0, total: 0, own: 0 };
  }
}

/** CPU use of the whole machine between two readings, in % of one core (so up to 100 × cores). */
export function machineCpuPercent(before: MachineTicks, after: MachineTicks): number {
  return after.total > before.total
    ? ((after.busy - before.busy) / (after.total - before.total)) * 100 * cpus().length
    : NaN;
}

/**
 * CPU use between two readings by everything but this process's tree, in % of one core: PostgreSQL and Redis (some of it
 * on our behalf) and whatever else runs on the machine. Large values mean the figures were taken on a busy machine.
 */
export function otherCpuPercent(before: MachineTicks, after: MachineTicks): number {
  if (after.total <= before.total) return NaN;
  // /proc/stat's first line sums all cores, as process times do: both are CPU time in the same ticks.
  const other = after.busy - before.busy - (after.own - before.own);
  return Math.max(0, (other / (after.total - before.total)) * 100 * cpus().length);
}

/**
 * Clock ticks used by a process and everything below it (its children's own, and what finished children left in their
 * parents' accounts), from /proc; 0 where there is none.
 */
export function processTreeTicks(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): state ppid … utime stime cutime cstime.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      stats.set(Number(pid), {
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
      });
    } catch {
      // Gone meanwhile.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid, hops = 0; at && hops < 64; at = stats.get(at)?.ppid, hops++)
      if (at === rootPid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.ticks;
  return ticks;
}
