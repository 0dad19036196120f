import { randomBytes } from 'node:crypto';
import type { CodeExample, CodeTestResult, CodingTaskView } from '@mockroom/contracts';
import type { CodingTask, RunLanguage } from './coding-task';
import { sameValue } from './same-value';

/** A program for the sandbox: files for its scratch folder and the one to run. */
export interface HarnessProgram {
  language: RunLanguage;
  files: Record<string, string>;
  entry: string;
  /** Marks the harness's own lines in the output, so a program cannot print a result of its own. */
  mark: string;
}

/** One test's outcome as the harness printed it. */
interface HarnessLine {
  i: number;
  ok: boolean;
  value?: unknown;
  error?: string;
  ms?: number;
}

const SHOWN_CHARS = 400;

/**
 * Wraps the candidate's code in a harness that calls the task's entry with every test's input and prints each result
 * on a line of its own behind a random mark. Only the inputs go into the sandbox: expected outputs stay outside, so
 * a program cannot read the hidden tests' answers.
 */
export function buildHarness(
  task: CodingTask,
  language: RunLanguage,
  code: string,
  testIndexes: number[],
): HarnessProgram {
  const mark = `@@result-${randomBytes(12).toString('hex')}@@`;
  const inputs = testIndexes.map((i) => task.tests[i].input);
  const body = task.call[language];
  if (body === undefined) throw new Error(`${task.questionId} has no ${language} harness`);
  if (language === 'javascript') {
    return {
      language,
      mark,
      entry: 'harness.js',
      files: {
        'solution.js': `${code}\n;module.exports = { entry: typeof ${task.entry} === 'undefined' ? undefined : ${task.entry} };\n`,
        'cases.json': JSON.stringify(inputs),
        'harness.js': jsHarness(mark, task.entry, body),
      },
    };
  }
  return {
    language,
    mark,
    entry: 'harness.py',
    files: {
      'solution.py': code,
      'cases.json': JSON.stringify(inputs),
      'harness.py': pyHarness(mark, task.entry, body),
    },
  };
}

function jsHarness(mark: string, entryName: string, body: string): string {
  return `'use strict';
const fs = require('fs');
const path = require('path');
const MARK = ${JSON.stringify(mark)};
const cases = JSON.parse(fs.readFileSync(path.join(__dirname, 'cases.json'), 'utf8'));
const emit = (line) => {
  let json;
  try { json = JSON.stringify(line); } catch { json = JSON.stringify({ i: line.i, ok: false, error: 'The result could not be written as JSON' }); }
  fs.writeSync(1, '\\n' + MARK + json + '\\n');
};
let loaded;
try {
  loaded = require('./solution.js');
} catch (e) {
  fs.writeSync(2, String((e && e.stack) || e) + '\\n');
  process.exit(1);
}
const entry = loaded.entry;
const call = async (entry, input) => {
${body}
};
(async () => {
  for (let i = 0; i < cases.length; i++) {
    const started = process.hrtime.bigint();
    try {
      if (entry === undefined) throw new ReferenceError(${JSON.stringify(`${entryName} is not defined`)});
      const value = await call(entry, cases[i]);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      emit({ i, ok: true, value: value === undefined ? null : value, ms });
    } catch (e) {
      emit({ i, ok: false, error: e instanceof Error ? e.name + ': ' + e.message : String(e) });
    }
  }
})().catch((e) => {
  fs.writeSync(2, String((e && e.stack) || e) + '\\n');
  process.exit(1);
});
`;
}

function pyHarness(mark: string, entryName: string, body: string): string {
  const indented = body
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return `import importlib.util, json, os, sys, time, traceback
MARK = ${JSON.stringify(mark)}
HERE = os.path.dirname(os.path.abspath(__file__))

def emit(line):
    try:
        text = json.dumps(line)
    except (TypeError, ValueError) as e:
        text = json.dumps({'i': line['i'], 'ok': False, 'error': 'The result could not be written as JSON: ' + str(e)})
    sys.stdout.write('\\n' + MARK + text + '\\n')
    sys.stdout.flush()

with open(os.path.join(HERE, 'cases.json')) as f:
    cases = json.load(f)
spec = importlib.util.spec_from_file_location('solution', os.path.join(HERE, 'solution.py'))
solution = importlib.util.module_from_spec(spec)
try:
    spec.loader.exec_module(solution)
except BaseException:
    traceback.print_exc()
    sys.exit(1)
entry = getattr(solution, ${JSON.stringify(entryName)}, None)

def call(entry, input):
${indented}

for i, case in enumerate(cases):
    started = time.perf_counter()
    try:
        if entry is None:
            raise NameError(${JSON.stringify(`name '${entryName}' is not defined`)})
        value = call(entry, case)
        emit({'i': i, 'ok': True, 'value': value, 'ms': (time.perf_counter() - started) * 1000})
    except Exception as e:
        emit({'i': i, 'ok': False, 'error': type(e).__name__ + ': ' + str(e)})
`;
}

