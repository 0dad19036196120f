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
