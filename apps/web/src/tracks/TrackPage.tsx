import type { TrackDetail } from '@mockroom/contracts';
import { Link, useParams } from 'react-router';
import './TrackPage.css';
import { tracksApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import type { BackLinkState } from '../question-bank';
import { DerivedBadge } from '../question-bank';
import { Chip } from '../shared/ui/Chip';
import { EmptyState } from '../shared/ui/EmptyState';
import { ErrorState } from '../shared/ui/ErrorState';
import { categoryLabel, duration, LEVEL_LABELS, levelsLabel, plural, ROLE_LABELS } from '../shared/ui/labels';
import { SkeletonArticle } from '../shared/ui/Skeleton';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { Breadcrumb } from '../shared/ui/Breadcrumb';

export function TrackPage() {
  const { id = '' } = useParams();
  const track = useResource(`track:${id}`, (signal) => tracksApi.get(id, signal));
  useDocumentTitle(track.data?.name ?? (track.status === 'error' ? 'Track' : 'Loading track'));

  return (
    <div className="page page--reading">
      <Breadcrumb to="/tracks" label="Tracks" />
      {track.status === 'error' ? (
        track.error.status === 404 ? (
          <>
            <h1 className="page__title">Track not found</h1>
            <EmptyState
              title="There's no track at this address"
              actions={
                <Link to="/tracks" className="button button--primary">
                  See all tracks
                </Link>
              }
            >
              <p>{track.error.message}</p>
            </EmptyState>
          </>
        ) : (
          <ErrorState title="Couldn't load this track" message={track.error.message} onRetry={track.reload} />
        )
      ) : track.status === 'loading' ? (
        <SkeletonArticle label="Loading track…" />
      ) : (
        <TrackOverview track={track.data} />
      )}
    </div>
  );
}

function TrackOverview({ track }: { track: TrackDetail }) {
  const back: BackLinkState = { backTo: `/tracks/${track.id}`, backLabel: track.name };
  return (
    <article className="track">
      <header className="page__header">
        <h1 className="page__title">{track.name}</h1>
        <p className="page__lead">{track.description}</p>
        <div className="track__start">
          <Link to={`/interviews/new?track=${encodeURIComponent(track.id)}`} className="button button--primary">
            Start interview
          </Link>
          <span className="track__start-note">Practise this track out loud with the AI interviewer.</span>
        </div>
        <ul className="chip-list" aria-label="About this track">
          <li>
            <Chip tone="accent">{ROLE_LABELS[track.role] ?? track.role}</Chip>
          </li>
          <li>
            <Chip>{LEVEL_LABELS[track.level] ?? track.level}</Chip>
          </li>
          <li>
            <Chip>About {duration(track.durationMinutes)}</Chip>
          </li>
          <li>
            <Chip>{plural(track.questions.length, 'question')}</Chip>
          </li>
        </ul>
      </header>

      <section aria-labelledby="track-questions">
        <h2 id="track-questions" className="section-title">
          Questions, in order
        </h2>
        {track.questions.length === 0 ? (
          <EmptyState title="This track has no questions yet" />
        ) : (
          <ol className="track-questions">
            {track.questions.map((question, index) => (
              <li key={question.id} className="track-question card card--interactive">
                <span className="track-question__number" aria-hidden="true">
                  {index + 1}
                </span>
                <div className="track-question__body">
                  <Link to={`/questions/${question.id}`} state={back} className="card__link track-question__text">
                    {question.text}
                  </Link>
                  <ul className="meta-list">
                    <li>{categoryLabel(question.category)}</li>
                    <li>{levelsLabel(question.levels)}</li>
                    {question.difficulty && <li>Difficulty: {question.difficulty}</li>}
                    <li>{plural(question.rubricSize, 'rubric point')}</li>
                  </ul>
                  {question.textDerived && <DerivedBadge />}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
