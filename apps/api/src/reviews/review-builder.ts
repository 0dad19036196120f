import {
  describeAnswerEnding,
  sessionInsights,
  type Assessment,
  type OtherQuestion,
  type QuestionOutcome,
} from '@mockroom/assessment';
import {
  SCORE_DIMENSIONS,
  type AnswerScores,
  type LineSpan,
  type Question,
  type Review,
  type ReviewAccess,
  type ClaimVerdict,
  type TailoredClaimQuestion,
  type ReviewAnswer,
  type ReviewAudio,
  type ReviewInterviewerView,
  type ReviewLine,
  type ReviewQuestion,
  type ReviewRubricPoint,
  type ShareInfo,
  type TranscriptCorrection,
} from '@mockroom/contracts';
import type {
  InterviewAnswerEntity,
  InterviewEntity,
  InterviewPromptEntity,
  TranscriptSegmentEntity,
} from '@mockroom/server-database';
import { assessedSegments, CLAIM_QUESTION_PREFIX, describeEngine } from '@mockroom/server-interviews';
import { toPrompt, toSummary } from '../interviews/interview-snapshot';

export interface ReviewSources {
  entity: InterviewEntity;
  prompts: InterviewPromptEntity[];
  segments: TranscriptSegmentEntity[];
  answers: InterviewAnswerEntity[];
  /** The bank's questions by id (a question removed from the bank since is shown from what was said). */
  questions: Map<string, Question>;
  /** Other questions of the bank for the same role, for practice suggestions. */
  others: OtherQuestion[];
  access: ReviewAccess;
  shares: ShareInfo[];
  audio: ReviewAudio | null;
  /** A human interviewer's scores and the notes this viewer may read. */
  interviewer?: ReviewInterviewerView | null;
  /** The candidate's corrections of misheard lines, oldest first. */
  corrections?: TranscriptCorrection[];
}

interface Placed {
  segment: TranscriptSegmentEntity;
  /** Where the segment's text starts in the joined transcript. */
  offset: number;
}

/** Lays segments end to end as the assessment read them (texts joined by single spaces). */
function place(segments: TranscriptSegmentEntity[]): Placed[] {
  let offset = 0;
  return segments.map((segment) => {
    const placed = { segment, offset };
    offset += segment.text.length + 1;
    return placed;
  });
}

/** The parts of transcript lines that a quote at [start, end) of the joined transcript covers. */
function toLineSpans(placed: Placed[], start: number, end: number): LineSpan[] {
  const spans: LineSpan[] = [];
  for (const { segment, offset } of placed) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + segment.text.length);
    if (from < to) spans.push({ seq: segment.seq, start: from - offset, end: to - offset });
  }
  return spans;
}

/** When a character of a line was said: from the recogniser's word times, else in proportion along the line. */
function timeAt(segment: TranscriptSegmentEntity, charOffset: number): number {
  const before = segment.text.slice(0, charOffset).split(/\s+/).filter(Boolean).length;
  const words = segment.words;
  const tokens = segment.text.split(/\s+/).filter(Boolean).length;
  if (words && words.length === tokens && before < words.length) return words[before].startMs;
  const share = segment.text.length ? charOffset / segment.text.length : 0;
  return Math.round(segment.startMs + share * (segment.endMs - segment.startMs));
}

