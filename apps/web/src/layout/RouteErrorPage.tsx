import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Wordmark } from './Wordmark';

/** Last resort when a page fails to render: say so plainly and offer a way back. */
export function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : null;
  return (
    <div className="startup">
      <Wordmark />
      <div className="startup__error" role="alert">
        <h1 className="startup__title">This page hit a problem</h1>
        <p>Something went wrong while showing this page. Reloading usually fixes it.</p>
        {detail && <p className="startup__detail">{detail}</p>}
        <div className="state__actions">
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <a className="button button--secondary" href="/">
            Go to the home page
          </a>
        </div>
      </div>
    </div>
  );
}
