import type { ReactNode } from 'react';

interface ErrorStateProps {
  title?: string;
  message: string;
  onRetry?: () => void;
  /** Extra actions, e.g. a link back. */
  children?: ReactNode;
}

/** Something failed to load: what happened, and what to do about it. */
export function ErrorState({ title = 'Something went wrong', message, onRetry, children }: ErrorStateProps) {
  return (
    <div className="state state--error" role="alert">
      <h2 className="state__title">{title}</h2>
      <p className="state__message">{message}</p>
      {(onRetry || children) && (
        <div className="state__actions">
          {onRetry && (
            <button type="button" className="button button--secondary" onClick={onRetry}>
              Try again
            </button>
          )}
          {children}
        </div>
      )}
    </div>
  );
}
