/** Interviews tailored to a résumé and a job description: what was understood of each, and the claims to probe. */

export type ResumeKind = 'pdf' | 'docx' | 'markdown' | 'text';

export interface ResumeRole {
  title: string;
  organisation: string | null;
  /** 'YYYY-MM' or 'YYYY'. */
  start: string | null;
  /** Null: present, or not given. */
  end: string | null;
  current: boolean;
  bullets: string[];
}

export type ClaimKind = 'impact' | 'ownership' | 'leadership' | 'delivery';

/** A statement of impact on the résumé ("cut p95 latency by 40%"), split into what was done, to what, and how much. */
export interface ResumeClaim {
  /** Stable: from the claim's text. */
  id: string;
  text: string;
  action: string;
  object: string | null;
  metric: string | null;
  organisation: string | null;
  roleTitle: string | null;
  skills: string[];
  kind: ClaimKind;
}

export interface ResumeProject {
  name: string;
  description: string;
  skills: string[];
}

export interface ResumeProfile {
  name: string | null;
  headline: string | null;
  email: string | null;
  roles: ResumeRole[];
  /** Canonical names ("PostgreSQL", "Kubernetes"). */
  skills: string[];
  projects: ResumeProject[];
  claims: ResumeClaim[];
  yearsOfExperience: number | null;
  suggestedRole: 'fullstack' | 'backend' | null;
  suggestedLevel: 'mid' | 'senior' | null;
  warnings: string[];
}

export interface JobSkill {
  name: string;
  /** How much the posting stresses it: in the title, in the requirements, repeated. */
  weight: number;
}

export interface JobProfile {
  title: string | null;
  role: 'fullstack' | 'backend' | null;
  level: 'mid' | 'senior' | null;
  skills: JobSkill[];
  /** Themes the posting stresses: "on-call", "scalability", "mentoring"… */
  themes: string[];
}

export interface RankedQuestion {
  questionId: string;
  score: number;
  /** Why it was chosen, in words: "the posting stresses Kafka and on-call". */
  reasons: string[];
}

/** A question that probes one of the résumé's claims, with what a well-backed answer covers. */
export interface ClaimQuestion {
  claimId: string;
  text: string;
  followUps: string[];
  rubric: { id: string; text: string }[];
  keyTerms: string[];
}

/** Largest résumé file accepted, in bytes. */
export const MAX_RESUME_BYTES = 5 * 1024 * 1024;
/** Largest job posting accepted, in characters. */
export const MAX_JOB_DESCRIPTION_CHARS = 20_000;

export interface ResumeSummary {
  id: string;
  fileName: string;
  kind: ResumeKind;
  byteSize: number;
  createdAt: string;
  /** The name and headline as understood (or corrected). */
  name: string | null;
  headline: string | null;
  skillCount: number;
  claimCount: number;
  /** The owner corrected what was understood. */
  edited: boolean;
  /** The owner agreed that it may be sent to the configured language model. */
  llmConsent: boolean;
}

export interface ResumeDetail extends ResumeSummary {
  /** What is used: the owner's corrections, or the profile as read. */
  profile: ResumeProfile;
  /** Interviews of the owner tailored to it. */
  interviewCount: number;
}

/** The owner's corrections of what was understood: each field given replaces the one read. */
export interface ResumeCorrection {
  name?: string | null;
  headline?: string | null;
  /** The skills, as they should read (added, renamed or removed). */
  skills?: string[];
  /** The claims to keep, in order, with their text as it should read (a changed text is read again). */
  claims?: { id: string; text: string }[];
  /** The roles as they should read, newest first: dates 'YYYY' or 'YYYY-MM', end null while current. */
  roles?: (Pick<ResumeRole, 'title' | 'organisation' | 'start' | 'end' | 'current'> & {
    /** Which role as read this one corrects (its bullets stay with it); null or absent for a new role. */
    from?: number | null;
  })[];
  /** The projects as they should read (their skills are read again from the words). */
  projects?: Pick<ResumeProject, 'name' | 'description'>[];
}

export interface JobDescriptionSummary {
  id: string;
  title: string | null;
  createdAt: string;
  role: 'fullstack' | 'backend' | null;
  level: 'mid' | 'senior' | null;
  /** The skills the posting stresses most, strongest first. */
  topSkills: string[];
}

export interface JobDescriptionDetail extends JobDescriptionSummary {
  text: string;
  profile: JobProfile;
  /** The bank questions it calls for, best first, with why. */
  ranked: { questionId: string; text: string; category: string; reasons: string[] }[];
  interviewCount: number;
}

export interface CreateJobDescriptionRequest {
  text: string;
  title?: string;
}

/** How the refusal of an upload reads, beside its HTTP status. */
export type ResumeRefusal =
  | 'too-large'
  | 'empty'
  | 'unsupported-type'
  | 'encrypted'
  | 'no-text'
  | 'malformed'
  | 'active-content'
  | 'too-slow'
  | 'too-much-text';
