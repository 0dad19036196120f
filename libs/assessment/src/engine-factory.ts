/**
 * Choosing the engine. `assessmentOptionsFromEnv` is the only code in this library that reads the
 * environment; everything else takes options.
 */
import { ASSESSMENT_ENGINES, type Question } from '@mockroom/contracts';
import { DEFAULT_LLM_MODEL, DEFAULT_LLM_TIMEOUT_MS } from './llm/llm-client';
import { LlmEngine } from './llm/llm-engine';
import { RubricEngine } from './rubric/rubric-engine';
import type { AssessmentEngine, AssessmentInput } from './types';

export const ENGINE_CHOICES = ['auto', ...ASSESSMENT_ENGINES] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

export interface AssessmentEngineOptions {
  /** auto (default): the LLM engine when an API key is set, else the rubric engine. */
  engine?: EngineChoice;
  apiKey?: string;
  baseURL?: string;
  model?: string;
  timeoutMs?: number;
  maxRetries?: number;
  /** The questions the rubric engine judges relevance against (default: the bank). */
  questions?: readonly Question[];
  /** Share one rubric engine (and its per-question cache) between engines. */
  rubricEngine?: RubricEngine;
  onFallback?: (reason: string, input: AssessmentInput) => void;
}

export class AssessmentConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssessmentConfigError';
  }
}

/** The LLM engine when an API key (or, with ASSESSMENT_ENGINE=llm, a base URL) is given; else the rubric engine. */
export function createAssessmentEngine(options: AssessmentEngineOptions = {}): AssessmentEngine {
  const choice = options.engine ?? 'auto';
  const rubric = options.rubricEngine ?? new RubricEngine({ questions: options.questions });
  if (choice === 'rubric') return rubric;
  const hasKey = Boolean(options.apiKey);
  if (choice === 'llm' && !hasKey && !options.baseURL) {
    throw new AssessmentConfigError(
      'ASSESSMENT_ENGINE=llm needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server)',
    );
  }
  if (choice === 'llm' || hasKey) {
    return new LlmEngine({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      model: options.model,
      timeoutMs: options.timeoutMs,
      maxRetries: options.maxRetries,
      fallback: rubric,
      onFallback: options.onFallback,
    });
  }
  return rubric;
}

function value(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/**
 * Maps OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ASSESSMENT_MODEL, ASSESSMENT_ENGINE (auto|rubric|llm)
 * and ASSESSMENT_TIMEOUT_MS to engine options. Throws `AssessmentConfigError` on invalid values.
 */
export function assessmentOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): AssessmentEngineOptions {
  const engine = (value(env, 'ASSESSMENT_ENGINE') ?? 'auto').toLowerCase();
  if (!(ENGINE_CHOICES as readonly string[]).includes(engine)) {
    throw new AssessmentConfigError(`ASSESSMENT_ENGINE must be one of ${ENGINE_CHOICES.join(', ')} (got "${engine}")`);
  }
  const timeoutRaw = value(env, 'ASSESSMENT_TIMEOUT_MS');
  let timeoutMs: number | undefined;
  if (timeoutRaw !== undefined) {
    timeoutMs = Number(timeoutRaw);
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
      throw new AssessmentConfigError(
        `ASSESSMENT_TIMEOUT_MS must be a positive whole number of milliseconds (got "${timeoutRaw}")`,
      );
  }
  const baseURL = value(env, 'OPENAI_BASE_URL');
  if (baseURL !== undefined && !/^https?:\/\//i.test(baseURL))
    throw new AssessmentConfigError(`OPENAI_BASE_URL must be an http(s) URL (got "${baseURL}")`);
  return {
    engine: engine as EngineChoice,
    apiKey: value(env, 'OPENAI_API_KEY'),
    baseURL,
    model: value(env, 'OPENAI_ASSESSMENT_MODEL'),
    timeoutMs,
  };
}

/** How the chosen engine is described to people (e.g. the system page): "rubric (offline)" or "llm gpt-4o-mini via https://…". */
export function describeAssessmentEngine(options: AssessmentEngineOptions): {
  name: string;
  mode: 'offline' | 'external';
  detail: string;
} {
  const choice = options.engine ?? 'auto';
  const llm = choice === 'llm' || (choice === 'auto' && Boolean(options.apiKey));
  if (!llm) return { name: 'rubric', mode: 'offline', detail: 'offline rubric engine (deterministic, no network)' };
  const model = options.model ?? DEFAULT_LLM_MODEL;
  const where = options.baseURL ? ` via ${options.baseURL}` : '';
  return {
    name: 'llm',
    mode: 'external',
    detail: `${model}${where}, ${options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS} ms timeout, falls back to the rubric engine`,
  };
}
