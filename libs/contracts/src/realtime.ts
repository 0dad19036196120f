import type { CodeDocView, CodePoint, CodeRunView, CodeSync } from './coding';
import type {
  ConsoleState,
  InterviewerNote,
  InterviewerScore,
  NoteCommand,
  Participant,
  QuestionChecklist,
  RelayedAudio,
  RubricOverrideCommand,
  ScoreCommand,
  ShowPromptCommand,
} from './human';
import type {
  AnswerResult,
  AudioStreamAccepted,
  AudioStreamStart,
  CandidateListening,
  InterviewSnapshot,
  PartialTranscript,
  Prompt,
  TranscriptSegment,
  TurnState,
  VoiceActivity,
} from './interview';

/** Socket.IO namespace for live sessions. */
export const LIVE_NAMESPACE = '/live';

/** Socket.IO room of one interview. */
export const interviewRoom = (interviewId: string) => `interview:${interviewId}`;
/** The interviewer's own sockets of a human session: rubric, scores and notes go here and nowhere else. */
export const interviewerRoom = (interviewId: string) => `interview:${interviewId}:interviewer`;

export interface SocketError {
  /** Machine-readable reason, e.g. "unauthorized", "bad-frame", "not-your-session", "session-ended". */
  code: string;
  message: string;
  /** The event that caused it, when there was one. */
  event?: string;
}

export type Ack<T> = (reply: T | { error: SocketError }) => void;

/** A final transcript segment as pushed live. */
export interface LiveTranscriptSegment extends TranscriptSegment {
  /**
   * The speech engine's own time for this segment in ms (waiting for a free decoder included), so that the latency
   * the candidate sees can be split into engine time and the time of the pipeline around it. Absent when unknown.
   */
  engineMs?: number;
  /** Transcribed while it was spoken (only the end was left to decode when it ended). */
  streamed?: boolean;
}

/** The interviewer's voice for one prompt as raw audio, for the media agent to speak into a LiveKit room. */
export interface PromptVoice {
  seq: number;
  sampleRate: number;
  /** Mono Int16LE samples. */
  pcm: ArrayBuffer | Uint8Array;
}

export interface ServerToClientEvents {
  error: (error: SocketError) => void;
  'interview:state': (state: TurnState) => void;
  prompt: (prompt: Prompt) => void;
  'prompt:audio': (audio: { seq: number; audioUrl: string; audioDurationMs: number }) => void;
  /**
   * What stopped the interviewer was only a backchannel: the prompt goes on from the start of the sentence it was
   * stopped in (`fromMs` into its audio, `fromChar` into its spoken text: the lead, a space, then the text).
   */
  'prompt:resume': (resume: { seq: number; fromMs: number; fromChar: number }) => void;
  /**
   * The candidate went on after the interviewer had begun this prompt (the pause was a breath, not the end): the prompt
   * is taken back (stop its voice, drop it from the transcript) and answer `answerId` is open again.
   */
  'prompt:withdrawn': (withdrawn: { seq: number; answerId: string }) => void;
  'transcript:segment': (segment: LiveTranscriptSegment) => void;
  /** Words of a segment while it is spoken; the segment's final text follows as `transcript:segment`. */
  'transcript:partial': (partial: PartialTranscript) => void;
  'voice:activity': (activity: VoiceActivity) => void;
  'audio:ack': (ack: { streamId: string; seq: number }) => void;
  'answer:assessed': (result: AnswerResult) => void;
  'interview:completed': (snapshot: InterviewSnapshot) => void;
  /** The interview ended with nothing said or typed by the candidate, so it was not kept (AI interviews). */
  'interview:discarded': (info: { interviewId: string; message: string }) => void;
  /** Human sessions: who is in the session now. */
  presence: (participants: Participant[]) => void;
  /** Human sessions: the other participant's audio (built-in transport). */
  'audio:relay': (audio: RelayedAudio) => void;
  /** Human sessions, interviewer only: the whole console state (on join) and the checklist as points tick. */
  'console:state': (state: ConsoleState) => void;
  'checklist:update': (checklist: QuestionChecklist) => void;
  /** Human sessions, interviewer only: whether the candidate seems done or still thinking, after each thing they say. */
  'candidate:listening': (signal: CandidateListening) => void;
  /** A code run was queued, started or finished (everyone in the interview sees it). */
  'code:run': (run: CodeRunView) => void;
  /** Human sessions, interviewer only: an edit of the candidate's editor (or, with a new epoch, the whole document). */
  'code:sync': (sync: CodeSync) => void;
  /** Human sessions: the interviewer points at a line of the code (both see it). */
  'code:point': (point: CodePoint) => void;
}

