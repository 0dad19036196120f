import {
  SCORE_DIMENSIONS,
  type ChecklistPoint,
  type InterviewerNote,
  type InterviewerScore,
  type Participant,
  type ParticipantRole,
  type Prompt,
  type QuestionChecklist,
  type ScoreDimension,
  type Speaker,
} from '@mockroom/contracts';
import type { ShownSegment } from '../shared/live/transcript';

/**
 * The pure parts of a human session, for both the interviewer's console and the candidate's room: which question is
 * on, how rubric overrides cycle, scores as typed, who is who in the transcript.
 */

// ---- rubric checklist --------------------------------------------------------------------------------------------

/** Clicking a rubric point cycles: follow the engine → covered → not covered → follow the engine again. */
export function nextOverride(override: boolean | null): boolean | null {
  if (override === null) return true;
  if (override) return false;
  return null;
}

export type PointSource = 'auto' | 'override';

/** Whose word a point's state is: the engine's (`auto`) or the interviewer's (`override`). */
export function pointSource(point: Pick<ChecklistPoint, 'override'>): PointSource {
  return point.override === null ? 'auto' : 'override';
}

/** The point's state in words, for its label. */
export function pointStatus(point: Pick<ChecklistPoint, 'override' | 'auto'>): string {
  if (point.override === true)
    return point.auto ? 'Covered (marked by you)' : 'Covered (marked by you; not heard in the answer)';
  if (point.override === false)
    return point.auto ? 'Not covered (marked by you; the answer seemed to cover it)' : 'Not covered (marked by you)';
  return point.auto ? 'Covered: heard in the answer' : 'Not covered yet';
}

/** What the next click does, in words. */
export function nextOverrideLabel(override: boolean | null): string {
  const next = nextOverride(override);
  if (next === true) return 'Click to mark it covered';
  if (next === false) return 'Click to mark it not covered';
  return 'Click to follow the answer again';
}

/** A checklist with one point's override applied, as the server will compute it (shown while the command is sent). */
export function withOverride(
  checklist: QuestionChecklist,
  pointId: string,
  override: boolean | null,
): QuestionChecklist {
  return {
    ...checklist,
    points: checklist.points.map((point) =>
      point.pointId === pointId ? { ...point, override, covered: override ?? point.auto } : point,
    ),
  };
}

/** Replaces (or adds) one question's checklist, in question order. */
export function upsertChecklist(
  checklists: readonly QuestionChecklist[],
  checklist: QuestionChecklist,
): QuestionChecklist[] {
  const next = checklists.filter((c) => c.questionIndex !== checklist.questionIndex);
  next.push(checklist);
  next.sort((a, b) => a.questionIndex - b.questionIndex);
  return next;
}

/** A checklist from the bank's rubric, before the server has sent one (nothing ticked, no overrides). */
export function blankChecklist(
  questionIndex: number,
  rubric: readonly { id: string; text: string }[],
): QuestionChecklist {
  return {
    questionIndex,
    points: rubric.map((point) => ({
      pointId: point.id,
      text: point.text,
      auto: false,
      evidence: null,
      override: null,
      covered: false,
    })),
  };
}

/** How many points are covered, out of how many. */
export function coverage(checklist: QuestionChecklist | null | undefined): { covered: number; total: number } {
  const points = checklist?.points ?? [];
  return { covered: points.filter((point) => point.covered).length, total: points.length };
}

// ---- scores and notes --------------------------------------------------------------------------------------------

export const SCORE_LABELS: Record<ScoreDimension, string> = {
  relevance: 'Relevance',
  depth: 'Depth',
  clarity: 'Clarity',
  correctness: 'Correctness',
};

export type ScoreDraft = Record<ScoreDimension, string>;

export const EMPTY_SCORE_DRAFT: ScoreDraft = { relevance: '', depth: '', clarity: '', correctness: '' };

