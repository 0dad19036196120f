import { useState, type FormEvent } from 'react';

export interface LinePointerProps {
  /** The line pointed at now, or null. */
  line: number | null;
  /** Lines in the code. */
  lines: number;
  disabled: boolean;
  /** Why the last pointing was refused. */
  error: string | null;
  /** Resolves true once the server took it. */
  onPoint(line: number | null): Promise<boolean>;
}

/** The interviewer points at a line of the candidate's code by number (the line numbers can be clicked too). */
export function LinePointer({ line, lines, disabled, error, onPoint }: LinePointerProps) {
  const [draft, setDraft] = useState('');
  const wanted = Number(draft);
  const valid = draft !== '' && Number.isInteger(wanted) && wanted >= 1 && wanted <= lines;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (valid && (await onPoint(wanted))) setDraft('');
  };

  return (
    <div className="code-pointer">
      <form className="code-pointer__form" onSubmit={(event) => void submit(event)}>
        <label className="code-pointer__label">
          <span>Point at line</span>
          <input
            className="input input--number code-pointer__input"
            type="number"
            inputMode="numeric"
            min={1}
            max={lines}
            value={draft}
            disabled={disabled}
            onChange={(event) => setDraft(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--secondary button--small" disabled={disabled || !valid}>
          Point
        </button>
        {line !== null && (
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={disabled}
            onClick={() => void onPoint(null)}
          >
            Stop pointing
          </button>
        )}
      </form>
      {line !== null && (
        <p className="code-panel__pointer" data-testid="code-pointer" role="status">
          You are pointing at line {line}: the candidate sees it highlighted.
        </p>
      )}
      {error && (
        <p className="form-alert code-panel__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
