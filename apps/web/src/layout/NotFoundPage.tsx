import { Link } from 'react-router';
import { EmptyState } from '../shared/ui/EmptyState';
import { useDocumentTitle } from '../shared/ui/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="page page--narrow">
      <h1 className="page__title">Page not found</h1>
      <EmptyState
        title="There's nothing at this address"
        actions={
          <Link to="/" className="button button--primary">
            Go to the home page
          </Link>
        }
      >
        <p>The link may be mistyped, or the page may have moved.</p>
      </EmptyState>
    </div>
  );
}
