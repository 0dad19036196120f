/**
 * For tests of the evaluations with an LLM engine: a reply to the assessment request that passes the engine's schema
 * check for whatever question the request is about (its rubric point ids read back from the prompt).
 */
import type { RecordedRequest } from '../../llm/testing/fake-openai-server';

export function rubricPointIds(request: RecordedRequest): string[] {
  const messages = request.body['messages'] as { role: string; content: string }[];
  const user = messages.find((m) => m.role === 'user')?.content ?? '';
  const block = user.split('RUBRIC POINTS (id: text):\n')[1] ?? '';
  const ids: string[] = [];
  for (const line of block.split('\n')) {
    const m = /^- ([^:\s]+): /.exec(line);
    if (!m) break;
    ids.push(m[1]);
  }
  return ids;
}

export function judgeReply(
  request: RecordedRequest,
  scores: { relevance: number; depth: number; clarity: number; correctness: number },
): Record<string, unknown> {
  const reason = 'It answers the question.';
  return {
    scores,
    reasons: { relevance: reason, depth: reason, clarity: reason, correctness: reason },
    rubric: rubricPointIds(request).map((pointId) => ({ pointId, covered: false, quote: null })),
    mistakes: [],
    feedback: 'A fair start. Say more about the trade-offs.',
    followUp: null,
  };
}
