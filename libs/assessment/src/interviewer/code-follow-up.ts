/**
 * The interviewer's follow-up on a coding question, from the code as well as the words: a candidate who has not
 * written or run anything is asked to; a failing run is asked about (a visible test by name, a hidden one without
 * giving it away); a passing solution is asked for its complexity, then for a choice in the code the candidate did not
 * explain aloud. Deterministic; one follow-up of each kind per question.
 */

export interface CodeRunSummary {
  kind: 'run' | 'submit';
  /** How the program ended: 'ok' when it ran to the end, whatever its tests did. */
  verdict: string | null;
  passed: number;
  total: number;
  tests: { name: string; hidden: boolean; passed: boolean; skipped?: boolean }[];
}

export interface CodeFollowUpInput {
  /** The editor's latest content, or null when nothing was written. */
  code: string | null;
  /** The code the editor opened with: left as it is, nothing was written. */
  starter: string | null;
  lastRun: CodeRunSummary | null;
  /** Everything the candidate said about this question so far. */
  transcript: string;
  /** Follow-ups already asked for this question. */
  asked: readonly string[];
}

export type CodeFollowUpKind = 'write' | 'run' | 'stopped' | 'failing' | 'hidden' | 'complexity' | 'choice';

export interface CodeFollowUp {
  kind: CodeFollowUpKind;
  text: string;
}

const STOPPED: Record<string, string> = {
  timeout: 'it ran out of time',
  'cpu-limit': 'it used up its CPU time',
  'memory-limit': 'it ran out of memory',
  'output-limit': 'it printed more than the limit',
  'runtime-error': 'it stopped with an error',
  'compile-error': 'it did not compile',
};

/** Words that show the candidate already talked about complexity. */
const COMPLEXITY_SAID =
  /\b(big o|o of|o\(|complexity|linear|quadratic|logarithmic|log n|log of n|n log n|constant time|constant space)\b/i;

/** Choices in code worth a "why", with what a candidate would say when explaining them. */
const CHOICES: { code: RegExp; name: string; said: RegExp }[] = [
  { code: /\bheapq\b|\bheap\b|\bHeap\b|PriorityQueue/, name: 'a heap', said: /\bheaps?\b|priority queue/i },
  { code: /\bdeque\b/, name: 'a deque', said: /\b(deque|deck|double.ended|queue)\b/i },
  {
    code: /\.sort\(|\bsorted\(/,
    name: 'a sort',
    said: /\bsort(ed|ing|s)?\b|\border(ed)? by\b/i,
  },
  {
    code: /\bnew Map\b|\bdefaultdict\b|\bdict\(|\bsetdefault\b/,
    name: 'a map',
    said: /\b(map|hash ?map|dictionary|dict|hash table|group(ed|ing)? by)\b/i,
  },
  {
    code: /\bdecodeURIComponent\b|\bunquote\b/,
    name: 'the standard decoder',
    said: /\b(decod(e|es|ed|ing)|standard library|unquote|url ?encod)/i,
  },
  {
    code: /\btry\b[\s\S]*\b(catch|except)\b/,
    name: 'error handling',
    said: /\b(try|catch|except|error|malformed|invalid)\b/i,
  },
];

export function codeFollowUp(input: CodeFollowUpInput): CodeFollowUp | null {
  const asked = new Set(input.asked);
  const offer = (kind: CodeFollowUpKind, text: string): CodeFollowUp | null =>
    asked.has(text) ? null : { kind, text };
  const written = input.code !== null && input.code.trim() !== '' && input.code.trim() !== input.starter?.trim();
  if (!written) return offer('write', 'Could you write that in the editor and run it against the examples?');
  const run = input.lastRun;
  if (!run) return offer('run', 'Before we go on, could you run your code against the examples?');
  if (run.verdict && run.verdict !== 'ok') {
    const how = STOPPED[run.verdict] ?? 'it stopped early';
    return offer('stopped', `Your last run did not finish: ${how}. What do you think happened?`);
  }
  const failedVisible = run.tests.find((t) => !t.passed && !t.hidden && !t.skipped);
  if (failedVisible)
    return offer(
      'failing',
      `Your last run failed the example “${failedVisible.name}”. What does your code do with that input?`,
    );
  if (run.tests.some((t) => !t.passed && t.hidden))
    return offer('hidden', 'One of the hidden tests fails. Which inputs might your code not handle yet?');
  const said = input.transcript;
  if (!COMPLEXITY_SAID.test(said)) {
    const asking = offer('complexity', 'What are the time and space complexity of your solution?');
    if (asking) return asking;
  }
  for (const choice of CHOICES) {
    if (choice.code.test(input.code!) && !choice.said.test(said)) {
      const asking = offer('choice', `You used ${choice.name} there. Why that choice?`);
      if (asking) return asking;
    }
  }
  if (run.kind === 'run' && run.passed === run.total)
    return offer('run', 'The examples pass. Would you submit it against the hidden tests too?');
  return null;
}
