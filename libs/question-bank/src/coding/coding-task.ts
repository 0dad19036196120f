import type { CodeLanguage } from '@mockroom/contracts';

/** Languages the sandbox runs directly; TypeScript is turned into JavaScript first. */
export type RunLanguage = 'javascript' | 'python';

/** One test: an input the harness hands to the candidate's code. Its expected output comes from the task's oracle. */
export interface CodingTestCase {
  name: string;
  input: unknown;
  hidden: boolean;
}

/**
 * A bank coding question made runnable: the statement and starter code the editor shows, the tests (examples shown,
 * hidden ones only counted), the oracle that gives each test's expected output, and reference solutions that CI runs
 * against all of them.
 */
export interface CodingTask {
  questionId: string;
  statement: string;
  /** The function or class the tests call; the same name in every language. */
  entry: string;
  languages: CodeLanguage[];
  starter: Partial<Record<CodeLanguage, string>>;
  /**
   * How the harness calls the entry with one test's input, per language the sandbox runs:
   * JavaScript, the body of `async (entry, input) => { … }`; Python, the body of `def call(entry, input):`.
   */
  call: Partial<Record<RunLanguage, string>>;
  tests: CodingTestCase[];
  /** The expected output of a test, computed from its input. */
  oracle(input: unknown): unknown;
  /** Whether an actual output matches the expected one; deep equality with a tolerance for numbers by default. */
  matches?(expected: unknown, actual: unknown): boolean;
  /** Known-good solutions, checked against every test in CI. */
  reference: Partial<Record<CodeLanguage, string>>;
}
