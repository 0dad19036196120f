import type { Assessment } from '@mockroom/assessment';
import type { InterviewAnswerEntity } from '@mockroom/server-database';

/** The answer each question is rated on: its last assessed one (follow-up answers are assessed with the first). */
export function ratedAnswers(answers: readonly InterviewAnswerEntity[]): Map<number, InterviewAnswerEntity> {
  const rated = new Map<number, InterviewAnswerEntity>();
  for (const answer of [...answers].sort((a, b) => a.startMs - b.startMs))
    if (answer.assessment) rated.set(answer.questionIndex, answer);
  return rated;
}

/** The engine's scores a question is rated on, or null while none of its answers is assessed. */
export function ratedScores(
  answers: readonly InterviewAnswerEntity[],
  questionIndex: number,
): Assessment['scores'] | null {
  const rated = ratedAnswers(answers).get(questionIndex);
  return rated?.assessment?.scores ?? null;
}
