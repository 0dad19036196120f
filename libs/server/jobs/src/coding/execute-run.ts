import type { CodeLanguage, CodeRunKind, CodeRunVerdict, CodeTestResult } from '@mockroom/contracts';
import { buildHarness, judgeTests, readHarnessOutput, testsFor, type CodingTask } from '@mockroom/question-bank';
import type { CodeRunOutcome } from '@mockroom/server-database';
import type { CodeSandbox, SandboxResult } from '@mockroom/server-sandbox';
import ts from 'typescript';

/** Output a harness run may print: its own result lines included. */
const HARNESS_OUTPUT_BYTES = 2 * 1024 * 1024;

/** Output kept of what the program printed itself, per stream. */
const KEPT_OUTPUT_CHARS = 16_000;

/** ES module syntax in a JavaScript answer: it is turned into CommonJS, as TypeScript always is. */
const MODULE_SYNTAX = /^\s*(import\s[^(]|export\s)/m;

/**
 * Runs a candidate's program against a task's tests in the sandbox: TypeScript (and JavaScript written as a module) is
 * transpiled first, a syntax error being the run's result; the harness calls the entry with each test's input; the
 * outputs are judged outside the sandbox, where the expected answers are.
 */
export async function executeRun(
  sandbox: CodeSandbox,
  task: CodingTask,
  request: { language: CodeLanguage; code: string; kind: CodeRunKind },
): Promise<CodeRunOutcome> {
  const indexes = testsFor(task, request.kind);
  let source = request.code;
  if (request.language === 'typescript' || (request.language === 'javascript' && MODULE_SYNTAX.test(source))) {
    const compiled = transpile(source, request.language);
    if ('error' in compiled) {
      const tests = judgeTests(task, indexes, new Map(), 'The program did not compile.');
      return { verdict: 'compile-error', message: compiled.error, stdout: '', stderr: compiled.error, tests };
    }
    source = compiled.code;
  }
  const runLanguage = request.language === 'python' ? 'python' : 'javascript';
  const program = buildHarness(task, runLanguage, source, indexes);
  const result = await sandbox.run({
    language: runLanguage,
    files: program.files,
    entry: program.entry,
    // The harness prints every test's result: large inputs give large outputs (50,000 medians).
    limits: { outputBytes: HARNESS_OUTPUT_BYTES },
  });
  const { lines, printed } = readHarnessOutput(result.stdout, program.mark);
  const stopped = result.verdict === 'ok' ? 'Not run.' : result.message;
  const tests = judgeTests(task, indexes, lines, stopped);
  const verdict: CodeRunVerdict = result.verdict;
  return {
    verdict,
    message: summary(verdict, result, tests, request.kind),
    stdout: keep(printed),
    stderr: keep(result.stderr),
    tests,
  };
}

function transpile(code: string, language: CodeLanguage): { code: string } | { error: string } {
  const output = ts.transpileModule(code, {
    fileName: language === 'typescript' ? 'solution.ts' : 'solution.js',
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      allowJs: true,
      // Keeps the candidate's line numbers in stack traces close to the editor's.
      removeComments: false,
    },
  });
  const errors = (output.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length === 0) return { code: output.outputText };
  const first = errors[0];
  const where =
    first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start) : undefined;
  const text = ts.flattenDiagnosticMessageText(first.messageText, '\n');
  return { error: where ? `Line ${where.line + 1}, column ${where.character + 1}: ${text}` : text };
}

/** One sentence on the run for the candidate. */
function summary(verdict: CodeRunVerdict, result: SandboxResult, tests: CodeTestResult[], kind: CodeRunKind): string {
  const passed = tests.filter((t) => t.passed).length;
  const which = kind === 'run' ? 'example tests' : 'tests';
  const count = `${passed} of ${tests.length} ${which} passed`;
  if (verdict === 'ok') return passed === tests.length ? `All ${tests.length} ${which} passed.` : `${count}.`;
  if (verdict === 'runtime-error' && tests.every((t) => t.skipped)) {
    const last = result.stderr.trim().split('\n').filter(Boolean).at(-1) ?? 'it exited with an error';
    return `The program stopped before the tests: ${last}`;
  }
  return `${result.message} ${count}.`;
}

function keep(text: string): string {
  return text.length > KEPT_OUTPUT_CHARS ? `${text.slice(0, KEPT_OUTPUT_CHARS)}\n… (cut)` : text;
}
