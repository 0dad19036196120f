import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { REDIS } from '@mockroom/server-queue';
import type IORedis from 'ioredis';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export class TooManyAttemptsException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    what: string,
  ) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `Too many ${what}. Try again in ${formatWait(retryAfterSeconds)}.`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

function formatWait(seconds: number): string {
  return seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** The browser a sign-in comes from: its device cookie when it has signed in to this account before, else its address. */
export interface SignInOrigin {
  email: string;
  ip: string;
  /** The `mr_device` cookie, if any (checked here: a forged or another account's cookie counts as none). */
  deviceCookie: string | null;
}

/** An attempt that was let through: report how it went with `succeeded` or leave it counted as a failure. */
export interface SignInAttempt {
  /** Call once the password was right: gives the attempt back and returns the device cookie to set. */
  succeeded(): Promise<string>;
}

/**
 * Increments an account's failure count unless it must wait: after `free` failures, each try waits twice as long as
 * the one before (1 s, 2 s, 4 s… at most `maxDelay`) since the last failure. Returns 0, or the ms left to wait.
 */
const ACCOUNT_DELAY_SCRIPT = `
local fails = tonumber(redis.call('HGET', KEYS[1], 'f') or '0')
local last = tonumber(redis.call('HGET', KEYS[1], 't') or '0')
local now = tonumber(ARGV[1])
local free = tonumber(ARGV[2])
if fails >= free then
  local delay = math.min(tonumber(ARGV[3]), 1000 * math.pow(2, fails - free))
  if now - last < delay then return delay - (now - last) end
end
redis.call('HSET', KEYS[1], 'f', fails + 1, 't', now)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 0
`;

/**
 * Brute-force protection for sign-in and sign-up, kept in Redis so every API instance shares it. OWASP's scheme with
 * device cookies, so guessing gets nowhere and a guesser cannot lock the owner out:
 *
 * - **account + browser**: 5 failures per 15 minutes lock that pair. The browser is its device cookie (set on a
 *   successful sign-in, signed, bound to the account), else its address.
 * - **account, from anywhere**: after 10 failures, each further try waits twice as long as the last (up to the
 *   window), so guesses spread over many addresses are slowed to a crawl. A browser that has signed in to the account
 *   before is not held by this: the owner can always sign in from their own browser.
 * - **address**: 50 failures per 15 minutes. The address is the client's own only behind a trusted proxy
 *   (TRUST_PROXY); otherwise every user behind one proxy would share it.
 *
 * Every attempt is counted before the password is checked, atomically in Redis, so concurrent guesses cannot slip
 * past a limit; a right password gives its attempt back.
 */
@Injectable()
export class SignInLimiter {
  private readonly perAccountDevice: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;
  private readonly signUps: RateLimiterRedis;
  private readonly accountPrefix: string;
  private readonly free: number;
  private readonly windowMs: number;
  private readonly secret: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {
    const prefix = `${config.redis.prefix}:limit`;
    const {
      signInAttemptsPerAccount,
      signInAttemptsPerIp,
      signInWindowSeconds,
      signUpsPerIpPerHour,
      signInFailuresBeforeDelay,
    } = config.auth;
    this.perAccountDevice = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:sign-in:device`,
      points: signInAttemptsPerAccount,
      duration: signInWindowSeconds,
      blockDuration: signInWindowSeconds,
    });
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:sign-in:ip`,
      points: signInAttemptsPerIp,
      duration: signInWindowSeconds,
      blockDuration: signInWindowSeconds,
    });
    this.signUps = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:sign-up:ip`,
      points: signUpsPerIpPerHour,
      duration: 3600,
    });
    this.accountPrefix = `${prefix}:sign-in:account:`;
    this.free = signInFailuresBeforeDelay;
    this.windowMs = signInWindowSeconds * 1000;
    this.secret = config.secret;
  }

  /**
   * Counts a sign-in attempt before the password is checked; throws 429 (with the wait) when a limit is reached.
   * Unless `succeeded()` is called on the result, the attempt stays counted as a failure.
   */
  async attempt(origin: SignInOrigin): Promise<SignInAttempt> {
    const email = normaliseEmail(origin.email);
    const device = this.verifyDevice(origin.deviceCookie, email);
    const pairKey = device ? `${email}|device:${device}` : `${email}|ip:${origin.ip}`;
    await this.consume(this.perAccountDevice, pairKey);
    await this.consume(this.perIp, origin.ip);
    // The account-wide delay holds strangers back, not a browser the owner signed in with before.
    const accountKey = this.accountPrefix + email;
    if (!device) {
      const waitMs = Number(
        await this.redis.eval(
          ACCOUNT_DELAY_SCRIPT,
          1,
          accountKey,
          Date.now(),
          this.free,
          this.windowMs,
          this.windowMs * 4,
        ),
      );
      if (waitMs > 0)
        throw new TooManyAttemptsException(
          Math.max(1, Math.ceil(waitMs / 1000)),
          'failed sign-in attempts for this account',
        );
    }
    return {
      succeeded: async () => {
        await Promise.all([
          this.perAccountDevice.delete(pairKey),
          this.perIp.reward(origin.ip, 1),
          device ? Promise.resolve() : this.redis.hincrby(accountKey, 'f', -1),
        ]);
        return this.issueDevice(email, device);
      },
    };
  }

  async consumeSignUp(ip: string): Promise<void> {
    await this.consume(this.signUps, ip, 'sign-ups from this address');
  }

  /** A device cookie for this account: the browser's own id (kept when it had one), signed with the server's secret. */
  issueDevice(email: string, existing: string | null = null): string {
    const id = existing ?? randomBytes(16).toString('base64url');
    return `${id}.${this.sign(normaliseEmail(email), id)}`;
  }

  private verifyDevice(cookie: string | null, email: string): string | null {
    if (!cookie || cookie.length > 200) return null;
    const [id, mac] = cookie.split('.');
    if (!id || !mac) return null;
    const expected = Buffer.from(this.sign(email, id));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
  }

  private sign(email: string, id: string): string {
    return createHmac('sha256', this.secret).update(`device|${email}|${id}`).digest('base64url');
  }

  private async consume(limiter: RateLimiterRedis, key: string, what = 'failed sign-in attempts'): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes)
        throw new TooManyAttemptsException(Math.max(1, Math.ceil(error.msBeforeNext / 1000)), what);
      throw error;
    }
  }
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
