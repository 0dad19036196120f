import {
  AUDIO_FRAME_MS,
  AUDIO_FRAME_SAMPLES,
  AUDIO_SAMPLE_RATE,
  type Question,
  type Speaker,
  type TurnState,
} from '@mockroom/contracts';
import type { QuestionBank } from '@mockroom/question-bank';
import { resolvePlanQuestion } from '@mockroom/server-interviews';
import type { InterviewEntity, InterviewRepository } from '@mockroom/server-database';
import type { MediaStorage } from '@mockroom/server-media';
import { finalContour } from '@mockroom/speech';
import type { WriteStream } from 'node:fs';
import type { AudioStream, RecordedPosition } from './audio-stream';

export { SessionCommandError } from './session-command-error';

/**
 * This process's lease on a live interview (see InterviewLeases): its fencing token goes with every write of the turn,
 * and a write the database refuses means another process owns the interview now.
 */
export interface RuntimeLease {
  readonly token: number;
  /** Called once a write was refused: the runtime must stop, the process hands the interview's sockets on. */
  lost(): void;
}

/** A write of the turn refused because a newer owner has written it: this runtime stops here. */
export class LeaseLostError extends Error {
  constructor(interviewId: string) {
    super(`interview ${interviewId} is owned by another process now`);
    this.name = 'LeaseLostError';
  }
}

/** Saves the turn under the runtime's lease; a refused write stops the runtime (it throws, after telling the host). */
export async function saveTurnFenced(
  deps: { interviews: Pick<InterviewRepository, 'saveTurn'>; lease: RuntimeLease },
  interviewId: string,
  turn: TurnState,
): Promise<void> {
  if (await deps.interviews.saveTurn(interviewId, turn, deps.lease.token)) return;
  deps.lease.lost();
  throw new LeaseLostError(interviewId);
}

/** What to tell the room when a recording could not be opened or written. */
export function recordingProblem(error: Error): { code: string; message: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && ['ENOSPC', 'EIO', 'EROFS', 'EDQUOT', 'EFBIG', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE'].includes(code)) {
    return {
      code: 'recording-failed',
      message: 'Your audio could not be saved on the server just now; it is tried again, and the transcript goes on.',
    };
  }
  return {
    code: 'server-busy',
    message: 'The server is busy; your answer is kept and will be transcribed in a moment.',
  };
}

/** How much audio an interview has recorded so far (all its streams), from the stored recordings. */
export async function recordedMs(deps: RecordingDeps, interviewId: string): Promise<number> {
  const recordings = await deps.interviews.listRecordings(interviewId);
  let total = 0;
  for (const recording of recordings) {
    const bytes = await deps.media.size(recording.path);
    total += Math.max(recording.durationMs, bytes === null ? 0 : Math.floor(bytes / 32));
  }
  return total;
}

/** What both runtimes (AI interview, human session) need to keep recordings. */
export interface RecordingDeps {
  interviews: Pick<
    InterviewRepository,
    'listRecordings' | 'findRecording' | 'ensureRecording' | 'setRecordingDuration' | 'listSegments'
  >;
  media: Pick<MediaStorage, 'relativePath' | 'appendStream' | 'size' | 'truncate' | 'readBytes'>;
}

/** The plan's questions (from the bank, or made from the résumé); one that left the bank stops the interview. */
export function planQuestions(bank: QuestionBank, entity: InterviewEntity): Question[] {
  return entity.plan.questionIds.map((id) => {
    const question = resolvePlanQuestion(bank, entity.plan, id);
    if (!question) throw new Error(`question ${id} of interview ${entity.id} is not in the bank`);
    return question;
  });
}

function recordingPath(
  deps: RecordingDeps,
  interviewId: string,
  speaker: Speaker,
  stream: Pick<AudioStream, 'streamId'>,
): string {
  return deps.media.relativePath(interviewId, `${speaker}-${stream.streamId}.pcm`);
}

/** Where a speaker's stored transcript ends on the interview's clock (audio after it has not been transcribed). */
export async function transcribedToMs(deps: RecordingDeps, interviewId: string, speaker: Speaker): Promise<number> {
  const segments = await deps.interviews.listSegments(interviewId);
  return segments.reduce((end, s) => (s.speaker === speaker ? Math.max(end, s.endMs) : end), 0);
}

