import { Link } from 'react-router';
import './ProgressPage.css';
import { progressApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { EmptyState } from '../shared/ui/EmptyState';
import { ErrorState } from '../shared/ui/ErrorState';
import { SkeletonCards } from '../shared/ui/Skeleton';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { CategoryBreakdown } from './CategoryBreakdown';
import { ProgressHeadline } from './ProgressHeadline';
import { ScoreTrendChart } from './ScoreTrendChart';

/** `/progress`: the candidate's scores across sessions, over time and by category. */
export function ProgressPage() {
  useDocumentTitle('Progress');
  const progress = useResource('progress', (signal) => progressApi.get(signal));

  return (
    <div className="page progress">
      <header className="page__header">
        <h1 className="page__title">Progress</h1>
        <p className="page__lead">
          How your scores move from one interview to the next, and which kinds of question need the most work.
        </p>
      </header>

      {progress.status === 'error' ? (
        <ErrorState title="Couldn't load your progress" message={progress.error.message} onRetry={progress.reload} />
      ) : progress.status === 'loading' ? (
        <SkeletonCards count={3} label="Loading your progress…" />
      ) : progress.data.sessions.length === 0 ? (
        <EmptyState
          title="No scored interviews yet"
          actions={
            <Link to="/interviews/new" className="button button--primary">
              Start an interview
            </Link>
          }
        >
          <p>
            Your progress appears here once you finish an interview and its answers are scored: each score over time,
            and how you do in each kind of question.
          </p>
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="progress-glance-heading">
            <h2 id="progress-glance-heading" className="visually-hidden">
              At a glance
            </h2>
            <ProgressHeadline sessions={progress.data.sessions} />
          </section>

          <section className="card progress__section" aria-labelledby="progress-trend-heading">
            <div className="progress__section-header">
              <h2 id="progress-trend-heading" className="section-title">
                Scores over time
              </h2>
              <p className="muted-text">
                Mean score per finished interview, oldest first. Select a point to open its interview.
              </p>
            </div>
            <ScoreTrendChart sessions={progress.data.sessions} />
          </section>

          <section className="card progress__section" aria-labelledby="progress-categories-heading">
            <div className="progress__section-header">
              <h2 id="progress-categories-heading" className="section-title">
                By category
              </h2>
              <p className="muted-text">Mean scores per kind of question, weakest first.</p>
            </div>
            <CategoryBreakdown categories={progress.data.categories} />
          </section>
        </>
      )}
    </div>
  );
}