/** The inputs' text for a saved score (empty when there is none). */
export function scoreDraft(score: InterviewerScore | null | undefined): ScoreDraft {
  if (!score) return { ...EMPTY_SCORE_DRAFT };
  const draft = { ...EMPTY_SCORE_DRAFT };
  for (const dimension of SCORE_DIMENSIONS) draft[dimension] = formatScore(score.scores[dimension]);
  return draft;
}

/** "7.5", "8" (one decimal at most). */
export function formatScore(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A score as typed: a number from 0 to 10 (a comma works as the decimal mark), rounded to one decimal; null if not. */
export function parseScore(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0 || value > 10) return null;
  return Math.round(value * 10) / 10;
}

export function parseScores(draft: ScoreDraft): {
  scores: Record<ScoreDimension, number> | null;
  errors: Partial<Record<ScoreDimension, string>>;
} {
  const errors: Partial<Record<ScoreDimension, string>> = {};
  const scores = {} as Record<ScoreDimension, number>;
  for (const dimension of SCORE_DIMENSIONS) {
    const value = parseScore(draft[dimension]);
    if (value === null) errors[dimension] = `${SCORE_LABELS[dimension]}: enter a number from 0 to 10.`;
    else scores[dimension] = value;
  }
  return Object.keys(errors).length ? { scores: null, errors } : { scores, errors };
}

/** Replaces (or adds) one question's scores, in question order. */
export function upsertScore(scores: readonly InterviewerScore[], score: InterviewerScore): InterviewerScore[] {
  const next = scores.filter((s) => s.questionIndex !== score.questionIndex);
  next.push(score);
  next.sort((a, b) => a.questionIndex - b.questionIndex);
  return next;
}

/** Adds (or replaces) a note; notes read oldest first. */
export function upsertNote(notes: readonly InterviewerNote[], note: InterviewerNote): InterviewerNote[] {
  const next = notes.filter((n) => n.id !== note.id);
  next.push(note);
  next.sort((a, b) => a.atMs - b.atMs || a.createdAt.localeCompare(b.createdAt));
  return next;
}

// ---- prompts and questions ---------------------------------------------------------------------------------------

function isAsked(prompt: Prompt): boolean {
  return prompt.kind === 'question' || prompt.kind === 'follow-up';
}

/** The latest prompt shown to the candidate (any kind), or null before the first. */
export function latestPrompt(prompts: readonly Prompt[]): Prompt | null {
  let latest: Prompt | null = null;
  for (const prompt of prompts) if (!latest || prompt.seq > latest.seq) latest = prompt;
  return latest;
}

/** The question being asked: the one the latest question or follow-up belongs to; -1 before the first is shown. */
export function currentQuestionIndex(prompts: readonly Prompt[]): number {
  let latest: Prompt | null = null;
  for (const prompt of prompts) if (isAsked(prompt) && (!latest || prompt.seq > latest.seq)) latest = prompt;
  return latest ? latest.questionIndex : -1;
}

/** The question "Next question" shows, or null on the last. Before any is shown, the first. */
export function nextQuestionIndex(current: number, questionCount: number): number | null {
  const next = current < 0 ? 0 : current + 1;
  return next < questionCount ? next : null;
}