function reviewAnswer(
  answer: InterviewAnswerEntity,
  all: InterviewAnswerEntity[],
  segments: TranscriptSegmentEntity[],
  bySeq: Map<number, ReviewLine>,
): ReviewAnswer {
  const assessment = answer.assessment;
  const own = segments
    .filter((s) => s.answerId === answer.id && s.speaker === 'candidate' && s.text)
    .sort((a, b) => a.seq - b.seq);
  const transcript = own.map((s) => s.text).join(' ');
  const placed = place(assessedSegments(answer, all, segments));
  const rubric: ReviewRubricPoint[] = (assessment?.rubric ?? []).map((point) => {
    if (!point.covered || !point.evidence)
      return {
        pointId: point.pointId,
        text: point.text,
        covered: point.covered,
        confidence: point.confidence,
        evidence: null,
      };
    const spans = toLineSpans(placed, point.evidence.start, point.evidence.end);
    for (const span of spans)
      bySeq.get(span.seq)?.highlights.push({ start: span.start, end: span.end, pointId: point.pointId });
    const first = spans[0] ? placed.find((p) => p.segment.seq === spans[0].seq) : undefined;
    return {
      pointId: point.pointId,
      text: point.text,
      covered: true,
      confidence: point.confidence,
      evidence: { quote: point.evidence.quote, spans, startMs: first ? timeAt(first.segment, spans[0].start) : null },
    };
  });
  const analytics = assessment?.analytics ?? null;
  return {
    answerId: answer.id,
    kind: answer.kind,
    promptSeq: answer.promptSeq,
    startMs: answer.startMs,
    endMs: answer.endMs ?? own.at(-1)?.endMs ?? answer.startMs,
    transcript,
    wordCount: transcript ? transcript.split(/\s+/).length : 0,
    scores: assessment?.scores ?? null,
    reasons: assessment?.reasons ?? null,
    rubric,
    mistakes: (assessment?.commonMistakes ?? []).map((m) => ({ text: m.text, quote: m.evidence?.quote ?? null })),
    keyTermsUsed: assessment?.keyTermsUsed ?? [],
    analytics: analytics && {
      wordsPerMinute: analytics.wordsPerMinute,
      talkTimeMs: analytics.talkTimeMs,
      fillerCount: analytics.fillerCount,
      fillers: analytics.fillers,
      longPauses: analytics.longPauses,
      hedges: analytics.hedges,
    },
    feedback: assessment?.feedback ?? null,
    engine: assessment ? describeEngine(assessment) : null,
    ending: answer.ending ? describeAnswerEnding(answer.ending) : null,
  };
}

export function meanScores(all: (AnswerScores | null)[]): AnswerScores | null {
  const scored = all.filter((s): s is AnswerScores => s !== null);
  if (!scored.length) return null;
  const mean = (key: keyof AnswerScores) =>
    Math.round((scored.reduce((sum, s) => sum + s[key], 0) / scored.length) * 10) / 10;
  return {
    ...(Object.fromEntries(SCORE_DIMENSIONS.map((d) => [d, mean(d)])) as Record<
      (typeof SCORE_DIMENSIONS)[number],
      number
    >),
    overall: mean('overall'),
  };
}

