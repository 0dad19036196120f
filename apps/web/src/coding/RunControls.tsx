import type { CodeRunKind } from '@mockroom/contracts';
import { Spinner } from '../shared/ui/Spinner';

export interface RunControlsProps {
  canRun: boolean;
  busy: boolean;
  /** One line on what the buttons do now, or why they can't. */
  status: string;
  onRun(kind: CodeRunKind): void;
}

/** Run (the examples) and Submit (every test), with a word on where things stand. */
export function RunControls({ canRun, busy, status, onRun }: RunControlsProps) {
  return (
    <div className="code-panel__actions">
      <button
        type="button"
        className="button button--secondary button--small"
        data-testid="code-run"
        disabled={!canRun}
        onClick={() => onRun('run')}
      >
        Run
      </button>
      <button
        type="button"
        className="button button--primary button--small"
        data-testid="code-submit"
        disabled={!canRun}
        onClick={() => onRun('submit')}
      >
        Submit
      </button>
      <p className="code-panel__status" role="status" data-busy={busy}>
        {busy && <Spinner size="small" />}
        <span>{status}</span>
      </p>
    </div>
  );
}
