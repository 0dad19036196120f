/**
 * LLM variants of the interviewer's utterance classifier and clarification reply, with the same client
 * and fallback rules as the LLM engine: on any failure the offline answer is used and the reason kept.
 */
import type { Level, Question } from '@mockroom/contracts';
import { completeJson, LlmError, llmSettings, type LlmClientOptions, type LlmSettings } from '../llm/llm-client';
import { classifyUtterance, type UtteranceKind } from './classify-utterance';
import { clarificationReply } from './replies';

export interface LlmCallOptions {
  /** Client options, or settings made once with `llmSettings` and shared. */
  llm: LlmClientOptions | LlmSettings;
  signal?: AbortSignal;
}

export interface LlmResult<T> {
  value: T;
  source: 'llm' | 'rules';
  fallbackReason?: string;
}

function settingsOf(llm: LlmClientOptions | LlmSettings): LlmSettings {
  return 'client' in llm ? llm : llmSettings(llm);
}

export { settingsOf as llmSettingsOf };

const KINDS: UtteranceKind[] = ['repeat', 'skip', 'clarify', 'answer'];

const CLASSIFY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: { kind: { type: 'string', enum: KINDS } },
};

const CLASSIFY_SYSTEM = [
  'You classify what a candidate said at the start of their turn in a spoken mock interview (speech-recognition text: lower case, no punctuation, occasional wrong words).',
  'repeat: asks to hear the question again ("say that again", "sorry what was the question").',
  'skip: asks to skip or move on ("can we skip this one", "pass", "I\'d rather move on").',
  'clarify: a short clarifying question about the task ("can I assume a single region", "how many users are we talking about").',
  'answer: anything else, including long answers that merely contain such words.',
  'Reply with JSON: {"kind": "repeat" | "skip" | "clarify" | "answer"}.',
].join('\n');

export async function classifyUtteranceWithLlm(
  text: string,
  options: LlmCallOptions,
): Promise<LlmResult<UtteranceKind>> {
  try {
    const json = await completeJson(settingsOf(options.llm), {
      system: CLASSIFY_SYSTEM,
      user: `Utterance: <<<${text.slice(0, 2000)}>>>`,
      schemaName: 'utterance_kind',
      schema: CLASSIFY_SCHEMA,
      maxTokens: 20,
      signal: options.signal,
    });
    const kind = (json as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !KINDS.includes(kind as UtteranceKind))
      throw new LlmError(`schema violation: kind must be one of ${KINDS.join(', ')}`);
    return { value: kind as UtteranceKind, source: 'llm' };
  } catch (err) {
    if (!(err instanceof LlmError)) throw err;
    return { value: classifyUtterance(text), source: 'rules', fallbackReason: err.reason };
  }
}

const REPLY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['reply'],
  properties: { reply: { type: 'string' } },
};

export const REPLY_MAX_CHARS = 600;

export async function clarificationReplyWithLlm(
  question: Question,
  utterance: string,
  options: LlmCallOptions & { level?: Level },
): Promise<LlmResult<string>> {
  const level = options.level ?? question.levels[0] ?? 'mid';
  try {
    const json = await completeJson(settingsOf(options.llm), {
      system: [
        'You are the interviewer in a spoken mock interview. The candidate asked a clarifying question before answering.',
        'Reply in one or two short spoken sentences. Use the scenario details when they answer it; otherwise invite the candidate to state an assumption and carry on.',
        'Never give away the answer or the rubric. Pitch it to the level (senior: ask them to weigh trade-offs). Reply with JSON: {"reply": "..."}.',
      ].join('\n'),
      user: [
        `QUESTION (${question.category}, level ${level}): ${question.text}`,
        question.context ? `SCENARIO: ${question.context}` : null,
        `WHAT A STRONG ANSWER COVERS (do not reveal): ${question.rubric.map((p) => p.text).join('; ')}`,
        `CANDIDATE: <<<${utterance.slice(0, 1000)}>>>`,
      ]
        .filter(Boolean)
        .join('\n'),
      schemaName: 'clarification_reply',
      schema: REPLY_SCHEMA,
      maxTokens: 200,
      signal: options.signal,
    });
    const reply = (json as { reply?: unknown } | null)?.reply;
    if (typeof reply !== 'string' || reply.trim() === '' || reply.length > REPLY_MAX_CHARS)
      throw new LlmError('schema violation: reply must be a short non-empty string');
    return { value: reply.trim(), source: 'llm' };
  } catch (err) {
    if (!(err instanceof LlmError)) throw err;
    return { value: clarificationReply(question, utterance, level), source: 'rules', fallbackReason: err.reason };
  }
}
