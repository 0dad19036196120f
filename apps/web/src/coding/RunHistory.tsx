import type { CodeRunView } from '@mockroom/contracts';
import { clock } from '../shared/format';
import { isUnfinished, runScore } from './code-runs';

/** Earlier runs of the question, newest first: when on the interview's clock, which kind, how many tests passed. */
export function RunHistory({ runs }: { runs: CodeRunView[] }) {
  if (runs.length === 0) return null;
  return (
    <section className="run-history" aria-label="Earlier runs">
      <h3 className="run-history__title">Earlier runs</h3>
      <ol className="run-history__list">
        {runs.map((run) => {
          const allPassed = run.status === 'done' && run.total > 0 && run.passed === run.total;
          return (
            <li key={run.id} className="run-history__item" data-status={run.status}>
              <span className="run-history__time">{clock(run.atMs)}</span>
              <span>{run.kind === 'submit' ? 'Submit' : 'Run'}</span>
              <span className={allPassed ? 'run-history__score run-history__score--passed' : 'run-history__score'}>
                {!isUnfinished(run) && <span aria-hidden="true">{allPassed ? '✓ ' : '✗ '}</span>}
                {runScore(run)}
              </span>
              {run.by === 'interviewer' && <span className="run-history__by">interviewer</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
