import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, MoreThan, Repository } from 'typeorm';
import { AuthSessionEntity } from '../entities/auth-session.entity';

export interface NewAuthSession {
  tokenHash: string;
  userId: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

@Injectable()
export class AuthSessionRepository {
  constructor(@InjectRepository(AuthSessionEntity) private readonly sessions: Repository<AuthSessionEntity>) {}

  async create(session: NewAuthSession): Promise<AuthSessionEntity> {
    return this.sessions.save(this.sessions.create({ ...session, lastSeenAt: new Date() }));
  }

  /** The live session for a token hash, with its user; expired sessions are not found. */
  findLive(tokenHash: string, now = new Date()): Promise<AuthSessionEntity | null> {
    return this.sessions.findOne({ where: { tokenHash, expiresAt: MoreThan(now) }, relations: { user: true } });
  }

  /** Of these session ids, the ones still live (not signed out, not expired). */
  async live(ids: string[], now = new Date()): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.sessions.find({ select: { id: true }, where: { id: In(ids), expiresAt: MoreThan(now) } });
    return new Set(rows.map((r) => r.id));
  }

  async extend(id: string, expiresAt: Date, now = new Date()): Promise<void> {
    await this.sessions.update({ id }, { expiresAt, lastSeenAt: now });
  }

  async delete(id: string): Promise<void> {
    await this.sessions.delete({ id });
  }

  /** Removes sessions that expired before `before`; returns how many. */
  async deleteExpired(before = new Date()): Promise<number> {
    const result = await this.sessions.delete({ expiresAt: LessThan(before) });
    return result.affected ?? 0;
  }
}