/** The prompt that showed a question (the latest, if it was shown more than once). */
export function questionPrompt(prompts: readonly Prompt[], questionIndex: number): Prompt | null {
  let found: Prompt | null = null;
  for (const prompt of prompts)
    if (prompt.kind === 'question' && prompt.questionIndex === questionIndex && (!found || prompt.seq > found.seq))
      found = prompt;
  return found;
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The follow-ups already asked for a question (normalised text). */
export function askedFollowUps(prompts: readonly Prompt[], questionIndex: number): Set<string> {
  return new Set(
    prompts.filter((p) => p.kind === 'follow-up' && p.questionIndex === questionIndex).map((p) => normalise(p.text)),
  );
}

export function wasAsked(asked: ReadonlySet<string>, text: string): boolean {
  return asked.has(normalise(text));
}

/**
 * Follow-ups to offer for a question: the server's suggestions when they are for it, else the bank's own; each once.
 */
export function followUpsFor(
  suggestions: { questionIndex: number; followUps: string[] } | null | undefined,
  questionIndex: number,
  bankFollowUps: readonly string[] = [],
): string[] {
  const source = suggestions && suggestions.questionIndex === questionIndex ? suggestions.followUps : bankFollowUps;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of source) {
    const key = normalise(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(text.trim());
  }
  return out;
}

// ---- transcript and participants ---------------------------------------------------------------------------------

export type ConsoleLine =
  | { kind: 'speech'; seq: number; speaker: Speaker; text: string; startMs: number; partial: boolean }
  | { kind: 'prompt'; seq: number; prompt: Prompt };

/** Both voices (words still being spoken included), and the prompts shown between them, in transcript order. */
export function consoleLines(segments: readonly ShownSegment[], prompts: readonly Prompt[]): ConsoleLine[] {
  const lines: ConsoleLine[] = [
    ...prompts.map((prompt): ConsoleLine => ({ kind: 'prompt', seq: prompt.seq, prompt })),
    ...segments.map((s): ConsoleLine => ({
      kind: 'speech',
      seq: s.seq,
      speaker: s.speaker,
      text: s.text,
      startMs: s.startMs,
      partial: s.partial === true,
    })),
  ];
  // A prompt and a segment may share a number: the prompt (shown first) goes first.
  return lines.sort((a, b) => a.seq - b.seq || (a.kind === b.kind ? 0 : a.kind === 'prompt' ? -1 : 1));
}

/** The candidate's own lines only. */
export function candidateSegments(segments: readonly ShownSegment[]): ShownSegment[] {
  return segments.filter((segment) => segment.speaker === 'candidate');
}

export interface SessionNames {
  interviewer: string;
  candidate: string;
}

/** "You" for the viewer's own lines, the other person's name for theirs. */
export function speakerLabel(speaker: Speaker, viewer: ParticipantRole, names: SessionNames): string {
  if (speaker === viewer) return 'You';
  const name = names[speaker].trim();
  return name || (speaker === 'candidate' ? 'Candidate' : 'Interviewer');
}

/** Names as presence knows them (fresher: the candidate may accept after the page loaded), else as the interview says. */
export function sessionNames(
  participants: readonly Participant[],
  interview: { interviewer: { name: string }; candidate: { name: string } | null },
): SessionNames {
  const named = (role: ParticipantRole) => participants.find((p) => p.role === role && p.name.trim())?.name;
  return {
    interviewer: named('interviewer') ?? interview.interviewer.name,
    candidate: named('candidate') ?? interview.candidate?.name ?? '',
  };
}

/** Whether a candidate has accepted the invitation (as presence or the interview says). */
export function hasCandidate(
  participants: readonly Participant[],
  interview: { candidate: { id: string } | null },
): boolean {
  return participants.some((p) => p.role === 'candidate') || Boolean(interview.candidate?.id);
}

/** Whether the other participant is connected now. */
export function otherConnected(participants: readonly Participant[], viewer: ParticipantRole): boolean {
  return participants.some((p) => p.role !== viewer && p.connected);
}

/** One chip per person (a person with two tabs open counts once, connected if any tab is). */
export function presenceChips(participants: readonly Participant[]): Participant[] {
  const byUser = new Map<string, Participant>();
  for (const participant of participants) {
    const seen = byUser.get(participant.userId);
    byUser.set(
      participant.userId,
      seen ? { ...seen, connected: seen.connected || participant.connected } : participant,
    );
  }
  const order: Record<ParticipantRole, number> = { interviewer: 0, candidate: 1 };
  return [...byUser.values()].sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name));
}

/** Time since the session started, on this browser's clock (never negative); null before it starts. */
export function elapsedSince(startedAt: string | null, now: number): number | null {
  if (!startedAt) return null;
  const at = Date.parse(startedAt);
  if (Number.isNaN(at)) return null;
  return Math.max(0, now - at);
}
