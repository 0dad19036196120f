import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import type IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { REDIS } from '@mockroom/server-queue';

const AUDIO = 0x01;
const END = 0x02;
/** The process that was sending the utterance is gone (its interview moved to another process): no more will come. */
const ABANDONED = 0x03;
/** The list outlives its utterance long enough for a job retried after a worker died to read it again. */
const TTL_SECONDS = 600;

export type LiveAudioEntry =
  | { audio: Int16Array }
  /**
   * The utterance is `end` samples long; `cut` when it was cut at its maximum length inside a stretch of speech.
   * `endedAt`: when this process learned of the end (its notification, or reading it if that came first), even if the
   * reader was still busy with earlier audio then.
   */
  | { end: number; cut: boolean; endedAt: number };

export interface LiveAudioReadOptions {
  /** How often the list is checked for more audio. */
  pollMs?: number;
  /** Give up when nothing new arrives for this long (the sender went away). */
  idleTimeoutMs?: number;
}

/** The utterance will never end: whoever sent it was replaced (the interview is run by another process now). */
export class LiveAudioAbandonedError extends Error {
  constructor(key: string) {
    super(`the utterance ${key} was abandoned: the interview moved to another process, which hears its audio again`);
    this.name = 'LiveAudioAbandonedError';
  }
}

export class LiveAudioTimeoutError extends Error {
  constructor(key: string, idleMs: number) {
    super(`no audio arrived for ${key} in ${idleMs} ms; the sender stopped before the end of the utterance`);
    this.name = 'LiveAudioTimeoutError';
  }
}

/**
 * The audio of an utterance on its way from the API process that hears it to the worker that transcribes it while it
 * is spoken. One Redis list per utterance; each entry is a tag byte and its body: 0x01 + 16 kHz mono Int16LE samples,
 * or 0x02 + the utterance's exact length in samples (ASCII, then " cut" if it was cut inside speech), which ends it. Appends from one process keep their order
 * (one connection), and the reader starts from the beginning every time, so a retried job hears the same audio.
 * Readers poll for audio; the end is also published, so a reader waiting for it is woken at once.
 */
@Injectable()
export class LiveAudioChannel implements OnApplicationShutdown {
  /** Readers waiting for more audio, woken at once when their utterance ends (the rest of the audio is polled). */
  private readonly waiting = new Map<string, Set<() => void>>();
  /** Utterances read in this process (with how many readers), and when each one's end was announced. */
  private readonly readers = new Map<string, number>();
  private readonly endedAt = new Map<string, number>();
  private subscriber: IORedis | null = null;
  private subscribed: Promise<unknown> | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get endChannel(): string {
    return `${this.config.redis.prefix}:live-audio-ended`;
  }

  /** A fresh key for one utterance of an interview. */
  newKey(interviewId: string): string {
    return `${this.config.redis.prefix}:live-audio:${interviewId}:${randomUUID()}`;
  }

  /** Whether a key names a list of this installation (job payloads are checked before they are read). */
  owns(key: string): boolean {
    return key.startsWith(`${this.config.redis.prefix}:live-audio:`);
  }

  /** The set of an interview's utterance lists, so a process taking it over finds them without scanning Redis. */
  private setOf(key: string): string {
    return key.slice(0, key.lastIndexOf(':'));
  }

  append(key: string, pcm: Int16Array, first = false): Promise<unknown> {
    const entry = audioEntry(pcm);
    if (!first) return this.redis.rpush(key, entry);
    const set = `${this.setOf(key)}:lists`;
    return this.redis.multi().rpush(key, entry).expire(key, TTL_SECONDS).sadd(set, key).expire(set, TTL_SECONDS).exec();
  }

  /**
   * Ends the utterance: it is `samples` long. Audio appended beyond that is not part of it: the pause that ended it,
   * or, when it was `cut` at its maximum length, speech that belongs to the next utterance.
   */
  end(key: string, samples: number, cut = false, rest?: Int16Array): Promise<unknown> {
    // The rest of the audio goes in the same transaction as the end, so a reader never gets the one without the other.
    const multi = this.redis.multi();
    if (rest && rest.length > 0) multi.rpush(key, audioEntry(rest));
    return multi
      .rpush(key, Buffer.concat([Buffer.from([END]), Buffer.from(`${samples}${cut ? ' cut' : ''}`, 'ascii')]))
      .expire(key, TTL_SECONDS)
      .publish(this.endChannel, key)
      .exec();
  }

