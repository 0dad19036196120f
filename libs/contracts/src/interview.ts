import type { Category, Level, Role } from './question-bank';

/** Audio on the direct transport: 16 kHz mono signed 16-bit little-endian PCM in 20 ms frames. */
export const AUDIO_SAMPLE_RATE = 16_000;
export const AUDIO_FRAME_MS = 20;
export const AUDIO_FRAME_SAMPLES = (AUDIO_SAMPLE_RATE * AUDIO_FRAME_MS) / 1000; // 320
export const AUDIO_FRAME_BYTES = AUDIO_FRAME_SAMPLES * 2; // 640

export const INTERVIEW_STATUSES = ['created', 'live', 'completed', 'abandoned'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export type InterviewerKind = 'ai' | 'human';
export type Speaker = 'candidate' | 'interviewer';

/** What the interviewer is saying: a question, a follow-up, or a reply to the candidate's request. */
export const PROMPT_KINDS = [
  'intro',
  'question',
  'follow-up',
  'repeat',
  'clarification',
  'skip',
  'closing',
  'nudge',
  'interjection',
] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

/** Where the interviewer's voice comes from: synthesised on the server (audio files) or by the browser. */
export type VoiceSource = 'server' | 'browser';

export const FOLLOW_UPS_MAX = 3;
export const ANSWER_SILENCE_MIN_MS = 1_500;
export const ANSWER_SILENCE_MAX_MS = 30_000;
export const ANSWER_SILENCE_DEFAULT_MS = 5_000;
export const QUESTION_COUNT_MAX = 12;

export interface CreateInterviewRequest {
  /** Start from a track; or give role and level (and optionally count and categories) to have questions picked. */
  trackId?: string;
  role?: Role;
  level?: Level;
  questionCount?: number;
  categories?: Category[];
  /** Explicit questions, in order (overrides the track's and the picked ones). */
  questionIds?: string[];
  /** Follow-ups the interviewer may ask per question (0–3, default 1). */
  maxFollowUps?: number;
  /** Silence that ends an answer, in ms (default 5000). */
  answerSilenceMs?: number;
  voice?: VoiceSource;
  /** Tailor the interview: questions that probe this résumé's claims (the candidate's own résumé). */
  resumeId?: string;
  /** Tailor the interview: bank questions chosen for this job description (the candidate's own). */
  jobDescriptionId?: string;
  /** How many of the questions probe the résumé's claims (default: about a third, at least one). */
  claimQuestionCount?: number;
}

export interface InterviewPlan {
  role: Role;
  level: Level;
  trackId: string | null;
  title: string;
  questionIds: string[];
  maxFollowUps: number;
  answerSilenceMs: number;
  voice: VoiceSource;
  /**
   * The candidate chose these questions themselves (by hand or as a public track) for their own AI interview, so the
   * whole list is theirs to see while it runs. Otherwise (questions drawn for them, or a human session's plan) the
   * candidate's view names only the questions already asked.
   */
  chosenByCandidate?: boolean;
  /** A tailored interview: its claim questions (ids `claim-…` in `questionIds`) and why each bank question was chosen. */
  tailoring?: InterviewTailoring;
}

/** What a tailored interview asks beyond the bank, and why. */
export interface InterviewTailoring {
  /** The questions made from the résumé's claims, each with the claim it probes. */
  claims: TailoredClaimQuestion[];
  /** Bank question id → why the job description called for it. */
  reasons: Record<string, string[]>;
  /** The posting's title, and the résumé's file name, as they were when the interview was made. */
  jobTitle: string | null;
  resumeName: string | null;
  /** Phrased by the language model, or from templates (and why: not configured, not agreed, or it failed). */
  phrasing: { by: 'templates' | 'llm'; note: string | null };
}

export interface TailoredClaimQuestion {
  /** The question's id in the plan: `claim-<claim id>`. */
  questionId: string;
  claim: { id: string; text: string; metric: string | null; organisation: string | null; kind: string };
  text: string;
  followUps: string[];
  rubric: { id: string; text: string }[];
  keyTerms: string[];
}

export interface InterviewSummary {
  id: string;
  status: InterviewStatus;
  title: string;
  trackId: string | null;
  role: Role;
  level: Level;
  /** `id` is the human interviewer's account (null for the AI). */
  interviewer: { kind: InterviewerKind; name: string; id: string | null };
  /**
   * Null for a human session nobody has joined yet. `removed`: the candidate took the session out of their history
   * and deleted their recording (the interviewer keeps the rest).
   */
  candidate: { id: string; name: string; removed?: boolean } | null;
  questionCount: number;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  /** Time from start to end (or to now when live), in ms. */
  durationMs: number | null;
  /** Mean of the answers' overall scores (0–10), once answers are assessed. */
  overallScore: number | null;
}

export interface Prompt {
  /** Position in the interview's transcript (shared with candidate segments). */
  seq: number;
  kind: PromptKind;
  questionId: string | null;
  /** 0-based index of the question in the plan this prompt belongs to. */
  questionIndex: number;
  text: string;
  /** Said before the text, and shown apart from it: a greeting with the plan, "No problem, let's move on.". */
  lead?: string | null;
  /** Offset from the interview's start, in ms. */
  atMs: number;
  /** The synthesised voice, when the server speaks (null until it is ready, and for browser voices). */
  audioUrl: string | null;
  audioDurationMs: number | null;
}

export interface TranscriptSegment {
  seq: number;
  speaker: Speaker;
  text: string;
  /** Offsets from the interview's start, in ms. */
  startMs: number;
  endMs: number;
  questionId: string | null;
  /** The answer this segment belongs to (candidate segments). */
  answerId: string | null;
  /** Engine that produced the text, e.g. "pocketsphinx". */
  engine: string | null;
}

/**
 * The words recognised so far of a segment still being spoken (the recogniser's partial hypothesis). Each one
 * replaces the one before for the same `seq`; the final `transcript:segment` of that `seq` replaces it for good.
 */
export interface PartialTranscript {
  seq: number;
  speaker: Speaker;
  answerId: string | null;
  questionId: string | null;
  startMs: number;
  text: string;
}

/** The `engine` of a transcript segment the candidate typed instead of saying: assessed like speech, without speech analytics. */
export const TYPED_ANSWER_ENGINE = 'typed';
/** The longest typed answer, in characters. */
export const TYPED_ANSWER_MAX_CHARS = 6000;

/** How the interviewer judged a pause: the candidate is done, thinking, asked for time, or it cannot tell yet. */
export type ListeningState = 'done' | 'unsure' | 'mid-thought' | 'asked-for-time';

/** For a human interviewer: how the candidate's last pause reads (the same judgement the AI interviewer makes). */
export interface CandidateListening {
  questionIndex: number;
  state: ListeningState;
  reasons: string[];
}

/** How an answer ended, and why the interviewer took it as finished. */
export interface AnswerEnding {
  /** `interjection`: the interviewer cut in at a pause (the answer ran past its question's time budget). */
  by: 'done-button' | 'silence' | 'typed' | 'request' | 'interview-end' | 'interjection';
  /** The silence that ended it, ms (answers ended by silence). */
  silenceMs: number | null;
  /** The interviewer's last judgement of the pause, and its reasons ("finished sentence", "4 of 5 points covered"). */
  state: ListeningState | null;
  reasons: string[];
  /** A nudge was given during a long silence. */
  nudged: boolean;
  /**
   * How often the candidate went on after a pause the interviewer had taken as the end (its next prompt was taken back
   * and the answer went on); absent when never.
   */
  wentOn?: number;
}

/** Where a live interview's turn stands. */
export type TurnPhase = 'waiting' | 'prompting' | 'listening' | 'thinking' | 'done';

export interface TurnState {
  phase: TurnPhase;
  questionIndex: number;
  questionCount: number;
  followUpsAsked: number;
  /** The answer being given, when listening. */
  answerId: string | null;
  answerStartedAtMs: number | null;
  currentPromptSeq: number | null;
}

/** A rubric point as judged in one answer. */
export interface RubricJudgement {
  pointId: string;
  text: string;
  covered: boolean;
  /** The transcript words that cover it. */
  evidence: string | null;
}

/** The four scored dimensions, in the order they are shown. */
export const SCORE_DIMENSIONS = ['relevance', 'depth', 'clarity', 'correctness'] as const;
export type ScoreDimension = (typeof SCORE_DIMENSIONS)[number];

/**
 * What an overall score means, published next to the scores and held on a labelled set (npm run eval:scoring):
 * a strong answer scores 7.5–10, a partial one 3.5–6.5, a vague or off-topic one under 3.5.
 */
export const SCORE_BANDS = {
  strong: { min: 7.5, max: 10, label: 'strong' },
  partial: { min: 3.5, max: 6.5, label: 'partial' },
  weak: { min: 0, max: 3.5, label: 'vague or off-topic' },
} as const;

/** The band an overall score falls in; between partial and strong (6.5–7.5) it is "good". */
export function scoreBand(overall: number): 'strong' | 'good' | 'partial' | 'weak' {
  if (overall >= SCORE_BANDS.strong.min) return 'strong';
  if (overall > SCORE_BANDS.partial.max) return 'good';
  if (overall >= SCORE_BANDS.partial.min) return 'partial';
  return 'weak';
}

export interface AnswerScores {
  relevance: number;
  depth: number;
  clarity: number;
  correctness: number;
  overall: number;
}

export interface AnswerResult {
  answerId: string;
  questionId: string;
  questionIndex: number;
  kind: 'answer' | 'follow-up';
  promptSeq: number;
  startMs: number;
  endMs: number;
  transcript: string;
  wordCount: number;
  scores: AnswerScores | null;
  rubric: RubricJudgement[];
  feedback: string | null;
  engine: string | null;
}

export interface EngineNames {
  stt: string;
  tts: string;
  assessment: string;
}

export interface InterviewSnapshot {
  interview: InterviewSummary;
  plan: InterviewPlan;
  engines: EngineNames;
  turn: TurnState;
  prompts: Prompt[];
  transcript: TranscriptSegment[];
  answers: AnswerResult[];
  /** Whether this server can carry the audio through LiveKit (when false, the page does not ask for a room token). */
  livekit?: boolean;
}

/** The candidate's voice activity, for the "still listening" cue. */
export interface VoiceActivity {
  speaking: boolean;
  /** Silence so far, in ms (0 while speaking). */
  silenceMs: number;
  /** When the answer will be taken as finished if the silence goes on, in ms; null when not listening. */
  answerEndsInMs: number | null;
  /** The interviewer's reading of the pause so far (null while speaking or before anything was said). */
  listening?: { state: ListeningState; reasons: string[] } | null;
}

export interface AudioStreamStart {
  /** Chosen by the client; a new id after a reload, the same id when resuming after a dropped connection. */
  streamId: string;
  sampleRate: number;
}

export interface AudioStreamAccepted {
  streamId: string;
  /** The next frame sequence number the server expects (resend from here after a reconnect). */
  nextSeq: number;
}
