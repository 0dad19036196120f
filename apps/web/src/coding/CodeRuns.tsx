import type { CodeRunView } from '@mockroom/contracts';
import { RunHistory } from './RunHistory';
import { RunResult } from './RunResult';

/** Earlier runs listed under the latest result. */
const HISTORY_SIZE = 8;

/** Why the last run was refused, the latest result, and the runs before it (the question's, newest first). */
export function CodeRuns({ runs, runError }: { runs: CodeRunView[]; runError: string | null }) {
  const latest = runs[0] ?? null;
  return (
    <>
      {runError && (
        <p className="form-alert code-panel__error" role="alert">
          {runError}
        </p>
      )}
      {latest && <RunResult run={latest} />}
      <RunHistory runs={runs.slice(1, 1 + HISTORY_SIZE)} />
    </>
  );
}
