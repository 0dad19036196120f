/**
 * Wording and number formats shared by the review's Markdown and PDF exports, so that both say the
 * same things in the same order. Everything here returns plain (unescaped, unsanitised) text.
 */
import {
  CATEGORY_LABELS,
  SCORE_BANDS,
  SCORE_DIMENSIONS,
  scoreBand,
  type AnswerScores,
  type Category,
  type InterviewStatus,
  type Level,
  type Prompt,
  type Review,
  type ReviewAnswer,
  type ReviewLine,
  type ReviewQuestion,
  type ReviewSpeechAnalytics,
  type Role,
  type ScoreDimension,
  type Speaker,
} from '@mockroom/contracts';

export interface ExportOptions {
  /** When the export is made (shown in it, and the PDF's creation date); defaults to now. */
  generatedAt?: Date;
}

/** A labelled value, e.g. `{ label: 'Duration', value: '31 min 05 s' }`. */
export interface Fact {
  label: string;
  value: string;
}

export const NOT_SCORED = 'Not scored';
export const NOT_REACHED = 'Not reached';

const ROLE_LABELS: Record<Role, string> = { fullstack: 'Fullstack', backend: 'Backend' };
const LEVEL_LABELS: Record<Level, string> = { mid: 'Mid', senior: 'Senior', staff: 'Staff' };
const STATUS_LABELS: Record<InterviewStatus, string> = {
  created: 'Not started',
  live: 'In progress',
  completed: 'Completed',
  abandoned: 'Ended early',
};

const DIMENSION_LABELS: Record<ScoreDimension | 'overall', string> = {
  relevance: 'Relevance',
  depth: 'Depth',
  clarity: 'Clarity',
  correctness: 'Correctness',
  overall: 'Overall',
};

/** The four dimensions then the overall score, as rows of a score table. */
export function scoreRows(scores: AnswerScores): { key: ScoreDimension | 'overall'; label: string; score: number }[] {
  return [...SCORE_DIMENSIONS, 'overall' as const].map((key) => ({
    key,
    label: DIMENSION_LABELS[key],
    score: scores[key],
  }));
}

/** `7.5 / 10`, or "Not scored". */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? NOT_SCORED : `${score.toFixed(1)} / 10`;
}

