/** Coding rounds: the editor's task, runs of the candidate's code against the question's tests, and code snapshots. */

export type CodeLanguage = 'javascript' | 'typescript' | 'python';

export const CODE_LANGUAGES: readonly CodeLanguage[] = ['javascript', 'typescript', 'python'];

export const CODE_LANGUAGE_LABELS: Record<CodeLanguage, string> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  python: 'Python',
};

/** Largest program accepted for a run or a snapshot, in characters. */
export const MAX_CODE_CHARS = 64_000;

/** An example test as the candidate sees it: what goes in and what should come out, written as JSON. */
export interface CodeExample {
  name: string;
  input: string;
  expected: string;
}

/** What the editor shows for a coding question. Hidden tests are only counted. */
export interface CodingTaskView {
  questionId: string;
  /** The problem as the candidate reads it: what to write, its signature and its rules. */
  statement: string;
  /** The function or class the tests call. */
  entry: string;
  languages: CodeLanguage[];
  /** The code the editor opens with, per language. */
  starter: Partial<Record<CodeLanguage, string>>;
  examples: CodeExample[];
  hiddenCount: number;
}

export type CodeRunKind = 'run' | 'submit';

export type CodeRunStatus = 'queued' | 'running' | 'done' | 'failed';

/** How the program ended, as the sandbox saw it. */
export type CodeRunVerdict =
  | 'ok'
  | 'runtime-error'
  | 'compile-error'
  | 'timeout'
  | 'cpu-limit'
  | 'memory-limit'
  | 'output-limit'
  | 'killed'
  | 'unavailable';

/** One test of a run. A hidden test says only whether it passed and, when it failed, how. */
export interface CodeTestResult {
  name: string;
  hidden: boolean;
  passed: boolean;
  /** Not run: the program stopped before reaching it. */
  skipped?: boolean;
  input?: string;
  expected?: string;
  actual?: string;
  /** The exception the test raised, or why it was not run. */
  error?: string;
  ms?: number;
}

export interface CodeRunView {
  id: string;
  interviewId: string;
  questionId: string;
  kind: CodeRunKind;
  language: CodeLanguage;
  status: CodeRunStatus;
  verdict: CodeRunVerdict | null;
  /** One sentence on how the run went, for the candidate. */
  message: string | null;
  /** What the program printed itself (the test harness's lines removed), cut at the sandbox's limit. */
  stdout: string;
  stderr: string;
  tests: CodeTestResult[];
  passed: number;
  total: number;
  /** When it was asked for, on the interview's clock (ms since start), for the review's timeline. */
  atMs: number;
  /** The code that ran. */
  code: string;
  createdAt: string;
  finishedAt: string | null;
  /** Time from the request to the result. */
  durationMs: number | null;
  /** Who ran it. */
  by: 'candidate' | 'interviewer';
}

export interface CodeRunRequest {
  questionId: string;
  language: CodeLanguage;
  code: string;
  kind: CodeRunKind;
}

/**
 * A question's editor as a shared (Yjs) document: the whole of it as one update, and the copy it is (`epoch`). The
 * candidate's browser edits its copy and sends `code:sync` updates made on that epoch; a watcher applies the updates it
 * receives, or loads the update whole when the epoch changes.
 */
export interface CodeDocView {
  questionId: string;
  epoch: string;
  update: Uint8Array | ArrayBuffer;
  language: CodeLanguage | null;
}

/** An edit of a question's document (a Yjs update), made on copy `epoch`. */
export interface CodeSync {
  questionId: string;
  epoch: string;
  update: Uint8Array | ArrayBuffer;
}

/** Human sessions: the interviewer points at a line of the candidate's code (null: stops pointing). */
export interface CodePoint {
  questionId: string;
  line: number | null;
}

/** The editor's content at one moment, kept while the candidate types (once typing pauses), replayed in the review. */
export interface CodeSnapshot {
  questionId: string;
  language: CodeLanguage;
  code: string;
  /** On the interview's clock. */
  atMs: number;
}
