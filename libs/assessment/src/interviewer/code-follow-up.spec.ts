import { codeFollowUp, type CodeRunSummary } from './code-follow-up';

const STARTER = 'function parseQuery(query) {\n  return {};\n}\n';
const CODE = `function parseQuery(query) {
  const out = new Map();
  for (const token of query.split('&')) {
    try { out.set(decodeURIComponent(token), 1); } catch { out.set(token, 1); }
  }
  return Object.fromEntries(out);
}`;

function runOf(tests: CodeRunSummary['tests'], verdict = 'ok', kind: 'run' | 'submit' = 'run'): CodeRunSummary {
  return { kind, verdict, passed: tests.filter((t) => t.passed).length, total: tests.length, tests };
}

const pass = (name: string, hidden = false) => ({ name, hidden, passed: true });
const fail = (name: string, hidden = false) => ({ name, hidden, passed: false });

describe('the follow-up on a coding question', () => {
  const base = { starter: STARTER, transcript: '', asked: [] as string[] };

  it('asks for code when the editor is empty or still holds the starter', () => {
    expect(codeFollowUp({ ...base, code: null, lastRun: null })?.kind).toBe('write');
    expect(codeFollowUp({ ...base, code: `  ${STARTER}  `, lastRun: null })?.kind).toBe('write');
  });

  it('asks to run code that was never run', () => {
    expect(codeFollowUp({ ...base, code: CODE, lastRun: null })).toEqual({
      kind: 'run',
      text: 'Before we go on, could you run your code against the examples?',
    });
  });

  it('asks what happened when the last run did not finish', () => {
    const asked = codeFollowUp({ ...base, code: CODE, lastRun: runOf([], 'timeout') });
    expect(asked).toEqual({
      kind: 'stopped',
      text: 'Your last run did not finish: it ran out of time. What do you think happened?',
    });
  });

  it('names a failing example but never a hidden test', () => {
    const visible = codeFollowUp({
      ...base,
      code: CODE,
      lastRun: runOf([pass('repeated keys'), fail('empty values')]),
    });
    expect(visible?.text).toBe(
      'Your last run failed the example “empty values”. What does your code do with that input?',
    );
    const hidden = codeFollowUp({
      ...base,
      code: CODE,
      lastRun: runOf([pass('repeated keys'), fail('a malformed escape is kept', true)], 'ok', 'submit'),
    });
    expect(hidden?.kind).toBe('hidden');
    expect(hidden?.text).not.toContain('malformed');
  });

  it('asks for the complexity of a passing solution unless the candidate gave it', () => {
    const lastRun = runOf([pass('a'), pass('b', true)], 'ok', 'submit');
    expect(codeFollowUp({ ...base, code: CODE, lastRun })?.kind).toBe('complexity');
    const explained = codeFollowUp({
      ...base,
      code: CODE,
      lastRun,
      transcript: 'it is linear in the length of the string: one pass over the tokens, each decoded, into a map',
    });
    // Complexity given, the map and the decoding named: the error handling was not explained.
    expect(explained).toEqual({ kind: 'choice', text: 'You used error handling there. Why that choice?' });
  });

  it('asks about each unexplained choice once, then has nothing more to ask', () => {
    const lastRun = runOf([pass('a'), pass('b', true)], 'ok', 'submit');
    const asked: string[] = [];
    const kinds: string[] = [];
    for (;;) {
      const next = codeFollowUp({ ...base, code: CODE, lastRun, asked });
      if (!next) break;
      asked.push(next.text);
      kinds.push(next.kind);
    }
    expect(kinds).toEqual(['complexity', 'choice', 'choice', 'choice']);
    expect(asked.slice(1)).toEqual([
      'You used a map there. Why that choice?',
      'You used the standard decoder there. Why that choice?',
      'You used error handling there. Why that choice?',
    ]);
  });

  it('suggests submitting once the examples pass and nothing else is open', () => {
    const next = codeFollowUp({
      ...base,
      code: 'function parseQuery(q) { return q; }',
      lastRun: runOf([pass('a'), pass('b')]),
      transcript: 'constant time, it returns the input',
    });
    expect(next?.text).toBe('The examples pass. Would you submit it against the hidden tests too?');
  });
});
