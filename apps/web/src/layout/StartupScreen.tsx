import './StartupScreen.css';
import type { ApiError } from '../shared/api/client';
import { Spinner } from '../shared/ui/Spinner';
import { Wordmark } from './Wordmark';

/** Shown while the session loads at start-up, or when the server can't be reached then. */
export function StartupScreen({ error, onRetry }: { error?: ApiError; onRetry?: () => void }) {
  return (
    <div className="startup">
      <Wordmark />
      {error ? (
        <div className="startup__error" role="alert">
          <h1 className="startup__title">Mockroom couldn't start</h1>
          <p>{error.message}</p>
          {onRetry && (
            <button type="button" className="button button--primary" onClick={onRetry}>
              Try again
            </button>
          )}
        </div>
      ) : (
        <Spinner label="Loading Mockroom…" />
      )}
    </div>
  );
}
