import { Link } from 'react-router';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { useDocumentTitle } from './use-document-title';

/** Sets the tab's title from wherever it is rendered (a page's own title wins over its parent's this way). */
export function PageTitle({ title }: { title: string }) {
  useDocumentTitle(title);
  return null;
}

/** An interview (or its review) that could not be loaded: not found, not yours, or the server could not be reached. */
export function InterviewLoadError({
  status,
  message,
  onRetry,
  what = 'interview',
}: {
  status: number;
  message: string;
  onRetry: () => void;
  what?: 'interview' | 'review';
}) {
  if (status === 404 || status === 403) {
    return (
      <div className="page page--narrow">
        <PageTitle title={status === 404 ? 'Interview not found' : 'Interview'} />
        <h1 className="page__title">{status === 404 ? 'Interview not found' : "You can't open this interview"}</h1>
        <EmptyState
          title={
            status === 404
              ? "There's no interview at this address"
              : "It belongs to someone else and hasn't been shared with you"
          }
          actions={
            <>
              <Link to="/interviews" className="button button--primary">
                See your interviews
              </Link>
              <Link to="/interviews/new" className="button button--secondary">
                Start an interview
              </Link>
            </>
          }
        >
          <p>{message}</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <PageTitle title="Interview" />
      <ErrorState title={`Couldn't load the ${what}`} message={message} onRetry={onRetry}>
        <Link to="/interviews" className="button button--ghost">
          Back to history
        </Link>
      </ErrorState>
    </div>
  );
}
