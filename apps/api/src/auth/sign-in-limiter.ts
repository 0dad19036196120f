import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { REDIS } from '@mockroom/server-queue';
import type IORedis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export class TooManyAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number, what: string) {
    super(
      { statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'Too Many Requests', message: `Too many ${what}. Try again in ${formatWait(retryAfterSeconds)}.` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

function formatWait(seconds: number): string {
  return seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
}

/**
 * Brute-force protection for sign-in and sign-up, kept in Redis so every API instance shares it.
 * Failed sign-ins count per account (email + IP) and per IP; a success clears the account's count.
 */
@Injectable()
export class SignInLimiter {
  private readonly perAccount: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;
  private readonly signUps: RateLimiterRedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: IORedis) {
    const prefix = `${config.redis.prefix}:limit`;
    const { signInAttemptsPerAccount, signInAttemptsPerIp, signInWindowSeconds, signUpsPerIpPerHour } = config.auth;
    this.perAccount = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:sign-in:account`, points: signInAttemptsPerAccount, duration: signInWindowSeconds, blockDuration: signInWindowSeconds });
    this.perIp = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:sign-in:ip`, points: signInAttemptsPerIp, duration: signInWindowSeconds, blockDuration: signInWindowSeconds });
    this.signUps = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:sign-up:ip`, points: signUpsPerIpPerHour, duration: 3600 });
  }

  /** Throws 429 when this account or IP is locked out. */
  async assertSignInAllowed(email: string, ip: string): Promise<void> {
    const [account, byIp] = await Promise.all([this.perAccount.get(this.accountKey(email, ip)), this.perIp.get(ip)]);
    for (const [res, limiter] of [[account, this.perAccount], [byIp, this.perIp]] as const) {
      if (res && res.consumedPoints >= limiter.points) throw new TooManyAttemptsException(Math.max(1, Math.ceil(res.msBeforeNext / 1000)), 'failed sign-in attempts');
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(this.accountKey(email, ip)), this.perIp.penalty(ip)]);
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.perAccount.delete(this.accountKey(email, ip));
  }

  async consumeSignUp(ip: string): Promise<void> {
    try {
      await this.signUps.consume(ip);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new TooManyAttemptsException(Math.ceil(error.msBeforeNext / 1000), 'sign-ups from this address');
      throw error;
    }
  }

  private accountKey(email: string, ip: string): string {
    return `${email.trim().toLowerCase()}|${ip}`;
  }
}