  /** Every entry from the start, as it arrives, up to and including the end. */
  async *read(key: string, options: LiveAudioReadOptions = {}): AsyncGenerator<LiveAudioEntry> {
    const pollMs = options.pollMs ?? 40;
    const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
    let next = 0;
    let lastArrival = Date.now();
    this.readers.set(key, (this.readers.get(key) ?? 0) + 1);
    try {
      await this.listenForEnds();
      for (;;) {
        const entries = await this.redis.lrangeBuffer(key, next, -1);
        if (entries.length === 0) {
          if (Date.now() - lastArrival > idleTimeoutMs) throw new LiveAudioTimeoutError(key, idleTimeoutMs);
          await this.wait(key, pollMs);
          continue;
        }
        next += entries.length;
        lastArrival = Date.now();
        const readAt = lastArrival;
        for (const entry of entries) {
          if (entry[0] === ABANDONED) throw new LiveAudioAbandonedError(key);
          if (entry[0] === END) {
            const [samples, flag] = entry.subarray(1).toString('ascii').split(' ');
            yield {
              end: Number(samples),
              cut: flag === 'cut',
              endedAt: Math.min(readAt, this.endedAt.get(key) ?? readAt),
            };
            return;
          }
          if (entry[0] !== AUDIO || (entry.length - 1) % 2 !== 0) throw new Error(`malformed entry in ${key}`);
          // Copied out: Int16Array needs an aligned offset, and the entry's buffer may be pooled.
          const body = entry.subarray(1);
          const samples = new Int16Array(body.length / 2);
          Buffer.from(samples.buffer).set(body);
          yield { audio: samples };
        }
      }
    } finally {
      const left = (this.readers.get(key) ?? 1) - 1;
      if (left > 0) this.readers.set(key, left);
      else {
        this.readers.delete(key);
        this.endedAt.delete(key);
      }
    }
  }

  async remove(key: string): Promise<void> {
    await this.redis
      .multi()
      .unlink(key)
      .srem(`${this.setOf(key)}:lists`, key)
      .exec();
  }

  /**
   * Before a process takes up an interview another process was running: utterances that process ended are left to
   * their transcription (waited for, up to `waitMs`, so what it stores is known before the recording is heard again
   * from the last stored segment), and those it was still sending are abandoned, so their jobs stop at once instead of
   * waiting half a minute for audio that will never come (holding a decoder meanwhile). Returns how many of each.
   */
  async settle(interviewId: string, waitMs = 5000): Promise<{ ended: number; abandoned: number }> {
    const keys = await this.redis.smembers(`${this.config.redis.prefix}:live-audio:${interviewId}:lists`);
    const ended: string[] = [];
    let abandoned = 0;
    for (const key of keys) {
      const last = await this.redis.lindexBuffer(key, -1);
      if (last && last[0] === END) ended.push(key);
      else if (last && last[0] !== ABANDONED) {
        await this.redis
          .multi()
          .rpush(key, Buffer.from([ABANDONED]))
          .publish(this.endChannel, key)
          .exec();
        abandoned++;
      }
    }
    // A transcribed utterance's list is removed once its segment is stored.
    const deadline = Date.now() + waitMs;
    while (ended.length && Date.now() < deadline) {
      const left = await Promise.all(ended.map((key) => this.redis.exists(key)));
      if (left.every((n) => n === 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { ended: ended.length, abandoned };
  }

  async onApplicationShutdown(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = null;
    this.subscribed = null;
    await subscriber?.quit().catch(() => undefined);
  }

  /** One subscription per process (a connection of its own), shared by every reader. */
  private listenForEnds(): Promise<unknown> {
    if (!this.subscribed) {
      const subscriber = this.redis.duplicate();
      this.subscriber = subscriber;
      subscriber.on('message', (_channel: string, key: string) => {
        if (this.readers.has(key) && !this.endedAt.has(key)) this.endedAt.set(key, Date.now());
        for (const wake of this.waiting.get(key) ?? []) wake();
      });
      // Without the subscription readers still poll; ending an utterance is only noticed later.
      this.subscribed = subscriber.subscribe(this.endChannel).catch(() => undefined);
    }
    return this.subscribed;
  }

  /** Sleeps up to `ms`, or until the utterance `key` ends. */
  private wait(key: string, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let waiters = this.waiting.get(key);
      if (!waiters) this.waiting.set(key, (waiters = new Set()));
      const wake = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (waiters.size === 0) this.waiting.delete(key);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waiters.add(wake);
    });
  }
}

function audioEntry(pcm: Int16Array): Buffer {
  const entry = Buffer.allocUnsafe(1 + pcm.byteLength);
  entry[0] = AUDIO;
  Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).copy(entry, 1);
  return entry;
}
