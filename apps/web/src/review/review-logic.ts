import type {
  InterviewPlan,
  InterviewSummary,
  Review,
  ReviewLine,
  ReviewQuestion,
  ScoreChange,
  Speaker,
} from '@mockroom/contracts';

/** How long after the end a review still waits for scores that have not landed yet. */
export const SCORES_GRACE_MS = 2 * 60_000;

/** What each voice is called: the viewer is "You" on their own interview; others see the candidate's name. */
export function speakerLabels(review: Pick<Review, 'access' | 'interview'>): Record<Speaker, string> {
  return {
    interviewer: 'Interviewer',
    candidate: review.access === 'owner' ? 'You' : review.interview.candidate?.name || 'Candidate',
  };
}

/** Some answer is still waiting for the scoring engine. */
export function awaitingScores(review: Pick<Review, 'questions'>): boolean {
  return review.questions.some((question) => question.answers.some((answer) => answer.scores === null));
}

/** Worth looking again for scores: some are missing, and the interview only just ended (or ended a moment ago). */
export function shouldPollScores(
  review: Pick<Review, 'questions' | 'interview'>,
  justFinished: boolean,
  now: number,
): boolean {
  if (!awaitingScores(review)) return false;
  if (justFinished) return true;
  const endedAt = review.interview.endedAt ? Date.parse(review.interview.endedAt) : NaN;
  return !Number.isNaN(endedAt) && now - endedAt < SCORES_GRACE_MS;
}

/**
 * The new-interview form set up like this one: the same track, or the same role and level; a tailored interview is
 * made again from the résumés and postings page, where the candidate picks what to tailor to.
 */
export function practiseAgainHref(plan: Pick<InterviewPlan, 'trackId' | 'role' | 'level' | 'tailoring'>): string {
  if (plan.tailoring) return '/resumes';
  return plan.trackId
    ? `/interviews/new?track=${encodeURIComponent(plan.trackId)}`
    : `/interviews/new?role=${encodeURIComponent(plan.role)}&level=${encodeURIComponent(plan.level)}`;
}

/** A run of transcript lines about the same question (or the introduction / closing). */
export interface TranscriptGroup {
  key: string;
  questionIndex: number | null;
  label: string;
  /** Index of the group's first line in the whole (sorted) transcript. */
  offset: number;
  lines: ReviewLine[];
}

/** Cuts the sorted transcript into runs of consecutive lines that belong to the same question. */
export function groupLines(lines: readonly ReviewLine[]): TranscriptGroup[] {
  const groups: TranscriptGroup[] = [];
  let seenQuestion = false;
  lines.forEach((line, index) => {
    const current = groups[groups.length - 1];
    if (current && current.questionIndex === line.questionIndex) {
      current.lines.push(line);
      return;
    }
    if (line.questionIndex !== null) seenQuestion = true;
    const label =
      line.questionIndex === null ? (seenQuestion ? 'Closing' : 'Introduction') : `Question ${line.questionIndex + 1}`;
    groups.push({
      key: `${index}:${line.questionIndex ?? 'none'}`,
      questionIndex: line.questionIndex,
      label,
      offset: index,
      lines: [line],
    });
  });
  return groups;
}

/** "Your answer", "Answer to follow-up 2"… */
export function answerTitle(kind: 'answer' | 'follow-up', followUpNumber: number | null, owner: boolean): string {
  if (kind === 'follow-up') {
    const which = followUpNumber ? `follow-up ${followUpNumber}` : 'a follow-up';
    return owner ? `Your answer to ${which}` : `Answer to ${which}`;
  }
  return owner ? 'Your answer' : 'Answer';
}

/** Where each asked question starts on the recording, for markers on the waveform. */
export function questionMarkers(questions: readonly ReviewQuestion[]): { index: number; atMs: number }[] {
  const markers: { index: number; atMs: number }[] = [];
  for (const question of questions) {
    const prompt = question.prompts.find((p) => p.kind === 'question') ?? question.prompts[0];
    if (question.asked && prompt && Number.isFinite(prompt.atMs))
      markers.push({ index: question.index, atMs: prompt.atMs });
  }
  return markers;
}

/** Questions with at least one answer. */
export function answeredCount(questions: readonly ReviewQuestion[]): number {
  return questions.filter((question) => question.answers.length > 0).length;
}

/** The overall score to headline: the interview's own, or else the mean of the questions'. */
export function headlineScore(
  review: Pick<Review, 'scores'> & { interview: Pick<InterviewSummary, 'overallScore'> },
): number | null {
  return review.interview.overallScore ?? review.scores?.overall ?? null;
}

/** A word on the pace of an answer, from its words per minute. */
export function paceLabel(wordsPerMinute: number): { label: string; tone: 'neutral' | 'success' | 'warning' } {
  if (!Number.isFinite(wordsPerMinute) || wordsPerMinute <= 0) return { label: 'No pace measured', tone: 'neutral' };
  if (wordsPerMinute < 110) return { label: 'On the slow side', tone: 'warning' };
  if (wordsPerMinute <= 170) return { label: 'A comfortable pace', tone: 'success' };
  return { label: 'On the fast side', tone: 'warning' };
}

const DIMENSION_LABELS: Record<ScoreChange['dimension'], string> = {
  overall: 'Overall',
  relevance: 'relevance',
  depth: 'depth',
  clarity: 'clarity',
  correctness: 'correctness',
};

/** "Overall 3.1 → 6.2, depth 2.0 → 5.5": what a correction did to the scores, overall first. */
export function describeScoreChanges(changes: readonly ScoreChange[] | null): string {
  if (changes === null) return 'Your answer is being scored again; the new scores appear here shortly.';
  if (changes.length === 0) return 'The scores did not change.';
  const ordered = [...changes].sort((a, b) => (a.dimension === 'overall' ? -1 : b.dimension === 'overall' ? 1 : 0));
  const text = ordered
    .map((c) => `${DIMENSION_LABELS[c.dimension]} ${c.before.toFixed(1)} → ${c.after.toFixed(1)}`)
    .join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} after your correction.`;
}
