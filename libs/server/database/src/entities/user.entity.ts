import type { UserRole } from '@mockroom/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As the person typed it (trimmed). */
  @Column({ type: 'text' })
  email: string;

  /** Lower-cased: the unique key, so "Ann@x.io" and "ann@x.io" are one account. */
  @Column({ name: 'email_normalized', type: 'text', unique: true })
  emailNormalized: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: UserRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
