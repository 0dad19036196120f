import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { UserRole } from '@mockroom/contracts';
import { QueryFailedError, Repository } from 'typeorm';
import { UserEntity } from '../entities/user.entity';

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  role: UserRole;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ emailNormalized: normalizeEmail(email) });
  }

  /** Creates the account, or returns null when the email is already taken (decided by the unique index, so races cannot create two). */
  async create(user: NewUser): Promise<UserEntity | null> {
    try {
      return await this.users.save(
        this.users.create({ ...user, email: user.email.trim(), emailNormalized: normalizeEmail(user.email) }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Changes an account's role; returns false when there is no such account. */
  async setRole(email: string, role: UserRole): Promise<boolean> {
    const result = await this.users.update({ emailNormalized: normalizeEmail(email) }, { role });
    return (result.affected ?? 0) > 0;
  }
}
