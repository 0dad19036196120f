/**
 * @mockroom/assessment: scores for one answer with evidence from the transcript, speech analytics,
 * the AI interviewer's follow-up policy, an optional LLM engine with an offline fallback, and the
 * evaluation harness. No database, no framework.
 */
export * from './types';
export {
  RubricEngine,
  OVERALL_WEIGHTS,
  CALIBRATION,
  overallOf,
  score10,
  normalizeQuestion,
  type RubricEngineOptions,
} from './rubric/rubric-engine';
export { LlmEngine, type LlmEngineOptions } from './llm/llm-engine';
export {
  LlmError,
  llmSettings,
  describeLlmError,
  DEFAULT_LLM_MODEL,
  DEFAULT_LLM_TIMEOUT_MS,
  DEFAULT_LLM_MAX_RETRIES,
  type LlmClientOptions,
  type LlmSettings,
} from './llm/llm-client';
export {
  createAssessmentEngine,
  assessmentOptionsFromEnv,
  describeAssessmentEngine,
  AssessmentConfigError,
  ENGINE_CHOICES,
  type AssessmentEngineOptions,
  type EngineChoice,
} from './engine-factory';
export { speechAnalytics, LONG_PAUSE_MS } from './analytics/speech-analytics';
export * from './interviewer';
export { heldOutAnswers, type HeldOutAnswer, type HeldOutKind } from './eval/held-out';
export {
  runScoringEval,
  formatEvalReport,
  labelledSet,
  VARIANTS,
  type EvalReport,
  type Variant,
} from './eval/eval-scoring';
export { toAnswerScores, toRubricJudgements, engineLabel } from './contracts-mapping';
export { sessionInsights, type QuestionOutcome, type OtherQuestion } from './review/session-insights';
export { agreementReport, interviewerOverall, type ScoredPair } from './agreement/agreement';
export { EXAMPLES_ONLY_CEILING, runThatCounts, TEST_WEIGHT, withCodeResults, type CodeRunOutcome } from './code/code-correctness';