/**
 * How a segment's speech ended (the voice fell, or stayed level or rose), for the reading of the pause after it; null
 * when too little of its end is voiced to tell.
 */
export function segmentEndContour(segment: {
  pcm: Int16Array;
  startMs: number;
  speechEndMs: number;
}): { falling: boolean } | null {
  const contour = finalContour(segment.pcm, {
    speechEnd: Math.round((segment.speechEndMs - segment.startMs) * (AUDIO_SAMPLE_RATE / 1000)),
  });
  return contour && { falling: contour.falling };
}

/** Audio before a resumed stream's end that is read again for an utterance the restart cut (at most this much). */
const REPLAY_MAX_MS = 10_000;
const FRAME_BYTES = AUDIO_FRAME_SAMPLES * 2;

/**
 * Where a stream the server was recording before it restarted had got to, from its recording: the frame it started
 * with, where that lies on the clock, and how many whole frames reached the disk (a frame half written when the
 * process died is cut off, and sent again by the client). With it, the recorded audio after the end of the speaker's last
 * stored segment, for the endpointer to hear again. Null for a stream never recorded here.
 */
export async function recordedPosition(
  deps: RecordingDeps,
  interviewId: string,
  speaker: Speaker,
  streamId: string,
): Promise<{ position: RecordedPosition; recent: Int16Array } | null> {
  const recording = await deps.interviews.findRecording(interviewId, speaker, streamId);
  if (!recording || recording.firstSeq === null) return null;
  const bytes = (await deps.media.size(recording.path)) ?? 0;
  const frames = Math.floor(bytes / FRAME_BYTES);
  if (bytes !== frames * FRAME_BYTES) await deps.media.truncate(recording.path, frames * FRAME_BYTES);
  const endMs = recording.startMs + frames * AUDIO_FRAME_MS;
  const fromMs = Math.max(recording.startMs, await transcribedToMs(deps, interviewId, speaker), endMs - REPLAY_MAX_MS);
  const fromFrame = Math.min(frames, Math.ceil((fromMs - recording.startMs) / AUDIO_FRAME_MS));
  const raw =
    fromFrame < frames
      ? await deps.media.readBytes(recording.path, fromFrame * FRAME_BYTES, frames * FRAME_BYTES)
      : Buffer.alloc(0);
  const recent = new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
  return { position: { firstSeq: recording.firstSeq, startMs: recording.startMs, frames }, recent };
}

/** Opens a stream's recording file, registered with its offset on the interview's clock. */
export async function openRecording(
  deps: RecordingDeps,
  interviewId: string,
  speaker: Speaker,
  stream: AudioStream,
  startMs: number,
): Promise<WriteStream> {
  const path = recordingPath(deps, interviewId, speaker, stream);
  await deps.interviews.ensureRecording({
    interviewId,
    speaker,
    streamId: stream.streamId,
    startMs,
    firstSeq: stream.recordingFirst,
    sampleRate: AUDIO_SAMPLE_RATE,
    path,
  });
  return deps.media.appendStream(path);
}

/** Closes a stream and stores its recording's length (as written to the file, to the frame). */
export async function closeRecording(
  deps: RecordingDeps,
  interviewId: string,
  speaker: Speaker,
  stream: AudioStream,
): Promise<void> {
  const durationMs = await stream.close();
  if (stream.recordingStart === null) return;
  const path = recordingPath(deps, interviewId, speaker, stream);
  const recording = await deps.interviews.ensureRecording({
    interviewId,
    speaker,
    streamId: stream.streamId,
    startMs: stream.recordingStart,
    firstSeq: stream.recordingFirst,
    sampleRate: AUDIO_SAMPLE_RATE,
    path,
  });
  const bytes = await deps.media.size(path);
  await deps.interviews.setRecordingDuration(
    recording.id,
    bytes === null ? durationMs : Math.round((bytes / 2 / AUDIO_SAMPLE_RATE) * 1000),
  );
}
