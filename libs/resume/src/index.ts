/**
 * @mockroom/resume: résumés and job postings → profiles, claim questions and a ranked plan of bank
 * questions. Pure and offline; deterministic for the same input (and `asOf` month).
 */
export * from './types';
export { parseResume } from './resume/parse-resume';
export { parseJobDescription } from './job/parse-job-description';
export { rankBankQuestions, DEFAULT_RANK_LIMIT } from './ranking/rank-bank-questions';
export { claimQuestions, DEFAULT_CLAIM_QUESTION_LIMIT } from './claims/claim-questions';
export {
  SkillLexicon,
  lexiconKey,
  listBankQuestions,
  type SkillEntry,
  type SkillMention,
} from './lexicon/skill-lexicon.matcher';
export { THEMES, THEME_LABELS, type ThemeDefinition } from './job/job-themes.data';
export type { SkillArea } from './lexicon/tech-lexicon.data';
export { claimId, extractClaim, type ClaimContext } from './claims/claim.parser';
export { correctProfile, CorrectionRefused, MAX_CLAIM_CHARS, MAX_CLAIMS, MAX_SKILLS } from './claims/correct-profile';
