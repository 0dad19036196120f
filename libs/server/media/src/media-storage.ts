import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, ReadStream, WriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { isUUID } from 'class-validator';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;

/**
 * Files of an interview (candidate audio, synthesised prompts), in one folder per interview under the media root.
 * Paths stored in the database are relative to the root, so the folder can move.
 */
@Injectable()
export class MediaStorage {
  readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = normalize(config.mediaDir);
  }

  /** The relative path of a file of an interview; refuses anything that could leave the interview's folder. */
  relativePath(interviewId: string, name: string): string {
    if (!isUUID(interviewId) || !SAFE_NAME.test(name)) throw new Error(`unsafe media path ${interviewId}/${name}`);
    return join(interviewId, name);
  }

  absolute(relative: string): string {
    const full = normalize(join(this.root, relative));
    if (!full.startsWith(this.root + sep)) throw new Error('media path outside the media folder');
    return full;
  }

  /** Makes sure the folder a file will go in exists; returns the file's absolute path. */
  async prepare(relative: string): Promise<string> {
    const full = this.absolute(relative);
    await mkdir(dirname(full), { recursive: true });
    return full;
  }

  async write(relative: string, data: Buffer): Promise<void> {
    const full = this.absolute(relative);
    await mkdir(dirname(full), { recursive: true });
    const temp = `${full}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, data);
    await rename(temp, full);
  }

  /**
   * A file to append to, resolved once it is open: a failed open (no space, too many open files) rejects instead of
   * emitting an 'error' nobody listens to, which would end the process. Callers listen for later write errors.
   */
  async appendStream(relative: string): Promise<WriteStream> {
    const full = this.absolute(relative);
    await mkdir(dirname(full), { recursive: true });
    const stream = createWriteStream(full, { flags: 'a' });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    return stream;
  }

  async size(relative: string): Promise<number | null> {
    try {
      return (await stat(this.absolute(relative))).size;
    } catch {
      return null;
    }
  }

  /** Cuts a file to its first `bytes` (a write the process did not live to finish is dropped). */
  async truncate(relative: string, bytes: number): Promise<void> {
    await truncate(this.absolute(relative), bytes);
  }

  /** Bytes `start` (inclusive) to `end` (exclusive) of a file, as far as it has them. */
  async readBytes(relative: string, start: number, end: number): Promise<Buffer> {
    const file = await open(this.absolute(relative), 'r');
    try {
      const buffer = Buffer.alloc(Math.max(0, end - start));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, start);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }

  read(relative: string, range?: { start: number; end: number }): ReadStream {
    return createReadStream(this.absolute(relative), range);
  }

  /** Removes one file (gone already is fine). */
  async remove(relative: string): Promise<void> {
    await rm(this.absolute(relative), { force: true, maxRetries: 5, retryDelay: 200 });
  }

  /** Removes every file of an interview. */
  async deleteInterview(interviewId: string): Promise<void> {
    if (!isUUID(interviewId)) throw new Error('not an interview id');
    // A recording still being closed may add a file while the folder is removed: try again a few times.
    await rm(join(this.root, interviewId), { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}
