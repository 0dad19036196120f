import type { AnswerScores, CreateInterviewRequest, InterviewSummary, ScoreDimension, Speaker } from './interview';

/**
 * Human interviewer sessions: an interviewer creates the session, invites a candidate with a link, and runs it from a
 * console. Both talk; both voices are transcribed with speaker labels. The candidate never receives the rubric, the
 * scores or the interviewer's private notes (they travel only to the interviewer's own sockets).
 */

export interface CreateHumanSessionRequest extends Pick<
  CreateInterviewRequest,
  'trackId' | 'role' | 'level' | 'questionCount' | 'categories' | 'questionIds'
> {
  /** ISO date-time the session is planned for (shown to both; nothing is enforced). */
  scheduledAt?: string;
}

/** What LiveKit reported about a session's room (its webhooks), when LiveKit carries the audio. */
export interface MediaState {
  room?: string;
  roomStartedAt?: string;
  roomFinishedAt?: string;
  /** By participant identity (our user id, or the agent's). */
  participants?: Record<string, { role: string | null; name: string; joinedAt?: string; leftAt?: string }>;
  /** Microphone tracks published in the room, by track id, with the recording started for each. */
  tracks?: Record<
    string,
    { identity: string; role: 'candidate' | 'interviewer'; publishedAt: string; egressId?: string; error?: string }
  >;
  /** Recordings made by LiveKit egress, by egress id. */
  egress?: Record<
    string,
    {
      status: string;
      location: string | null;
      durationMs: number | null;
      error: string | null;
      /** Whose microphone it records. */
      role?: 'candidate' | 'interviewer';
      identity?: string;
      startedAt?: string;
      endedAt?: string;
    }
  >;
}

/** How to join a session's LiveKit room: a short-lived token with the least grants the role needs. */
export interface LiveKitJoin {
  url: string;
  room: string;
  identity: string;
  token: string;
  expiresAt: string;
}

export interface HumanSession {
  interview: InterviewSummary;
  /** LiveKit's view of the room (empty on the built-in transport). */
  media: MediaState;
  scheduledAt: string | null;
  /** The invitation link's path (`/join/<token>`); only the interviewer gets it, until a candidate accepts. */
  invitePath: string | null;
  /** When the invitation link stops working (with `invitePath`); the interviewer can make a new one. */
  inviteExpiresAt?: string | null;
  /** Whether a candidate has accepted the invitation. */
  candidateJoined: boolean;
}

/** What `GET /api/invitations/:token` tells whoever opens the link (signed in). */
export interface InvitationInfo {
  interviewId: string;
  title: string;
  interviewer: { name: string };
  scheduledAt: string | null;
  /** `open`: anyone signed in may accept; `yours`: you accepted it already; `taken`: another candidate did. */
  state: 'open' | 'yours' | 'taken';
}

export type ParticipantRole = 'candidate' | 'interviewer';

export interface Participant {
  userId: string;
  name: string;
  role: ParticipantRole;
  connected: boolean;
}

/** A rubric point as the interviewer's checklist shows it: the engine's tick, and the interviewer's word over it. */
export interface ChecklistPoint {
  pointId: string;
  text: string;
  /** Ticked by the engine from the candidate's words so far. */
  auto: boolean;
  /** The words that ticked it. */
  evidence: string | null;
  /** The interviewer's override (null: follow the engine). */
  override: boolean | null;
  covered: boolean;
}

export interface QuestionChecklist {
  questionIndex: number;
  points: ChecklistPoint[];
}

export interface InterviewerNote {
  id: string;
  questionIndex: number | null;
  text: string;
  /** `private` notes never leave the interviewer; `shared` ones appear in the candidate's review. */
  visibility: 'private' | 'shared';
  atMs: number;
  createdAt: string;
}

export interface InterviewerScore {
  questionIndex: number;
  scores: Record<ScoreDimension, number>;
  updatedAt: string;
}

/** The interviewer's console state (sent only to the interviewer). */
export interface ConsoleState {
  checklists: QuestionChecklist[];
  notes: InterviewerNote[];
  scores: InterviewerScore[];
  /** Follow-ups that fit the current question: the bank's, and one aimed at the biggest gap so far. */
  suggestions: { questionIndex: number; followUps: string[] };
}

/** Commands of the interviewer's console (socket events, acknowledged). */
export interface ShowPromptCommand {
  kind: 'question' | 'follow-up';
  questionIndex: number;
  /** For a follow-up: its text (a suggestion or the interviewer's own words). */
  text?: string;
}

export interface RubricOverrideCommand {
  questionIndex: number;
  pointId: string;
  /** true / false, or null to follow the engine again. */
  covered: boolean | null;
}

export interface ScoreCommand {
  questionIndex: number;
  scores: Record<ScoreDimension, number>;
}

export interface NoteCommand {
  questionIndex: number | null;
  text: string;
  visibility: 'private' | 'shared';
}

/** Audio relayed to the other participant on the built-in transport (20 ms frames of 16 kHz Int16LE). */
export interface RelayedAudio {
  speaker: Speaker;
  pcm: ArrayBuffer | Uint8Array;
}

/** In a review: the human interviewer's view beside the engine's. */
export interface ReviewInterviewerView {
  name: string;
  scores: (InterviewerScore & { overall: number })[];
  /** Shared notes; the interviewer reading their own session's review also gets their private ones. */
  notes: InterviewerNote[];
}

export type { AnswerScores };