export interface ClientToServerEvents {
  whoami: (ack: (reply: { userId: string; role: string }) => void) => void;
  /** Join an interview's room; replies with everything so far (also used to resume after a reload). */
  'interview:join': (interviewId: string, ack: Ack<InterviewSnapshot>) => void;
  /** Begin a created interview: the interviewer asks the first question. */
  'interview:start': (ack: Ack<TurnState>) => void;
  /** Start or resume the candidate's audio stream. */
  'audio:start': (stream: AudioStreamStart, ack: Ack<AudioStreamAccepted>) => void;
  /**
   * This participant's microphone now reaches the interview through the LiveKit room (the media agent's stream) or
   * over this socket again; audio of the other way is not taken meanwhile, so nothing is heard twice. An `audio:start`
   * of this socket means `socket` too.
   */
  'audio:route': (route: 'room' | 'socket', ack?: Ack<{ route: 'room' | 'socket' }>) => void;
  /** One 20 ms frame: `seq` counts frames from 0 within the stream; `pcm` is 640 bytes of 16 kHz Int16LE. */
  'audio:frame': (seq: number, pcm: ArrayBuffer | Uint8Array) => void;
  /** The candidate says the answer is finished. */
  'answer:done': () => void;
  /** The candidate types the answer instead of saying it: stored as its transcript, and the answer ends. */
  'answer:text': (text: string, ack: Ack<TranscriptSegment>) => void;
  /** The media agent (LiveKit): the interviewer's voice for a prompt, to publish in the room. */
  'agent:prompt-voice': (seq: number, ack: Ack<PromptVoice>) => void;
  /** The prompt's audio finished playing (listening timers start from here). */
  'prompt:played': (seq: number) => void;
  /**
   * The candidate spoke over the interviewer, who stopped, `atMs` into the prompt's audio (or speech). Should what they
   * said turn out to be only a backchannel ("mm-hmm", "okay"), the interviewer takes the prompt up again from there.
   */
  'prompt:interrupted': (seq: number, atMs?: number) => void;
  /** Finish the interview now. */
  'interview:end': (ack: Ack<InterviewSnapshot>) => void;
  /** Human sessions, interviewer only: show the next question or a follow-up on the candidate's screen. */
  'console:show': (command: ShowPromptCommand, ack: Ack<Prompt>) => void;
  /** Human sessions, interviewer only: tick or untick a rubric point by hand (null: follow the engine). */
  'console:rubric': (command: RubricOverrideCommand, ack: Ack<QuestionChecklist>) => void;
  /** Human sessions, interviewer only: the four scores of a question (replaces earlier ones). */
  'console:score': (command: ScoreCommand, ack: Ack<InterviewerScore>) => void;
  /** Human sessions, interviewer only: a private or shared note. */
  'console:note': (command: NoteCommand, ack: Ack<InterviewerNote>) => void;
  /** A question's editor as a shared document, whole (on opening it, and to load it again after a refused edit). */
  'code:state': (questionId: string, ack: Ack<CodeDocView>) => void;
  /** The candidate's edit of a question's editor; refused edits (`stale-doc`, `malformed`, `too-large`) mean: load it again. */
  'code:sync': (sync: CodeSync, ack?: Ack<{ atMs: number }>) => void;
  /** Human sessions, interviewer only: point at a line of the candidate's code. */
  'code:point': (point: CodePoint, ack?: Ack<CodePoint>) => void;
}
