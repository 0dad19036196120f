/** Roles a question or track targets. */
export const ROLES = ['fullstack', 'backend'] as const;
export type Role = (typeof ROLES)[number];

/** Seniority levels. A question the source marks for every level lists all three. */
export const LEVELS = ['mid', 'senior', 'staff'] as const;
export type Level = (typeof LEVELS)[number];

export const CATEGORIES = [
  'technical',
  'coding',
  'system-design',
  'architecture',
  'databases',
  'api-design',
  'security',
  'performance',
  'reliability-operations',
  'frontend',
  'language-runtime',
  'behavioral',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  technical: 'Technical',
  coding: 'Coding',
  'system-design': 'System design',
  architecture: 'Architecture',
  databases: 'Databases',
  'api-design': 'API design',
  security: 'Security',
  performance: 'Performance',
  'reliability-operations': 'Reliability & operations',
  frontend: 'Frontend',
  'language-runtime': 'Language & runtime',
  behavioral: 'Behavioral',
};

/** One point a strong answer covers; ids are stable within a question (`<question-id>#<n>`). */
export interface RubricPoint {
  id: string;
  text: string;
}

export interface StarExample {
  situation: string;
  task: string;
  action: string;
  result: string;
}

export interface SourceScore {
  /** The score the source document gives its own sample answer. */
  score: number;
  outOf: number;
  reasons: string[];
}

export interface ReferenceSolution {
  language: string;
  code: string;
}

export interface QuestionSource {
  /** Seed file name, e.g. `000_a5a8750f6e535203.txt`. */
  document: string;
  /** The document's own title. */
  title: string;
  /** 1-based position of the question in its document. */
  position: number;
}

export interface Question {
  /** Stable slug, unique across the bank. */
  id: string;
  source: QuestionSource;
  role: Role;
  levels: Level[];
  /** The level as the source words it, e.g. "Mid-to-Senior (4-7 Years of Experience)". */
  levelLabel: string;
  category: Category;
  /** Difficulty as the source gives it ("High", "Very High"), or null. */
  difficulty: string | null;
  /** The question as an interviewer would ask it. */
  text: string;
  /** True when the source omits the question sentence and it was written from the framework and key points. */
  textDerived: boolean;
  /** Scenario details that follow the question (requirements, constraints), or null. */
  context: string | null;
  /** What a strong answer covers: the points an answer is scored against. */
  rubric: RubricPoint[];
  /** What interviewers look for, as the source states it. */
  interviewerSignals: string[];
  /** Why interviewers ask it, where the source says. */
  whyAsked: string | null;
  sampleAnswer: string | null;
  answerFramework: string | null;
  /** Step-by-step advice on how to answer, where given. */
  howToAnswer: string[];
  starExample: StarExample | null;
  followUps: string[];
  commonMistakes: string[];
  keyTerms: string[];
  sourceScore: SourceScore | null;
  referenceSolution: ReferenceSolution | null;
}

export type QuestionSummary = Pick<
  Question,
  'id' | 'role' | 'levels' | 'category' | 'difficulty' | 'text' | 'textDerived' | 'source'
> & { rubricSize: number };

export interface Track {
  id: string;
  name: string;
  description: string;
  role: Role;
  level: Level;
  /** Question ids in the order they are asked. */
  questionIds: string[];
  /** Suggested minutes for the whole interview. */
  durationMinutes: number;
}

export interface TrackDetail extends Track {
  questions: QuestionSummary[];
}

export interface QuestionBankInfo {
  version: string;
  questionCount: number;
  documents: { document: string; title: string; questionCount: number }[];
}

export interface QuestionQuery {
  q?: string;
  role?: Role;
  level?: Level;
  category?: Category;
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface QuestionFacets {
  roles: { value: Role; count: number }[];
  levels: { value: Level; count: number }[];
  categories: { value: Category; label: string; count: number }[];
}
