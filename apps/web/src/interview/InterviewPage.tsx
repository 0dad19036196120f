import type { InterviewSnapshot } from '@mockroom/contracts';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { interviewsApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { EmptyState } from '../shared/ui/EmptyState';
import { SkeletonArticle } from '../shared/ui/Skeleton';
import { InterviewLoadError, PageTitle } from '../shared/ui/InterviewLoadError';
import { InterviewRoom } from './room/InterviewRoom';
import { ReviewPage } from '../review';
import { useCurrentUser } from '../shared/auth/auth-context';
import { CandidateSessionRoom, InterviewerConsole } from '../session';

/** Loads one interview's snapshot, with the page's loading and error states; `render` gets the loaded snapshot. */
function LoadedInterview({ loading, render }: { loading: string; render: (snapshot: InterviewSnapshot) => ReactNode }) {
  const { id = '' } = useParams();
  const interview = useResource(`interview:${id}`, (signal) => interviewsApi.get(id, signal));

  if (interview.status === 'error')
    return (
      <InterviewLoadError
        status={interview.error.status}
        message={interview.error.message}
        onRetry={interview.reload}
      />
    );
  if (interview.status === 'loading') {
    return (
      <div className="page page--reading">
        <PageTitle title={`Loading ${loading}`} />
        <SkeletonArticle label={`Loading the ${loading}…`} />
      </div>
    );
  }
  return <>{render(interview.data)}</>;
}

function isOver(snapshot: InterviewSnapshot): boolean {
  return snapshot.interview.status === 'completed' || snapshot.interview.status === 'abandoned';
}

/**
 * A running interview: the AI room; or, in a session run by a human interviewer, the interviewer's console for
 * anyone but the candidate (the server decides who may join) and the candidate's room for the candidate.
 */
function LiveInterview({ snapshot }: { snapshot: InterviewSnapshot }) {
  const user = useCurrentUser();
  const { interview } = snapshot;
  if (interview.interviewer.kind !== 'human') return <InterviewRoom key={interview.id} initial={snapshot} />;
  return interview.candidate?.id !== user.id ? (
    <InterviewerConsole key={interview.id} initial={snapshot} />
  ) : (
    <CandidateSessionRoom key={interview.id} initial={snapshot} />
  );
}

/** `/interviews/:id`: the live room while the interview runs, its summary once it is over. */
export function InterviewPage() {
  const { id = '' } = useParams();
  return (
    <LoadedInterview
      loading="interview"
      render={(snapshot) => (isOver(snapshot) ? <ReviewPage id={id} /> : <LiveInterview snapshot={snapshot} />)}
    />
  );
}

/** `/interviews/:id/review`: the review on its own (an unfinished interview links back to its room). */
export function InterviewReviewPage() {
  const { id = '' } = useParams();
  return (
    <LoadedInterview
      loading="review"
      render={(snapshot) =>
        isOver(snapshot) ? (
          <ReviewPage id={id} />
        ) : (
          <div className="page page--narrow">
            <PageTitle title={snapshot.interview.title} />
            <h1 className="page__title">{snapshot.interview.title}</h1>
            <EmptyState
              title="This interview isn't finished yet"
              actions={
                <Link to={`/interviews/${id}`} className="button button--primary">
                  {snapshot.interview.status === 'created' ? 'Go to the interview room' : 'Rejoin the interview'}
                </Link>
              }
            >
              <p>The review appears once the interview ends.</p>
            </EmptyState>
          </div>
        )
      }
    />
  );
}
