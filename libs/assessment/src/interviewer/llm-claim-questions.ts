/**
 * The language model phrases the questions that probe a résumé's claims (and their follow-ups), through a JSON schema;
 * the templates' phrasing stays, with the reason, on any failure. The rubric and key terms stay the templates' own:
 * they are what the answer is scored on, and do not depend on wording.
 */
import type { Level, TailoredClaimQuestion } from '@mockroom/contracts';
import { completeJson, LlmError } from '../llm/llm-client';
import type { LlmCallOptions, LlmResult } from './llm-interviewer';
import { llmSettingsOf } from './llm-interviewer';

const QUESTION_MAX_CHARS = 300;
const FOLLOW_UP_MAX_CHARS = 200;

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['questions'],
  properties: {
    questions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['claimId', 'text', 'followUps'],
        properties: {
          claimId: { type: 'string' },
          text: { type: 'string' },
          followUps: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};

const SYSTEM = [
  'You are the interviewer in a spoken mock interview for a software engineering role.',
  'For each claim from the candidate’s résumé, write one question that asks them to back it up: how they did it, their own part, how the result was measured, the trade-offs, what went wrong. Quote the claim’s number or object briefly and naturally, in your own words; one or two spoken sentences ending with a question mark.',
  'Then up to two short follow-ups that dig into what an answer may leave vague. Never suggest the answer. Pitch it to the level (senior: decisions and trade-offs).',
  'Reply with JSON: {"questions": [{"claimId": "...", "text": "...", "followUps": ["..."]}]}, one entry per claim, same claimIds.',
].join('\n');

/** The claims' questions as the model phrased them, or the templates' (with why) when it failed. */
export async function phraseClaimQuestionsWithLlm(
  claims: TailoredClaimQuestion[],
  options: LlmCallOptions & { level: Level },
): Promise<LlmResult<TailoredClaimQuestion[]>> {
  if (!claims.length) return { value: claims, source: 'llm' };
  try {
    const json = await completeJson(llmSettingsOf(options.llm), {
      system: SYSTEM,
      user: [
        `LEVEL: ${options.level}`,
        ...claims.map(
          (c) =>
            `CLAIM ${c.claim.id}${c.claim.organisation ? ` (at ${c.claim.organisation})` : ''}: <<<${c.claim.text.slice(0, 400)}>>>`,
        ),
      ].join('\n'),
      schemaName: 'claim_questions',
      schema: SCHEMA,
      maxTokens: 250 * claims.length,
      signal: options.signal,
    });
    const given = (json as { questions?: unknown } | null)?.questions;
    if (!Array.isArray(given)) throw new LlmError('schema violation: questions must be a list');
    const byId = new Map<string, { text: string; followUps: string[] }>();
    for (const item of given as { claimId?: unknown; text?: unknown; followUps?: unknown }[]) {
      if (typeof item?.claimId !== 'string' || typeof item.text !== 'string') continue;
      const text = item.text.trim();
      const followUps = Array.isArray(item.followUps)
        ? item.followUps.filter((f): f is string => typeof f === 'string' && f.trim() !== '').map((f) => f.trim())
        : [];
      if (!text.endsWith('?') || text.length > QUESTION_MAX_CHARS) continue;
      if (followUps.some((f) => f.length > FOLLOW_UP_MAX_CHARS)) continue;
      byId.set(item.claimId, { text, followUps: followUps.slice(0, 2) });
    }
    const missing = claims.filter((c) => !byId.has(c.claim.id));
    if (missing.length)
      throw new LlmError(`schema violation: no usable question for ${missing.length} of ${claims.length} claims`);
    return {
      value: claims.map((c) => {
        const phrased = byId.get(c.claim.id)!;
        return { ...c, text: phrased.text, followUps: phrased.followUps.length ? phrased.followUps : c.followUps };
      }),
      source: 'llm',
    };
  } catch (err) {
    if (!(err instanceof LlmError)) throw err;
    return { value: claims, source: 'rules', fallbackReason: err.reason };
  }
}
