import type { ReviewSpeechAnalytics } from '@mockroom/contracts';
import './SpeechStats.css';
import { clock, elapsed } from '../shared/format';
import { Chip } from '../shared/ui/Chip';
import { paceLabel } from './review-logic';

/** How an answer sounded: pace, talk time, fillers, long pauses and hedges, as compact stats and chips. */
export function SpeechStats({
  analytics,
  onHear,
}: {
  analytics: ReviewSpeechAnalytics;
  onHear: ((ms: number) => void) | null;
}) {
  const pace = paceLabel(analytics.wordsPerMinute);
  const hedgeCount = analytics.hedges.reduce((sum, hedge) => sum + hedge.count, 0);
  const longest = analytics.longPauses.reduce((max, pause) => Math.max(max, pause.durationMs), 0);
  return (
    <div className="review-speech">
      <h5 className="answer-result__label">How it sounded</h5>
      <dl className="review-stats">
        <div className="review-stat">
          <dt>Pace</dt>
          <dd>
            {Math.round(analytics.wordsPerMinute)} <abbr title="words per minute">wpm</abbr>{' '}
            <Chip tone={pace.tone}>{pace.label}</Chip>
          </dd>
        </div>
        <div className="review-stat">
          <dt>Talk time</dt>
          <dd>{elapsed(analytics.talkTimeMs)}</dd>
        </div>
        <div className="review-stat">
          <dt>Fillers</dt>
          <dd>{analytics.fillerCount}</dd>
        </div>
        <div className="review-stat">
          <dt>Long pauses</dt>
          <dd>
            {analytics.longPauses.length}
            {longest > 0 && <span className="review-stat__note"> (longest {elapsed(longest)})</span>}
          </dd>
        </div>
        <div className="review-stat">
          <dt>Hedges</dt>
          <dd>{hedgeCount}</dd>
        </div>
      </dl>
      {analytics.fillers.length > 0 && (
        <div className="review-speech__row">
          <span className="review-speech__row-label">Fillers</span>
          <ul className="chip-list">
            {analytics.fillers.map((filler) => (
              <li key={filler.word}>
                <Chip>
                  “{filler.word}” × {filler.count}
                </Chip>
              </li>
            ))}
          </ul>
        </div>
      )}
      {analytics.hedges.length > 0 && (
        <div className="review-speech__row">
          <span className="review-speech__row-label">Hedges</span>
          <ul className="chip-list">
            {analytics.hedges.map((hedge) => (
              <li key={hedge.phrase}>
                <Chip>
                  “{hedge.phrase}” × {hedge.count}
                </Chip>
              </li>
            ))}
          </ul>
        </div>
      )}
      {analytics.longPauses.length > 0 && (
        <div className="review-speech__row">
          <span className="review-speech__row-label">Pauses</span>
          <ul className="chip-list">
            {analytics.longPauses.map((pause) => (
              <li key={pause.startMs}>
                {onHear ? (
                  <button type="button" className="chip review-chip-button" onClick={() => onHear(pause.startMs)}>
                    <span className="visually-hidden">Hear the pause </span>at {clock(pause.startMs)} ·{' '}
                    {elapsed(pause.durationMs)}
                  </button>
                ) : (
                  <Chip>
                    at {clock(pause.startMs)} · {elapsed(pause.durationMs)}
                  </Chip>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
