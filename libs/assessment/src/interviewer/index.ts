export {
  classifyUtterance,
  normalizeUtterance,
  REQUEST_MAX_WORDS,
  CLARIFY_MAX_WORDS,
  type UtteranceKind,
} from './classify-utterance';
export { codeFollowUp, type CodeFollowUp, type CodeFollowUpInput, type CodeRunSummary } from './code-follow-up';
export {
  decideNext,
  GAP_THRESHOLD,
  MIN_RELEVANCE_FOR_FOLLOW_UP,
  MIN_OVERALL_FOR_FOLLOW_UP,
  type DecideNextInput,
  type NextStep,
} from './decide-next';
export {
  clarificationReply,
  clarificationTopic,
  CLOSING_LINE,
  expectedMinutes,
  openingLine,
  repeatText,
  skipReply,
  transitionText,
} from './replies';
export {
  classifyUtteranceWithLlm,
  clarificationReplyWithLlm,
  REPLY_MAX_CHARS,
  type LlmCallOptions,
  type LlmResult,
} from './llm-interviewer';
export { resumePoint, type PromptResume } from './resume-prompt';
export {
  asksForTime,
  decideTurnEnd,
  describeAnswerEnding,
  DONE_WAIT_MS,
  LIKELY_DONE_WAIT_MS,
  QUICK_WAITS_MS,
  quickWaitMs,
  ASKED_FOR_TIME_MAX_MS,
  type TurnEndDecision,
  type TurnEndInput,
} from './turn-end';
export {
  answerBudgetMs,
  decideInterjection,
  DEFAULT_ANSWER_BUDGET_SECONDS,
  OFF_TOPIC_MAX_RELEVANCE,
  OFF_TOPIC_MIN_WORDS,
  redirectText,
  type Interjection,
  type InterjectionInput,
} from './interjection';
export { phraseClaimQuestionsWithLlm } from './llm-claim-questions';
