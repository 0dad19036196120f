import type IORedis from 'ioredis';

/** Who holds an interview: the process id and the fencing token of its lease. */
export interface LeaseHolder {
  owner: string;
  token: number;
}

/** A lease this process took or already held. */
export interface LeaseResult extends LeaseHolder {
  mine: boolean;
}

// KEYS[1] the lease, KEYS[2] the interview's token counter; ARGV[1] this process, ARGV[2] the lease's life in ms,
// ARGV[3] the highest token the database has seen. A free lease is taken with a token higher than any before it (also
// when Redis lost its counter: the database's floor); a held one is reported (and renewed if ours).
const ACQUIRE = `
local held = redis.call('GET', KEYS[1])
if held then
  if string.sub(held, 1, string.len(ARGV[1]) + 1) == ARGV[1] .. ':' then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
  return held
end
local token = redis.call('INCR', KEYS[2])
if token <= tonumber(ARGV[3]) then
  token = tonumber(ARGV[3]) + 1
  redis.call('SET', KEYS[2], token)
end
local value = ARGV[1] .. ':' .. token
redis.call('SET', KEYS[1], value, 'PX', ARGV[2])
return value
`;

// Renews only the very lease taken (owner and token); 0 when it has expired or another process holds it now.
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

function parse(value: string | null): LeaseHolder | null {
  if (!value) return null;
  const at = value.lastIndexOf(':');
  return { owner: value.slice(0, at), token: Number(value.slice(at + 1)) };
}

/**
 * One owner per live interview across API processes: a lease in Redis that names the process and carries a fencing
 * token, renewed while the owner lives and gone a few seconds after it dies. The token grows with every new holder, so
 * a write stamped with an older token than the newest owner's can be refused (the database keeps the highest token
 * seen with the interview's turn): a process that was paused past its lease cannot overwrite its successor's state.
 */
export class InterviewLeases {
  constructor(
    private readonly redis: IORedis,
    private readonly prefix: string,
    /** This process's id: unique per process start. */
    readonly processId: string,
    readonly ttlMs = 5000,
  ) {
    if (processId.includes(':')) throw new Error('a process id may not contain ":"');
  }

  private key(interviewId: string): string {
    return `${this.prefix}:lease:${interviewId}`;
  }

  private counter(interviewId: string): string {
    return `${this.prefix}:lease-token:${interviewId}`;
  }

  /**
   * Takes the interview's lease when it is free (or ours already); otherwise says who holds it. `floor`: the highest
   * token the interview's writes have carried (kept in the database), so a Redis that lost its data never hands out a
   * token the fence would refuse.
   */
  async acquire(interviewId: string, floor = 0): Promise<LeaseResult> {
    const value = (await this.redis.eval(
      ACQUIRE,
      2,
      this.key(interviewId),
      this.counter(interviewId),
      this.processId,
      this.ttlMs,
      floor,
    )) as string;
    const holder = parse(value)!;
    return { ...holder, mine: holder.owner === this.processId };
  }

  /** Keeps the lease alive; false when it was lost (expired, and maybe taken by another process). */
  async renew(interviewId: string, token: number): Promise<boolean> {
    return (await this.redis.eval(RENEW, 1, this.key(interviewId), `${this.processId}:${token}`, this.ttlMs)) === 1;
  }

  async release(interviewId: string, token: number): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(interviewId), `${this.processId}:${token}`);
  }

  /** Who holds the interview now, if anyone. */
  async holder(interviewId: string): Promise<LeaseHolder | null> {
    return parse(await this.redis.get(this.key(interviewId)));
  }
}
