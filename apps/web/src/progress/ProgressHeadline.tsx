import type { ProgressSession } from '@mockroom/contracts';
import { useMemo } from 'react';
import './ProgressHeadline.css';
import { score } from '../shared/format';
import { plural } from '../shared/ui/labels';
import { ChangeBadge } from './ChangeBadge';
import { headline } from './progress-stats';

/** The figures at the top: how many sessions, where the overall score started and stands, and what stands out lately. */
export function ProgressHeadline({ sessions }: { sessions: ProgressSession[] }) {
  const figures = useMemo(() => headline(sessions), [sessions]);
  const basis = figures.recent === 1 ? 'your only session' : `your last ${figures.recent} sessions`;

  return (
    <dl className="progress-stats">
      <div className="progress-stat">
        <dt className="progress-stat__label">Sessions</dt>
        <dd className="progress-stat__value">{figures.sessions}</dd>
        <dd className="progress-stat__detail">{plural(figures.sessions, 'finished, scored interview')}</dd>
      </div>

      <div className="progress-stat">
        <dt className="progress-stat__label">Latest overall</dt>
        <dd className="progress-stat__value">
          {score(figures.latest)}
          <span className="progress-stat__unit"> / 10</span>
        </dd>
        <dd className="progress-stat__detail">
          {figures.change ? (
            <>
              First: {score(figures.first)} <ChangeBadge change={figures.change} />
            </>
          ) : (
            'Your first scored session'
          )}
        </dd>
      </div>

      <div className="progress-stat">
        <dt className="progress-stat__label">Strongest dimension</dt>
        <dd className="progress-stat__value">
          {figures.even ? 'Even' : (figures.strongest?.label ?? '—')}
          {!figures.even && figures.strongest && (
            <span className="progress-stat__unit"> {score(figures.strongest.mean)}</span>
          )}
        </dd>
        <dd className="progress-stat__detail">
          {figures.even ? `No dimension stands out over ${basis}` : `Mean over ${basis}`}
        </dd>
      </div>

      <div className="progress-stat">
        <dt className="progress-stat__label">Weakest dimension</dt>
        <dd className="progress-stat__value">
          {figures.even ? 'Even' : (figures.weakest?.label ?? '—')}
          {!figures.even && figures.weakest && (
            <span className="progress-stat__unit"> {score(figures.weakest.mean)}</span>
          )}
        </dd>
        <dd className="progress-stat__detail">
          {figures.even ? `No dimension stands out over ${basis}` : `Mean over ${basis}`}
        </dd>
      </div>
    </dl>
  );
}
