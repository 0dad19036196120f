import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@mockroom/server-config';
import type { RecordingEntity, TranscriptSegmentEntity } from '@mockroom/server-database';
import { MediaStorage } from '@mockroom/server-media';
import type { Speaker } from '@mockroom/contracts';
import type { LiveUplink } from './audio-stream';
import type { ParticipantStreamsDeps } from './participant-streams';
import type { RecordingDeps } from './runtime-support';

/**
 * Typed fakes of what the live core depends on, for unit tests of its parts: the recordings' table in memory, the
 * live-audio channel as a log, and the real media storage in a folder of its own. Each implements exactly the slice of
 * the real collaborator the core uses, so a change to that slice breaks these at compile time, not at run time.
 */

type RecordingsSlice = RecordingDeps['interviews'];
type LiveAudioSlice = Pick<ParticipantStreamsDeps['liveAudio'], keyof LiveUplink['channel']>;

/** The recordings and transcript segments of interviews, in memory. */
export class FakeRecordings implements RecordingsSlice {
  readonly rows: RecordingEntity[] = [];
  readonly segments: TranscriptSegmentEntity[] = [];

  async listRecordings(interviewId: string): Promise<RecordingEntity[]> {
    return this.rows.filter((r) => r.interviewId === interviewId);
  }

  async findRecording(interviewId: string, speaker: Speaker, streamId: string): Promise<RecordingEntity | null> {
    return (
      this.rows.find((r) => r.interviewId === interviewId && r.speaker === speaker && r.streamId === streamId) ?? null
    );
  }

  async ensureRecording(recording: Omit<RecordingEntity, 'id' | 'createdAt' | 'durationMs'>): Promise<RecordingEntity> {
    const found = await this.findRecording(recording.interviewId, recording.speaker, recording.streamId);
    if (found) return found;
    const row = { ...recording, id: randomUUID(), createdAt: new Date(), durationMs: 0 } as RecordingEntity;
    this.rows.push(row);
    return row;
  }

  async setRecordingDuration(id: string, durationMs: number): Promise<void> {
    const row = this.rows.find((r) => r.id === id);
    if (row) row.durationMs = durationMs;
  }

  async listSegments(interviewId: string): Promise<TranscriptSegmentEntity[]> {
    return this.segments.filter((s) => s.interviewId === interviewId);
  }
}

type LiveCall =
  | { op: 'append'; key: string; samples: Int16Array; first: boolean }
  | { op: 'end'; key: string; total: number; cut: boolean; rest?: Int16Array };

/** The live-audio channel as the audio path uses it: keys, appends and ends, logged in order. */
export class FakeLiveAudio implements LiveAudioSlice {
  readonly calls: LiveCall[] = [];
  private next = 0;

  newKey(interviewId: string): string {
    return `${interviewId}:live:${this.next++}`;
  }

  async append(key: string, pcm: Int16Array, first = false): Promise<unknown> {
    this.calls.push({ op: 'append', key, samples: pcm.slice(), first });
    return undefined;
  }

  async end(key: string, samples: number, cut = false, rest?: Int16Array): Promise<unknown> {
    this.calls.push({ op: 'end', key, total: samples, cut, rest: rest?.slice() });
    return undefined;
  }

  /** The audio a worker would read under `key`: what was sent, up to the length its end gives. */
  audioOf(key: string): Int16Array {
    const parts: Int16Array[] = [];
    let total = Number.POSITIVE_INFINITY;
    for (const call of this.calls) {
      if (call.key !== key) continue;
      if (call.op === 'append') parts.push(call.samples);
      else {
        if (call.rest) parts.push(call.rest);
        total = call.total;
      }
    }
    const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out.subarray(0, Math.min(total, out.length));
  }
}

/** Everything `ParticipantStreams` needs, with the default audio limits; `dispose` removes the media folder. */
export function fakeStreamsDeps(): ParticipantStreamsDeps & {
  interviews: FakeRecordings;
  liveAudio: FakeLiveAudio;
  media: MediaStorage;
  dispose: () => void;
} {
  const mediaDir = mkdtempSync(join(tmpdir(), 'mockroom-core-'));
  // The product's defaults for everything the core reads; the services' addresses are never dialled here.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    REDIS_URL: 'redis://127.0.0.1:1',
    MOCKROOM_MEDIA_DIR: mediaDir,
    MOCKROOM_SECRET: process.env.MOCKROOM_SECRET ?? randomBytes(32).toString('hex'),
  });
  return {
    config,
    interviews: new FakeRecordings(),
    liveAudio: new FakeLiveAudio(),
    media: new MediaStorage(config),
    dispose: () => rmSync(mediaDir, { recursive: true, force: true }),
  };
}
