import { CODE_LANGUAGE_LABELS, type CodeRunView, type CodeTestResult } from '@mockroom/contracts';
import { labelTests, mmss, runOutcome, runSummary } from './replay';

const TEST_ICONS = { passed: '✓', failed: '✗', skipped: '–' } as const;

function testOutcome(test: CodeTestResult): keyof typeof TEST_ICONS {
  if (test.skipped) return 'skipped';
  return test.passed ? 'passed' : 'failed';
}

function Fact({ term, value }: { term: string; value: string | undefined }) {
  if (value === undefined) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>
        <pre>{value}</pre>
      </dd>
    </>
  );
}

/** One test: a visible one with what went in and out; a hidden one only passed or failed. */
function ReplayTest({ test, label }: { test: CodeTestResult; label: string }) {
  const outcome = testOutcome(test);
  return (
    <li className={`code-replay-test code-replay-test--${outcome}`} data-outcome={outcome} data-hidden={test.hidden}>
      <p className="code-replay-test__head">
        <span className="code-replay-test__icon" aria-hidden="true">
          {TEST_ICONS[outcome]}
        </span>
        <span className="code-replay-test__name">{label}:</span>
        <span className="code-replay-test__outcome">{outcome}</span>
      </p>
      {!test.hidden && (
        <>
          {(test.input !== undefined || test.expected !== undefined || test.actual !== undefined) && (
            <dl className="code-replay-test__facts">
              <Fact term="Input" value={test.input} />
              <Fact term="Expected" value={test.expected} />
              <Fact term="Actual" value={test.actual} />
            </dl>
          )}
          {test.error && <pre className="code-replay-test__error">{test.error}</pre>}
        </>
      )}
    </li>
  );
}

/** The last run at the replay's moment: how it went and each of its tests. */
export function ReplayRun({ run }: { run: CodeRunView }) {
  const outcome = runOutcome(run);
  return (
    <section
      className={`code-replay-run code-replay-run--${outcome}`}
      aria-label="Last run at this moment"
      data-testid="code-replay-run"
      data-run-id={run.id}
      data-kind={run.kind}
      data-passed={run.passed}
      data-total={run.total}
    >
      <p className="code-replay-run__meta">
        {run.kind === 'submit' ? 'Submission' : 'Run'} at {mmss(run.atMs)} · {CODE_LANGUAGE_LABELS[run.language]}
        {run.by === 'interviewer' && ' · by the interviewer'}
      </p>
      <p className="code-replay-run__summary">
        <span className="code-replay-run__icon" aria-hidden="true">
          {outcome === 'passed' ? '✓' : outcome === 'failed' ? '✗' : '…'}
        </span>
        <span>{runSummary(run)}</span>
      </p>
      {run.tests.length > 0 && (
        <ol className="code-replay-run__tests" aria-label="Tests">
          {labelTests(run.tests).map(({ test, label }, index) => (
            <ReplayTest key={index} test={test} label={label} />
          ))}
        </ol>
      )}
      {(run.stdout || run.stderr) && (
        <details className="review-details">
          <summary>Program output</summary>
          {run.stdout && <pre className="code-replay-run__stream">{run.stdout}</pre>}
          {run.stderr && <pre className="code-replay-run__stream code-replay-run__stream--error">{run.stderr}</pre>}
        </details>
      )}
    </section>
  );
}
