import { ConflictException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { SignInRequest, SignUpRequest, User } from '@mockroom/contracts';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { AuthSessionRepository, UserEntity, UserRepository } from '@mockroom/server-database';
import { createHash, randomBytes } from 'node:crypto';
import { PasswordHasher } from './password-hasher';
import { SignInLimiter } from './sign-in-limiter';

export interface ClientMeta {
  ip: string;
  userAgent: string | null;
  /** The browser's device cookie (see SignInLimiter), if it has one. */
  deviceCookie?: string | null;
}

export interface IssuedSession {
  user: User;
  /** The raw token for the cookie; only its hash is stored. */
  token: string;
  expiresAt: Date;
  /** The device cookie to set: this browser has signed in to this account. */
  deviceCookie: string;
}

export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    email: entity.email,
    displayName: entity.displayName,
    role: entity.role,
    createdAt: entity.createdAt.toISOString(),
  };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly sessions: AuthSessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: SignInLimiter,
  ) {}

  private readonly endedListeners = new Set<(sessionId: string) => void>();

  async signUp(request: SignUpRequest, meta: ClientMeta): Promise<IssuedSession> {
    await this.limiter.consumeSignUp(meta.ip);
    const passwordHash = await this.hasher.hash(request.password);
    const user = await this.users.create({
      email: request.email,
      passwordHash,
      displayName: request.displayName.trim(),
      role: request.role ?? 'candidate',
    });
    if (!user) throw new ConflictException('An account with this email already exists. Sign in instead.');
    return { ...(await this.issue(user, meta)), deviceCookie: this.limiter.issueDevice(user.email) };
  }

  async signIn(request: SignInRequest, meta: ClientMeta): Promise<IssuedSession> {
    // Counted before the password is checked, so concurrent guesses cannot get past the limits.
    const attempt = await this.limiter.attempt({
      email: request.email,
      ip: meta.ip,
      deviceCookie: meta.deviceCookie ?? null,
    });
    const user = await this.users.findByEmail(request.email);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, request.password);
    if (!user || !ok) throw new UnauthorizedException('Wrong email or password.');
    const deviceCookie = await attempt.succeeded();
    return { ...(await this.issue(user, meta)), deviceCookie };
  }

  async signOut(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
    for (const listener of this.endedListeners) listener(sessionId);
  }

  /** Called with the id of each session signed out here (the live socket closes that session's connections). */
  onSessionEnded(listener: (sessionId: string) => void): void {
    this.endedListeners.add(listener);
  }

  /** Of these session ids, the ones still live. */
  liveSessions(ids: string[]): Promise<Set<string>> {
    return this.sessions.live(ids);
  }

  /** The user behind a session token, or null; extends the session when more than half its life has passed. */
  async resolve(token: string): Promise<{ user: User; sessionId: string } | null> {
    if (!token || token.length > 200) return null;
    const session = await this.sessions.findLive(hashToken(token));
    if (!session?.user) return null;
    const ttlMs = this.ttlMs();
    if (session.expiresAt.getTime() - Date.now() < ttlMs / 2) {
      await this.sessions.extend(session.id, new Date(Date.now() + ttlMs));
    }
    return { user: toUser(session.user), sessionId: session.id };
  }

  ttlMs(): number {
    return this.config.auth.sessionTtlHours * 3600 * 1000;
  }

  private async issue(user: UserEntity, meta: ClientMeta): Promise<Omit<IssuedSession, 'deviceCookie'>> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.ttlMs());
    await this.sessions.create({
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    });
    return { user: toUser(user), token, expiresAt };
  }
}
