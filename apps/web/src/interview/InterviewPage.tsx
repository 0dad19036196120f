import { Link, useParams } from 'react-router';
import { interviewsApi } from '../api/endpoints';
import { useResource } from '../api/use-resource';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { SkeletonArticle } from '../ui/Skeleton';
import { useDocumentTitle } from '../ui/use-document-title';
import { InterviewRoom } from './room/InterviewRoom';
import { InterviewSummaryView } from './summary/InterviewSummaryView';

/** `/interviews/:id`: the live room while the interview runs, its summary once it is over. */
export function InterviewPage() {
  const { id = '' } = useParams();
  const interview = useResource(`interview:${id}`, (signal) => interviewsApi.get(id, signal));

  if (interview.status === 'error') return <InterviewLoadError status={interview.error.status} message={interview.error.message} onRetry={interview.reload} />;
  if (interview.status === 'loading') {
    return (
      <div className="page page--reading">
        <PageTitle title="Loading interview" />
        <SkeletonArticle label="Loading the interview…" />
      </div>
    );
  }
  const { status } = interview.data.interview;
  if (status === 'completed' || status === 'abandoned') return <InterviewSummaryView snapshot={interview.data} />;
  return <InterviewRoom key={id} initial={interview.data} />;
}

/** `/interviews/:id/summary`: the summary on its own (an unfinished interview links back to its room). */
export function InterviewSummaryPage() {
  const { id = '' } = useParams();
  const interview = useResource(`interview:${id}`, (signal) => interviewsApi.get(id, signal));

  if (interview.status === 'error') return <InterviewLoadError status={interview.error.status} message={interview.error.message} onRetry={interview.reload} />;
  if (interview.status === 'loading') {
    return (
      <div className="page page--reading">
        <PageTitle title="Loading summary" />
        <SkeletonArticle label="Loading the summary…" />
      </div>
    );
  }
  const { status } = interview.data.interview;
  if (status === 'completed' || status === 'abandoned') return <InterviewSummaryView snapshot={interview.data} />;
  return (
    <div className="page page--narrow">
      <PageTitle title={interview.data.interview.title} />
      <h1 className="page__title">{interview.data.interview.title}</h1>
      <EmptyState
        title="This interview isn't finished yet"
        actions={
          <Link to={`/interviews/${id}`} className="button button--primary">
            {status === 'created' ? 'Go to the interview room' : 'Rejoin the interview'}
          </Link>
        }
      >
        <p>The summary appears once the interview ends.</p>
      </EmptyState>
    </div>
  );
}

/** Sets the tab's title from wherever it is rendered (a page's own title wins over its parent's this way). */
function PageTitle({ title }: { title: string }) {
  useDocumentTitle(title);
  return null;
}

function InterviewLoadError({ status, message, onRetry }: { status: number; message: string; onRetry: () => void }) {
  if (status === 404 || status === 403) {
    return (
      <div className="page page--narrow">
        <PageTitle title={status === 404 ? 'Interview not found' : 'Interview'} />
        <h1 className="page__title">{status === 404 ? 'Interview not found' : "You can't open this interview"}</h1>
        <EmptyState
          title={status === 404 ? "There's no interview at this address" : 'This interview belongs to someone else'}
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
      <ErrorState title="Couldn't load the interview" message={message} onRetry={onRetry}>
        <Link to="/interviews" className="button button--ghost">
          Back to history
        </Link>
      </ErrorState>
    </div>
  );
}
