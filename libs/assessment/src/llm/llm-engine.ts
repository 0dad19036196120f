/**
 * The LLM engine: the OpenAI SDK against any OpenAI-compatible server, a strict JSON schema, temperature
 * 0, a deadline. Whatever goes wrong (timeout, 429, 5xx, network, malformed JSON, a schema violation)
 * the answer is scored by the rubric engine instead and the result says so (`engine.fallbackFrom`,
 * `engine.fallbackReason`): never a silent made-up score. Speech analytics, key terms and STAR are
 * always computed locally.
 */
import type { Level } from '@mockroom/contracts';
import { overallOf, normalizeQuestion, RubricEngine } from '../rubric/rubric-engine';
import type { Assessment, AssessmentEngine, AssessmentInput, AssessOptions, FollowUp } from '../types';
import { ASSESSMENT_JSON_SCHEMA, ASSESSMENT_SCHEMA_NAME, validateLlmAssessment } from './assessment-schema';
import { completeJson, LlmError, llmSettings, type LlmClientOptions, type LlmSettings } from './llm-client';
import { ASSESSMENT_SYSTEM_PROMPT, assessmentUserPrompt } from './prompt';

export interface LlmEngineOptions extends LlmClientOptions {
  /** The engine to fall back to (and to compute the local parts with); a new rubric engine by default. */
  fallback?: RubricEngine;
  /** Called when the engine falls back (for logging). */
  onFallback?: (reason: string, input: AssessmentInput) => void;
}

export class LlmEngine implements AssessmentEngine {
  readonly name = 'llm';
  readonly kind = 'llm' as const;
  readonly model: string;
  private readonly settings: LlmSettings;
  private readonly fallback: RubricEngine;
  private readonly onFallback?: (reason: string, input: AssessmentInput) => void;

  constructor(options: LlmEngineOptions) {
    this.settings = llmSettings(options);
    this.model = this.settings.model;
    this.fallback = options.fallback ?? new RubricEngine();
    this.onFallback = options.onFallback;
  }

  get timeoutMs(): number {
    return this.settings.timeoutMs;
  }

  async assess(input: AssessmentInput, options: AssessOptions = {}): Promise<Assessment> {
    const local = this.fallback.localParts(input);
    if (local.words === 0) return this.fallBack(input, 'empty answer (scored offline, not sent to the model)');
    let json: unknown;
    try {
      json = await completeJson(this.settings, {
        system: ASSESSMENT_SYSTEM_PROMPT,
        user: assessmentUserPrompt(input.question, input.transcript, levelOf(input), input.followUpsAsked ?? []),
        schemaName: ASSESSMENT_SCHEMA_NAME,
        schema: ASSESSMENT_JSON_SCHEMA,
        signal: options.signal,
      });
    } catch (err) {
      if (err instanceof LlmError) return this.fallBack(input, err.reason);
      throw err; // the caller aborted
    }
    try {
      return this.toAssessment(input, json, local);
    } catch (err) {
      if (err instanceof LlmError) return this.fallBack(input, err.reason);
      throw err;
    }
  }

  private toAssessment(
    input: AssessmentInput,
    json: unknown,
    local: ReturnType<RubricEngine['localParts']>,
  ): Assessment {
    const { question } = input;
    const v = validateLlmAssessment(json, question, input.transcript);
    const asked = new Set((input.followUpsAsked ?? []).map(normalizeQuestion));
    let followUp: FollowUp | null = null;
    if (v.followUp && !asked.has(normalizeQuestion(v.followUp.text))) {
      const seed = question.followUps.some((f) => normalizeQuestion(f) === normalizeQuestion(v.followUp?.text ?? ''));
      followUp = {
        text: v.followUp.text,
        source: seed ? 'seed' : 'generated',
        targetPointId: v.followUp.targetPointId,
      };
    } else if (v.followUp) {
      // The model repeated a follow-up already asked: choose one offline from its own judgements.
      followUp = this.fallback.followUpFor(
        question,
        v.rubric,
        levelOf(input),
        input.followUpsAsked ?? [],
        input.transcript,
      );
    }
    return {
      questionId: question.id,
      engine: { name: this.name, kind: this.kind, model: this.model },
      scores: { ...v.scores, overall: overallOf(v.scores) },
      reasons: v.reasons,
      rubric: v.rubric,
      commonMistakes: v.mistakes,
      keyTermsUsed: local.keyTermsUsed,
      star: local.star,
      analytics: local.analytics,
      feedback: v.feedback,
      followUp,
    };
  }

  private fallBack(input: AssessmentInput, reason: string): Assessment {
    this.onFallback?.(reason, input);
    const result = this.fallback.assessSync(input);
    return { ...result, engine: { ...result.engine, fallbackFrom: this.name, fallbackReason: reason } };
  }
}

function levelOf(input: AssessmentInput): Level {
  return input.level ?? input.question.levels[0] ?? 'mid';
}