/** Everything the review page shows, from what the interview stored. */
export function buildReview(sources: ReviewSources): Review {
  const { entity, prompts, segments, answers, questions } = sources;
  const promptBySeq = new Map(prompts.map((p) => [p.seq, p]));
  const answerById = new Map(answers.map((a) => [a.id, a]));

  const corrections = sources.corrections ?? [];
  // What the recogniser heard: the text the first correction of a line replaced.
  const heardAs = new Map<number, string>();
  for (const c of corrections) if (!heardAs.has(c.seq)) heardAs.set(c.seq, c.before);
  const transcript: ReviewLine[] = segments
    .filter((s) => s.text.trim())
    .map((s) => ({
      seq: s.seq,
      speaker: s.speaker,
      text: s.text,
      startMs: s.startMs,
      endMs: Math.max(s.startMs, s.endMs),
      questionIndex:
        s.speaker === 'interviewer'
          ? questionIndexOfPrompt(promptBySeq.get(s.seq))
          : (answerById.get(s.answerId ?? '')?.questionIndex ?? null),
      answerId: s.answerId,
      words: s.words,
      highlights: [],
      heardAs: heardAs.get(s.seq) ?? null,
    }))
    .sort((a, b) => a.startMs - b.startMs || a.seq - b.seq);
  const bySeq = new Map(transcript.map((line) => [line.seq, line]));

  const closed = answers.filter((a) => a.status === 'closed');
  const reviewQuestions: ReviewQuestion[] = entity.plan.questionIds.map((questionId, index) => {
    const question = questions.get(questionId);
    const own = prompts.filter((p) => p.questionIndex === index && (p.kind === 'question' || p.kind === 'follow-up'));
    const asked = prompts.find((p) => p.questionIndex === index && p.kind === 'question');
    const answered = closed
      .filter((a) => a.questionIndex === index)
      .map((a) => reviewAnswer(a, answers, segments, bySeq));
    const lastScored = [...answered].reverse().find((a) => a.scores !== null);
    const claim = entity.plan.tailoring?.claims.find((c) => c.questionId === questionId);
    return {
      ...(claim ? { claim: claimVerdict(claim, lastScored ?? null) } : {}),
      index,
      questionId,
      text: asked?.text ?? question?.text ?? questionId,
      category: question?.category ?? null,
      prompts: own.map(toPrompt),
      answers: answered,
      scores: lastScored?.scores ?? null,
      commonMistakes: question?.commonMistakes ?? [],
      sampleAnswer: question?.sampleAnswer ?? null,
      asked: asked !== undefined,
    };
  });
  for (const line of transcript) {
    // A follow-up's assessment quotes the first answer again: keep each highlight once.
    const seen = new Set<string>();
    line.highlights = line.highlights
      .sort((a, b) => a.start - b.start || a.end - b.end || a.pointId.localeCompare(b.pointId))
      .filter((h) => {
        const key = `${h.start}:${h.end}:${h.pointId}`;
        return !seen.has(key) && seen.add(key) !== undefined;
      });
  }

  const outcomes: QuestionOutcome[] = reviewQuestions.map((q) => ({
    questionId: q.questionId,
    text: q.text,
    category: q.category,
    asked: q.asked,
    skipped: answers.some((a) => a.questionIndex === q.index && a.intent === 'skip'),
    assessments: closed.filter((a) => a.questionIndex === q.index && a.assessment).map((a) => a.assessment!),
  }));

  return {
    interview: toSummary(entity),
    plan: entity.plan,
    engines: entity.engines,
    access: sources.access,
    transcript,
    questions: reviewQuestions,
    scores: meanScores(reviewQuestions.map((q) => q.scores)),
    insights: withoutClaims(sessionInsights(outcomes, sources.others)),
    audio: sources.audio,
    shares: sources.access === 'owner' ? sources.shares : [],
    interviewer: sources.interviewer ?? null,
    corrections,
    ...(entity.plan.tailoring
      ? {
          weakClaims: reviewQuestions.flatMap((q) =>
            q.claim && q.claim.verdict !== 'backed'
              ? [{ questionIndex: q.index, claim: q.claim.claim, verdict: q.claim.verdict, missing: q.claim.missing }]
              : [],
          ),
        }
      : {}),
  };
}

/**
 * A claim question is not in the bank, so it is not one to practise from there: the review lists weak claims on their
 * own ("be ready to back these up").
 */
function withoutClaims(insights: Review['insights']): Review['insights'] {
  return {
    ...insights,
    practiseNext: insights.practiseNext.filter((s) => !s.questionId.startsWith(CLAIM_QUESTION_PREFIX)),
  };
}

/** Overall score from which a claim counts as backed, and below which as weak (between: partly). */
const BACKED_FROM = 7;
const WEAK_BELOW = 4.5;

/**
 * How well the answers backed a résumé claim: by the question's score, with the points made (and the words that made
 * them) and the points left out. A claim never answered is weak: an interviewer would have nothing to go on.
 */
function claimVerdict(question: TailoredClaimQuestion, answer: ReviewAnswer | null): ClaimVerdict {
  const overall = answer?.scores?.overall ?? 0;
  const rubric = answer?.rubric ?? [];
  return {
    claim: question.claim.text,
    verdict: overall >= BACKED_FROM ? 'backed' : overall >= WEAK_BELOW ? 'partly' : 'weak',
    covered: rubric.filter((p) => p.covered).map((p) => ({ text: p.text, quote: p.evidence?.quote ?? null })),
    missing: answer ? rubric.filter((p) => !p.covered).map((p) => p.text) : question.rubric.map((p) => p.text),
  };
}

function questionIndexOfPrompt(prompt: InterviewPromptEntity | undefined): number | null {
  if (!prompt || prompt.kind === 'intro' || prompt.kind === 'closing') return null;
  return prompt.questionIndex;
}
