import { AUDIO_SAMPLE_RATE, type Question, type Speaker } from '@mockroom/contracts';
import type { QuestionBank } from '@mockroom/question-bank';
import type { InterviewEntity, InterviewRepository } from '@mockroom/server-database';
import type { MediaStorage } from '@mockroom/server-media';
import type { WriteStream } from 'node:fs';
import type { AudioStream } from './audio-stream';

/** A command the session refuses, with the reason (becomes a socket error). */
export class SessionCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What to tell the room when a recording could not be opened or written. */
export function recordingProblem(error: Error): { code: string; message: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && ['ENOSPC', 'EIO', 'EROFS', 'EDQUOT', 'EFBIG', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE'].includes(code)) {
    return { code: 'recording-failed', message: 'Your audio could not be saved on the server just now; it is tried again, and the transcript goes on.' };
  }
  return { code: 'server-busy', message: 'The server is busy; your answer is kept and will be transcribed in a moment.' };
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
  interviews: InterviewRepository;
  media: MediaStorage;
}

/** The plan's questions from the bank; an interview whose question left the bank cannot run. */
export function planQuestions(bank: QuestionBank, entity: InterviewEntity): Question[] {
  return entity.plan.questionIds.map((id) => {
    const question = bank.get(id);
    if (!question) throw new Error(`question ${id} of interview ${entity.id} is not in the bank`);
    return question;
  });
}

function recordingPath(deps: RecordingDeps, interviewId: string, speaker: Speaker, stream: AudioStream): string {
  return deps.media.relativePath(interviewId, `${speaker}-${stream.streamId}.pcm`);
}

/** Opens a stream's recording file, registered with its offset on the interview's clock. */
export async function openRecording(deps: RecordingDeps, interviewId: string, speaker: Speaker, stream: AudioStream, startMs: number): Promise<WriteStream> {
  const path = recordingPath(deps, interviewId, speaker, stream);
  await deps.interviews.ensureRecording({ interviewId, speaker, streamId: stream.streamId, startMs, sampleRate: AUDIO_SAMPLE_RATE, path });
  return deps.media.appendStream(path);
}

/** Closes a stream and stores its recording's length (as written to the file, to the frame). */
export async function closeRecording(deps: RecordingDeps, interviewId: string, speaker: Speaker, stream: AudioStream): Promise<void> {
  const durationMs = await stream.close();
  if (stream.recordingStart === null) return;
  const path = recordingPath(deps, interviewId, speaker, stream);
  const recording = await deps.interviews.ensureRecording({ interviewId, speaker, streamId: stream.streamId, startMs: stream.recordingStart, sampleRate: AUDIO_SAMPLE_RATE, path });
  const bytes = await deps.media.size(path);
  await deps.interviews.setRecordingDuration(recording.id, bytes === null ? durationMs : Math.round((bytes / 2 / AUDIO_SAMPLE_RATE) * 1000));
}
