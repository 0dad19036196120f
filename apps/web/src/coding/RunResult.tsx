import type { CodeRunView, CodeTestResult } from '@mockroom/contracts';
import { CODE_LANGUAGE_LABELS } from '@mockroom/contracts';
import { clock } from '../shared/format';
import { Spinner } from '../shared/ui/Spinner';
import { isUnfinished, labelledTests, runSummary, testOutcome, verdictLabel, type TestOutcome } from './code-runs';
import './RunResult.css';

const ICONS: Record<TestOutcome, string> = { passed: '✓', failed: '✗', skipped: '–' };

function TestItem({ test, label }: { test: CodeTestResult; label: string }) {
  const outcome = testOutcome(test);
  const facts = !test.hidden && (test.input !== undefined || test.expected !== undefined || test.actual !== undefined);
  return (
    <li className={`run-test run-test--${outcome}`} data-outcome={outcome}>
      <p className="run-test__head">
        <span className="run-test__icon" aria-hidden="true">
          {ICONS[outcome]}
        </span>
        <span className="run-test__name">{label}:</span>
        <span className="run-test__outcome">{outcome}</span>
        {test.ms !== undefined && <span className="run-test__ms">{test.ms < 1 ? '<1' : Math.round(test.ms)} ms</span>}
      </p>
      {facts && (
        <dl className="code-facts">
          {test.input !== undefined && (
            <>
              <dt>Input</dt>
              <dd>
                <pre>{test.input}</pre>
              </dd>
            </>
          )}
          {test.expected !== undefined && (
            <>
              <dt>Expected</dt>
              <dd>
                <pre>{test.expected}</pre>
              </dd>
            </>
          )}
          {test.actual !== undefined && (
            <>
              <dt>Actual</dt>
              <dd>
                <pre>{test.actual}</pre>
              </dd>
            </>
          )}
        </dl>
      )}
      {test.error && <pre className="run-test__error">{test.error}</pre>}
    </li>
  );
}

/** A run's outcome: one line on how it went, each test, and what the program printed. */
export function RunResult({ run }: { run: CodeRunView }) {
  const unfinished = isUnfinished(run);
  const allPassed = run.status === 'done' && run.total > 0 && run.passed === run.total;
  const tone = unfinished ? 'pending' : allPassed ? 'passed' : 'failed';
  const verdict = run.verdict && run.verdict !== 'ok' ? verdictLabel(run.verdict) : null;
  const tests = labelledTests(run.tests);
  return (
    <section
      className="run-result"
      aria-label="Latest result"
      data-testid="code-result"
      data-status={run.status}
      data-kind={run.kind}
      data-passed={run.passed}
      data-total={run.total}
    >
      <p className="run-result__meta">
        {run.kind === 'submit' ? 'Submission' : 'Run'} at {clock(run.atMs)} · {CODE_LANGUAGE_LABELS[run.language]}
        {run.by === 'interviewer' && ' · by the interviewer'}
        {verdict && <span className="chip chip--warning">{verdict}</span>}
      </p>
      <p className={`run-result__summary run-result__summary--${tone}`}>
        {unfinished ? (
          <Spinner size="small" />
        ) : (
          <span className="run-result__icon" aria-hidden="true">
            {allPassed ? '✓' : '✗'}
          </span>
        )}
        <span>{runSummary(run)}</span>
      </p>
      {tests.length > 0 && (
        <ol className="run-result__tests" aria-label="Tests">
          {tests.map(({ test, label }, index) => (
            <TestItem key={index} test={test} label={label} />
          ))}
        </ol>
      )}
      {(run.stdout || run.stderr) && (
        <details className="run-result__output">
          <summary>Program output</summary>
          {run.stdout && (
            <>
              <p className="run-result__stream">stdout</p>
              <pre>{run.stdout}</pre>
            </>
          )}
          {run.stderr && (
            <>
              <p className="run-result__stream">stderr</p>
              <pre className="run-result__stderr">{run.stderr}</pre>
            </>
          )}
        </details>
      )}
    </section>
  );
}
