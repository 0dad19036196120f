import type { InterviewSummary } from '@mockroom/contracts';
import { Link } from 'react-router';
import { interviewsApi } from '../api/endpoints';
import { useResource } from '../api/use-resource';
import { Chip } from '../ui/Chip';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { SkeletonCards } from '../ui/Skeleton';
import { useDocumentTitle } from '../ui/use-document-title';
import { elapsed, formatDate, score, STATUS_LABELS, STATUS_TONES } from './format';

/** `/interviews`: the candidate's interviews, newest first. */
export function InterviewsPage() {
  useDocumentTitle('Interviews');
  const interviews = useResource('interviews', (signal) => interviewsApi.list(signal));

  return (
    <div className="page">
      <header className="page__header page__header--with-action">
        <div className="page__header-text">
          <h1 className="page__title">Interviews</h1>
          <p className="page__lead">Every mock interview you've taken, with its score. Open one to see the answers and feedback.</p>
        </div>
        <Link to="/interviews/new" className="button button--primary">
          Start an interview
        </Link>
      </header>

      {interviews.status === 'error' ? (
        <ErrorState title="Couldn't load your interviews" message={interviews.error.message} onRetry={interviews.reload} />
      ) : interviews.status === 'loading' ? (
        <SkeletonCards count={3} label="Loading your interviews…" />
      ) : interviews.data.length === 0 ? (
        <EmptyState
          title="No interviews yet"
          actions={
            <Link to="/interviews/new" className="button button--primary">
              Start your first interview
            </Link>
          }
        >
          <p>Practise out loud with an AI interviewer. Your interviews and their scores will be listed here.</p>
        </EmptyState>
      ) : (
        <InterviewTable interviews={interviews.data} />
      )}
    </div>
  );
}

function InterviewTable({ interviews }: { interviews: InterviewSummary[] }) {
  return (
    <div className="history card">
      <table className="history__table">
        <caption className="visually-hidden">Your interviews, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Interview</th>
            <th scope="col">Interviewer</th>
            <th scope="col">Status</th>
            <th scope="col" className="history__numeric">
              Duration
            </th>
            <th scope="col" className="history__numeric">
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {interviews.map((interview) => {
            const finished = interview.status === 'completed' || interview.status === 'abandoned';
            return (
              <tr key={interview.id} className="history__row" data-testid="interview-row">
                <td className="history__date" data-label="Date">
                  <time dateTime={interview.startedAt ?? interview.createdAt}>{formatDate(interview.startedAt ?? interview.createdAt)}</time>
                </td>
                <th scope="row" className="history__title" data-label="Interview">
                  <Link to={`/interviews/${interview.id}`} className="history__link">
                    {interview.title}
                  </Link>
                  {!finished && (
                    <span className="history__resume">{interview.status === 'created' ? 'Ready to start' : 'Rejoin to continue'}</span>
                  )}
                </th>
                <td data-label="Interviewer">
                  {interview.interviewer.name}
                  <span className="history__muted"> · {interview.interviewer.kind === 'ai' ? 'AI' : 'Human'}</span>
                </td>
                <td data-label="Status">
                  <Chip tone={STATUS_TONES[interview.status]}>{STATUS_LABELS[interview.status]}</Chip>
                </td>
                <td className="history__numeric" data-label="Duration">
                  {elapsed(interview.durationMs)}
                </td>
                <td className="history__numeric history__score" data-label="Score">
                  {interview.overallScore === null ? (
                    <span className="history__muted">—</span>
                  ) : (
                    <>
                      {score(interview.overallScore)}
                      <span className="history__muted"> / 10</span>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
