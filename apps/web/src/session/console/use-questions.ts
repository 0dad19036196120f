import type { Question } from '@mockroom/contracts';
import { questionBankApi } from '../../shared/api/endpoints';
import { useResource } from '../../shared/api/use-resource';

/**
 * The bank's questions of a session, in plan order (null where one could not be loaded): their text, category,
 * rubric and follow-ups, so the console can show a question before it is asked.
 */
export function usePlanQuestions(questionIds: readonly string[]): (Question | null)[] | undefined {
  const key = questionIds.length ? `plan-questions:${questionIds.join(',')}` : null;
  const questions = useResource(key, async (signal) => {
    const settled = await Promise.allSettled(questionIds.map((id) => questionBankApi.get(id, signal)));
    return settled.map((result) => (result.status === 'fulfilled' ? result.value : null));
  });
  return questions.data;
}