/** An offset from the interview's start as `mm:ss` (minutes keep counting past 59). */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));
  const minutes = Math.floor(total / 60);
  return `${String(minutes).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** `31 min 05 s`, `1 h 02 min`, `45 s`; "Unknown" without a duration. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return 'Unknown';
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

function utcParts(date: Date): { day: string; time: string } {
  const iso = date.toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** `2026-11-22 14:05 UTC` (exports are made on the server, so they state the time zone). */
export function formatDateTime(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const { day, time } = utcParts(date);
  return `${day} ${time} UTC`;
}

/** When the interview took place: its start, or its creation when it never started. */
export function interviewDate(review: Pick<Review, 'interview'>): string {
  return review.interview.startedAt ?? review.interview.createdAt;
}

export function candidateName(review: Pick<Review, 'interview'>): string {
  return review.interview.candidate?.name.trim() || 'Candidate';
}

export function speakerLabel(review: Pick<Review, 'interview'>, speaker: Speaker): string {
  return speaker === 'interviewer' ? 'Interviewer' : candidateName(review);
}

export function reviewTitle(review: Pick<Review, 'interview'>): string {
  return review.interview.title.trim() || 'Mock interview';
}

export function roleAndLevel(review: Pick<Review, 'interview'>): string {
  const { role, level } = review.interview;
  return `${ROLE_LABELS[role] ?? role}, ${LEVEL_LABELS[level] ?? level}`;
}

function interviewerLabel(review: Review): string {
  const { kind, name } = review.interview.interviewer;
  if (kind === 'ai') return name.trim() || 'AI interviewer';
  return `${name.trim() || 'Interviewer'} (human interviewer)`;
}

/** The session's facts shown under the title, in order. */
export function interviewFacts(review: Review): Fact[] {
  const asked = review.questions.filter((q) => q.asked).length;
  const planned = Math.max(review.interview.questionCount, review.questions.length);
  return [
    { label: 'Candidate', value: candidateName(review) },
    { label: 'Date', value: formatDateTime(interviewDate(review)) },
    { label: 'Role and level', value: roleAndLevel(review) },
    { label: 'Interviewer', value: interviewerLabel(review) },
    { label: 'Duration', value: formatDuration(review.interview.durationMs) },
    { label: 'Status', value: STATUS_LABELS[review.interview.status] ?? review.interview.status },
    { label: 'Questions reached', value: `${asked} of ${planned}` },
    { label: 'Recording', value: review.audio ? `${clock(review.audio.durationMs)} of audio` : 'None' },
  ];
}

/** The score the session is rated on: the mean of the questions' overall scores. */
export function overallScore(review: Review): number | null {
  return review.scores?.overall ?? review.interview.overallScore;
}

function categoryLabel(category: Category | null): string | null {
  return category === null ? null : (CATEGORY_LABELS[category] ?? category);
}

/** `Question 2 of 5 · System design` */
export function questionHeading(review: Review, question: ReviewQuestion): string {
  const count = Math.max(review.interview.questionCount, review.questions.length);
  const category = categoryLabel(question.category);
  return `Question ${question.index + 1} of ${count}${category ? ` · ${category}` : ''}`;
}

export function followUpsAsked(question: ReviewQuestion): Prompt[] {
  return question.prompts.filter((p) => p.kind === 'follow-up');
}

/** The prompt an answer replies to (the question or one of its follow-ups). */
export function promptOf(question: ReviewQuestion, answer: ReviewAnswer): Prompt | null {
  return question.prompts.find((p) => p.seq === answer.promptSeq) ?? null;
}

/** "Answer", "Answer to follow-up 1"; numbered when a question has several main answers. */
export function answerHeading(question: ReviewQuestion, answer: ReviewAnswer): string {
  if (answer.kind === 'follow-up') {
    const n = followUpsAsked(question).findIndex((p) => p.seq === answer.promptSeq);
    return n >= 0 ? `Answer to follow-up ${n + 1}` : 'Answer to a follow-up';
  }
  const main = question.answers.filter((a) => a.kind === 'answer');
  return main.length > 1 ? `Answer ${main.indexOf(answer) + 1}` : 'Answer';
}

/** `03:12–05:40 · 245 words` */
export function answerTiming(answer: ReviewAnswer): string {
  const words = `${answer.wordCount} ${answer.wordCount === 1 ? 'word' : 'words'}`;
  return `${clock(answer.startMs)}–${clock(answer.endMs)} · ${words}${answer.ending ? ` · ${answer.ending}` : ''}`;
}

/** Pace, talk time, fillers, long pauses and hedges of an answer. */
export function speechFacts(analytics: ReviewSpeechAnalytics): Fact[] {
  const fillers = analytics.fillers.map((f) => `${f.word} ×${f.count}`).join(', ');
  const pauses = analytics.longPauses
    .map((p) => `at ${clock(p.startMs)} for ${(p.durationMs / 1000).toFixed(1)} s`)
    .join(', ');
  const facts: Fact[] = [
    { label: 'Pace', value: `${Math.round(analytics.wordsPerMinute)} words per minute` },
    { label: 'Talk time', value: clock(analytics.talkTimeMs) },
    { label: 'Fillers', value: fillers ? `${analytics.fillerCount} (${fillers})` : String(analytics.fillerCount) },
    { label: 'Long pauses', value: pauses ? `${analytics.longPauses.length} (${pauses})` : 'None' },
  ];
  if (analytics.hedges.length > 0) {
    facts.push({ label: 'Hedges', value: analytics.hedges.map((h) => `“${h.phrase}” ×${h.count}`).join(', ') });
  }
  return facts;
}

/** `82%` */
export function percent(confidence: number): string {
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

export interface TranscriptPart {
  /** "Introduction", "Question 2", "Closing". */
  title: string;
  lines: ReviewLine[];
}

/** The transcript in order, split where it moves on to another question. */
export function transcriptParts(review: Review): TranscriptPart[] {
  const parts: TranscriptPart[] = [];
  let seenQuestion = false;
  for (const line of [...review.transcript].sort((a, b) => a.seq - b.seq)) {
    if (line.questionIndex !== null) seenQuestion = true;
    const title =
      line.questionIndex !== null ? `Question ${line.questionIndex + 1}` : seenQuestion ? 'Closing' : 'Introduction';
    const last = parts[parts.length - 1];
    if (last && last.title === title) last.lines.push(line);
    else parts.push({ title, lines: [line] });
  }
  return parts;
}

export function generatedLine(generatedAt: Date): string {
  return `Generated by Mockroom on ${formatDateTime(generatedAt)}.`;
}

const BAND_WORDS = {
  strong: 'a strong answer',
  good: 'good, not yet strong',
  partial: 'a partial answer',
  weak: 'vague or off the point',
} as const;

/** What an overall score means, with the bands it is held to ("good, not yet strong (7.5-10 strong, ...)"). */
export function bandNote(overall: number | null): string {
  if (overall === null) return '';
  return `${BAND_WORDS[scoreBand(overall)]} (${SCORE_BANDS.strong.min}-10 strong, ${SCORE_BANDS.partial.min}-${SCORE_BANDS.partial.max} partial, under ${SCORE_BANDS.weak.max} vague or off-topic)`;
}
