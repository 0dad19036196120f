/**
 * What the LLM engine asks the model for (a strict JSON schema) and the strict check of what comes
 * back: scores in range, every rubric point judged exactly once with a known id, quotes that really
 * occur in the transcript (offsets recomputed by searching; invented quotes dropped).
 */
import type { Question } from '@mockroom/contracts';
import { findQuote } from '../text/quotes';
import type { EvidenceSpan, RubricPointJudgement } from '../types';
import { LlmError } from './llm-client';

export const ASSESSMENT_SCHEMA_NAME = 'answer_assessment';

const SCORE_KEYS = ['relevance', 'depth', 'clarity', 'correctness'] as const;

export const ASSESSMENT_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: ['scores', 'reasons', 'rubric', 'mistakes', 'feedback', 'followUp'],
  properties: {
    scores: {
      type: 'object',
      additionalProperties: false,
      required: [...SCORE_KEYS],
      properties: Object.fromEntries(SCORE_KEYS.map((k) => [k, { type: 'number', description: '0 to 10' }])),
    },
    reasons: {
      type: 'object',
      additionalProperties: false,
      required: [...SCORE_KEYS],
      properties: Object.fromEntries(
        SCORE_KEYS.map((k) => [
          k,
          { type: 'string', description: 'One sentence citing a short verbatim quote from the transcript.' },
        ]),
      ),
    },
    rubric: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['pointId', 'covered', 'quote'],
        properties: {
          pointId: { type: 'string' },
          covered: { type: 'boolean' },
          quote: {
            type: ['string', 'null'],
            description: 'Verbatim words from the transcript that cover the point, or null.',
          },
        },
      },
    },
    mistakes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'quote'],
        properties: {
          text: { type: 'string', description: 'The common mistake, as listed, that the answer makes.' },
          quote: { type: ['string', 'null'] },
        },
      },
    },
    feedback: { type: 'string', description: 'Two or three sentences a coach would say.' },
    followUp: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['text', 'targetPointId'],
          properties: { text: { type: 'string' }, targetPointId: { type: ['string', 'null'] } },
        },
      ],
    },
  },
};

export interface ValidatedLlmAssessment {
  scores: { relevance: number; depth: number; clarity: number; correctness: number };
  reasons: { relevance: string; depth: string; clarity: string; correctness: string };
  rubric: RubricPointJudgement[];
  mistakes: { text: string; evidence: EvidenceSpan | null }[];
  feedback: string;
  followUp: { text: string; targetPointId: string | null } | null;
  /** Quotes the model gave that are not in the transcript (dropped). */
  droppedQuotes: number;
}

function violation(detail: string): never {
  throw new LlmError(`schema violation: ${detail}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Checks the model's JSON against the schema and the question; throws `LlmError("schema violation: ...")`. */
export function validateLlmAssessment(json: unknown, question: Question, transcript: string): ValidatedLlmAssessment {
  if (!isObject(json)) violation('the response is not an object');
  let droppedQuotes = 0;

  const scoresIn = json['scores'];
  if (!isObject(scoresIn)) violation('scores is missing');
  const scores = {} as ValidatedLlmAssessment['scores'];
  for (const k of SCORE_KEYS) {
    const v = scoresIn[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 10)
      violation(`scores.${k} must be a number from 0 to 10 (got ${JSON.stringify(v)})`);
    scores[k] = Math.round(v * 10) / 10;
  }

  const reasonsIn = json['reasons'];
  if (!isObject(reasonsIn)) violation('reasons is missing');
  const reasons = {} as ValidatedLlmAssessment['reasons'];
  for (const k of SCORE_KEYS) {
    const v = reasonsIn[k];
    if (typeof v !== 'string' || v.trim() === '') violation(`reasons.${k} must be a non-empty string`);
    reasons[k] = v.trim();
  }

  const rubricIn = json['rubric'];
  if (!Array.isArray(rubricIn)) violation('rubric must be an array');
  const byId = new Map<string, { covered: boolean; quote: string | null }>();
  const known = new Set(question.rubric.map((p) => p.id));
  for (const item of rubricIn) {
    if (!isObject(item)) violation('rubric items must be objects');
    const id = item['pointId'];
    if (typeof id !== 'string' || !known.has(id)) violation(`unknown rubric point ${JSON.stringify(id)}`);
    if (byId.has(id)) violation(`rubric point ${id} judged twice`);
    if (typeof item['covered'] !== 'boolean') violation(`rubric point ${id}: covered must be a boolean`);
    const quote = item['quote'];
    if (quote !== null && typeof quote !== 'string') violation(`rubric point ${id}: quote must be a string or null`);
    byId.set(id, { covered: item['covered'], quote });
  }
  const missing = question.rubric.filter((p) => !byId.has(p.id));
  if (missing.length > 0)
    violation(`rubric point${missing.length > 1 ? 's' : ''} ${missing.map((p) => p.id).join(', ')} not judged`);

  const rubric: RubricPointJudgement[] = question.rubric.map((p) => {
    const j = byId.get(p.id) as { covered: boolean; quote: string | null };
    const evidence = findQuote(transcript, j.quote);
    if (j.quote && !evidence) droppedQuotes++;
    // A point counts as covered only with words from the transcript to show for it.
    const covered = j.covered && evidence !== null;
    return {
      pointId: p.id,
      text: p.text,
      covered,
      evidence: covered ? evidence : null,
      confidence: covered ? 0.9 : j.covered ? 0.4 : 0.1,
    };
  });

  const mistakesIn = json['mistakes'];
  if (!Array.isArray(mistakesIn)) violation('mistakes must be an array');
  const listed = new Map(question.commonMistakes.map((m) => [normalize(m), m]));
  const mistakes: ValidatedLlmAssessment['mistakes'] = [];
  for (const item of mistakesIn) {
    if (!isObject(item) || typeof item['text'] !== 'string' || item['text'].trim() === '')
      violation('mistakes items need a text');
    const quote = item['quote'];
    if (quote !== null && typeof quote !== 'string') violation('mistakes quote must be a string or null');
    const evidence = findQuote(transcript, quote);
    if (quote && !evidence) droppedQuotes++;
    const text = item['text'].trim();
    const canonical =
      listed.get(normalize(text)) ??
      [...listed.values()].find((m) => normalize(m).startsWith(normalize(text).slice(0, 40)));
    // A mistake the question does not list needs a quote to stand on.
    if (!canonical && !evidence) continue;
    mistakes.push({ text: canonical ?? text, evidence });
  }

  const feedback = json['feedback'];
  if (typeof feedback !== 'string' || feedback.trim() === '') violation('feedback must be a non-empty string');

  const followUpIn = json['followUp'];
  let followUp: ValidatedLlmAssessment['followUp'] = null;
  if (followUpIn !== null) {
    if (!isObject(followUpIn) || typeof followUpIn['text'] !== 'string')
      violation('followUp must be null or an object with text');
    const target = followUpIn['targetPointId'];
    if (target !== null && typeof target !== 'string') violation('followUp.targetPointId must be a string or null');
    const text = followUpIn['text'].trim();
    if (text) followUp = { text, targetPointId: typeof target === 'string' && known.has(target) ? target : null };
  }

  return { scores, reasons, rubric, mistakes, feedback: feedback.trim(), followUp, droppedQuotes };
}
