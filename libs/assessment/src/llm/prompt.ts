/**
 * The LLM engine's prompt: the question, level, rubric points with their ids, the reference answer or
 * framework, the common mistakes, the seed follow-ups, and the transcript.
 */
import type { Level, Question } from '@mockroom/contracts';

/** Reference material longer than this is cut (some sample answers run to 10,000 characters). */
export const REFERENCE_MAX_CHARS = 6_000;
export const TRANSCRIPT_MAX_CHARS = 12_000;

export const ASSESSMENT_SYSTEM_PROMPT = [
  'You are an experienced technical interviewer scoring one spoken answer from a mock interview for a fullstack or backend engineer.',
  'The transcript comes from speech recognition: it may be lower case, unpunctuated and contain a few misrecognised words; do not penalise that.',
  'Score relevance, depth, clarity and correctness from 0 to 10 (one decimal). Relevance: does it answer this question (an answer to a different question scores 3 or less).',
  'Depth: rubric coverage plus specifics, trade-offs, numbers and examples. Clarity: structure and sentences; a bare list of key terms scores low on clarity and depth.',
  'Correctness: covered points minus mistakes and contradictions. An empty or "I don\'t know" answer scores near 0 everywhere.',
  'For every rubric point give covered true/false and a short quote copied verbatim from the transcript (null when not covered). Never invent or paraphrase quotes.',
  'List only the common mistakes the answer actually makes, each with a verbatim quote when there is one.',
  'Each reason is one sentence citing a short verbatim quote. Feedback: two or three specific sentences a coach would say, naming a strength and the most valuable gap.',
  'followUp: the single most valuable follow-up question aimed at the biggest gap, preferring the listed seed follow-ups when one fits, never one already asked; pitched to the level (senior: trade-offs, scale, failure modes; mid: concrete how and why); null when nothing meaningful is missing.',
  'Reply with JSON only, following the schema.',
].join('\n');

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)} […cut]`;
}

export function assessmentUserPrompt(
  question: Question,
  transcript: string,
  level: Level,
  followUpsAsked: readonly string[],
): string {
  const reference = question.sampleAnswer ?? question.answerFramework ?? '';
  const lines = [
    `QUESTION (${question.category}, level: ${level}): ${question.text}`,
    question.context ? `CONTEXT: ${question.context}` : null,
    'RUBRIC POINTS (id: text):',
    ...question.rubric.map((p) => `- ${p.id}: ${p.text}`),
    reference
      ? `REFERENCE ANSWER (${question.sampleAnswer ? 'sample answer' : 'answer framework'}):\n${cut(reference, REFERENCE_MAX_CHARS)}`
      : null,
    question.commonMistakes.length
      ? `COMMON MISTAKES:\n${question.commonMistakes.map((m) => `- ${m}`).join('\n')}`
      : null,
    question.keyTerms.length ? `KEY TERMS: ${question.keyTerms.join(', ')}` : null,
    question.followUps.length ? `SEED FOLLOW-UPS:\n${question.followUps.map((f) => `- ${f}`).join('\n')}` : null,
    followUpsAsked.length
      ? `FOLLOW-UPS ALREADY ASKED (never repeat):\n${followUpsAsked.map((f) => `- ${f}`).join('\n')}`
      : null,
    `TRANSCRIPT OF THE CANDIDATE'S ANSWER (between the markers):\n<<<\n${cut(transcript, TRANSCRIPT_MAX_CHARS)}\n>>>`,
  ];
  return lines.filter((l): l is string => l !== null).join('\n');
}
