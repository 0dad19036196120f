import type { Track } from '@mockroom/contracts';
import { Link } from 'react-router';
import './TrackCard.css';
import { Chip } from '../shared/ui/Chip';
import { duration, LEVEL_LABELS, plural, ROLE_LABELS } from '../shared/ui/labels';

/** A track in a grid: what it covers, for whom, and how long it takes. */
export function TrackCard({ track, headingLevel = 2 }: { track: Track; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card card--interactive track-card" data-testid="track-card">
      <div className="track-card__chips">
        <Chip tone="accent">{ROLE_LABELS[track.role] ?? track.role}</Chip>
        <Chip>{LEVEL_LABELS[track.level] ?? track.level}</Chip>
      </div>
      <Heading className="track-card__title">
        <Link to={`/tracks/${track.id}`} className="card__link">
          {track.name}
        </Link>
      </Heading>
      <p className="track-card__description">{track.description}</p>
      <div className="track-card__footer">
        <ul className="meta-list" aria-label="About this track">
          <li>{plural(track.questionIds.length, 'question')}</li>
          <li>About {duration(track.durationMinutes)}</li>
        </ul>
        <Link
          to={`/interviews/new?track=${encodeURIComponent(track.id)}`}
          className="button button--secondary button--small track-card__start"
        >
          Start interview
        </Link>
      </div>
    </article>
  );
}