/** The harness's lines out of a run's output, and what the program printed itself. */
export function readHarnessOutput(stdout: string, mark: string): { lines: Map<number, HarnessLine>; printed: string } {
  const lines = new Map<number, HarnessLine>();
  const pattern = new RegExp(`\\n${escapeRegExp(mark)}([^\\n]*)(\\n|$)`, 'g');
  const printed = stdout.replace(pattern, (_all, json: string) => {
    try {
      const line = JSON.parse(json) as HarnessLine;
      if (typeof line.i === 'number') lines.set(line.i, line);
    } catch {
      // A line cut by the output limit: its test counts as not run.
    }
    return '';
  });
  return { lines, printed };
}

/**
 * Each test's outcome: passed when the harness printed a value that matches the oracle's. A test the program never
 * reached (it stopped first) is marked skipped with the reason. Hidden tests keep their inputs and outputs to themselves.
 */
export function judgeTests(
  task: CodingTask,
  testIndexes: number[],
  lines: Map<number, HarnessLine>,
  stoppedBecause: string | null,
): CodeTestResult[] {
  return testIndexes.map((testIndex, i) => {
    const test = task.tests[testIndex];
    const line = lines.get(i);
    const expected = expectedOf(task, testIndex);
    const shown = test.hidden ? {} : { input: show(test.input), expected: show(expected) };
    if (!line) {
      return {
        name: test.name,
        hidden: test.hidden,
        passed: false,
        skipped: true,
        error: stoppedBecause ?? 'Not run.',
        ...shown,
      };
    }
    if (!line.ok) {
      return { name: test.name, hidden: test.hidden, passed: false, error: clip(line.error ?? 'Failed.'), ...shown };
    }
    const passed = (task.matches ?? sameValue)(expected, line.value);
    return {
      name: test.name,
      hidden: test.hidden,
      passed,
      ms: line.ms === undefined ? undefined : Math.round(line.ms * 10) / 10,
      ...shown,
      ...(test.hidden ? {} : { actual: show(line.value) }),
    };
  });
}

const expectations = new WeakMap<CodingTask, Map<number, unknown>>();

/** A test's expected output, computed once: some oracles take a moment on large inputs. */
export function expectedOf(task: CodingTask, testIndex: number): unknown {
  let known = expectations.get(task);
  if (!known) expectations.set(task, (known = new Map()));
  if (!known.has(testIndex)) known.set(testIndex, task.oracle(task.tests[testIndex].input));
  return known.get(testIndex);
}

/** The editor's view of a task: no hidden test, no oracle, no reference solution. */
export function toTaskView(task: CodingTask): CodingTaskView {
  const examples: CodeExample[] = task.tests
    .filter((t) => !t.hidden)
    .map((t) => ({ name: t.name, input: show(t.input), expected: show(expectedOf(task, task.tests.indexOf(t))) }));
  return {
    questionId: task.questionId,
    statement: task.statement,
    entry: task.entry,
    languages: [...task.languages],
    starter: { ...task.starter },
    examples,
    hiddenCount: task.tests.filter((t) => t.hidden).length,
  };
}

/** Indexes of the tests a run covers: the examples for "Run", all of them for "Submit". */
export function testsFor(task: CodingTask, kind: 'run' | 'submit'): number[] {
  return task.tests.flatMap((t, i) => (kind === 'submit' || !t.hidden ? [i] : []));
}

function show(value: unknown): string {
  return clip(JSON.stringify(value) ?? 'undefined');
}

function clip(text: string): string {
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
