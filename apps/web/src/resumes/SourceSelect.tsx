import { useId, type ReactNode } from 'react';

/** A labelled select with a test id, for the other half of a tailored interview; its loading or error said below. */
export function SourceSelect({
  label,
  value,
  onChange,
  note,
  problem,
  onRetry,
  testId,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  note?: string;
  problem?: string;
  onRetry?: () => void;
  testId: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className={`field${problem ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        data-testid={testId}
        value={value}
        aria-describedby={note || problem ? `${id}-note` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
      {problem ? (
        <p className="field__error" id={`${id}-note`}>
          {problem}{' '}
          {onRetry && (
            <button type="button" className="button button--link" onClick={onRetry}>
              Try again
            </button>
          )}
        </p>
      ) : (
        note && (
          <p className="field__hint" id={`${id}-note`}>
            {note}
          </p>
        )
      )}
    </div>
  );
}
