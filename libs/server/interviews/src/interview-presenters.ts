import type { Assessment } from '@mockroom/assessment';
import type { AnswerResult, CodeRunView, TranscriptSegment } from '@mockroom/contracts';
import type { CodeRunEntity, InterviewAnswerEntity, TranscriptSegmentEntity } from '@mockroom/server-database';

/** The answer as the client sees it: transcript, scores, rubric judgements with their evidence. */
export function toAnswerResult(answer: InterviewAnswerEntity, segments: TranscriptSegmentEntity[]): AnswerResult {
  const own = segments
    .filter((s) => s.answerId === answer.id && s.speaker === 'candidate')
    .sort((a, b) => a.seq - b.seq);
  const transcript = own
    .map((s) => s.text)
    .filter(Boolean)
    .join(' ');
  const assessment = answer.assessment;
  return {
    answerId: answer.id,
    questionId: answer.questionId,
    questionIndex: answer.questionIndex,
    kind: answer.kind,
    promptSeq: answer.promptSeq,
    startMs: answer.startMs,
    endMs: answer.endMs ?? own.at(-1)?.endMs ?? answer.startMs,
    transcript,
    wordCount: transcript ? transcript.split(/\s+/).length : 0,
    scores: assessment?.scores ?? null,
    rubric:
      assessment?.rubric.map((r) => ({
        pointId: r.pointId,
        text: r.text,
        covered: r.covered,
        evidence: r.evidence?.quote ?? null,
      })) ?? [],
    feedback: assessment?.feedback ?? null,
    engine: assessment ? describeEngine(assessment) : null,
  };
}

export function describeEngine(assessment: Assessment): string {
  const { engine } = assessment;
  return engine.fallbackFrom
    ? `${engine.name} (fallback from ${engine.fallbackFrom}: ${engine.fallbackReason ?? 'unavailable'})`
    : engine.name;
}

/**
 * The candidate segments an answer's assessment reads, in order: a follow-up answer is assessed together with the
 * earlier answers to the same question. The assessment's evidence offsets index into their texts joined by spaces.
 */
export function assessedSegments(
  answer: InterviewAnswerEntity,
  answers: InterviewAnswerEntity[],
  segments: TranscriptSegmentEntity[],
): TranscriptSegmentEntity[] {
  const ids = new Set(
    answers
      .filter((a) => a.questionIndex === answer.questionIndex && a.status === 'closed' && a.startMs <= answer.startMs)
      .map((a) => a.id),
  );
  ids.add(answer.id);
  return segments
    .filter((s) => s.speaker === 'candidate' && s.answerId !== null && ids.has(s.answerId) && s.text)
    .sort((a, b) => a.seq - b.seq);
}

/** Mean of each question's latest assessed overall score. */
export function interviewOverall(answers: InterviewAnswerEntity[]): number | null {
  const latest = new Map<number, number>();
  for (const answer of answers)
    if (answer.status === 'closed' && answer.overallScore !== null)
      latest.set(answer.questionIndex, answer.overallScore);
  if (!latest.size) return null;
  const mean = [...latest.values()].reduce((a, b) => a + b, 0) / latest.size;
  return Math.round(mean * 10) / 10;
}

/** A stored transcript segment as the clients see it. */
export function toSegmentDto(row: TranscriptSegmentEntity): TranscriptSegment {
  return {
    seq: row.seq,
    speaker: row.speaker,
    text: row.text,
    startMs: row.startMs,
    endMs: row.endMs,
    questionId: row.questionId,
    answerId: row.answerId,
    engine: row.engine,
  };
}

/** A code run as the editor and the review show it. */
export function toCodeRunView(run: CodeRunEntity): CodeRunView {
  return {
    id: run.id,
    interviewId: run.interviewId,
    questionId: run.questionId,
    kind: run.kind,
    language: run.language,
    status: run.status,
    verdict: run.verdict,
    message: run.message,
    stdout: run.stdout,
    stderr: run.stderr,
    tests: run.tests,
    passed: run.passed,
    total: run.total,
    atMs: run.atMs,
    code: run.code,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.createdAt.getTime() : null,
    by: run.byRole,
  };
}
