import type { ResumeProfile } from '@mockroom/contracts';

/** The shapes are the API's (contracts): what the parser gives is what the pages show. */
export type {
  ClaimKind,
  ClaimQuestion,
  JobProfile,
  JobSkill,
  RankedQuestion,
  ResumeClaim,
  ResumeProfile,
  ResumeProject,
  ResumeRole,
} from '@mockroom/contracts';

export type SuggestedRole = 'fullstack' | 'backend';
export type SuggestedLevel = 'mid' | 'senior';

export interface ParseResumeOptions {
  /** The month "present" means, 'YYYY-MM'; defaults to the current month. */
  asOf?: string;
}

export interface RankBankQuestionsOptions {
  limit?: number;
  profile?: ResumeProfile;
}

export interface ClaimQuestionsOptions {
  limit?: number;
  level?: SuggestedLevel;
}
