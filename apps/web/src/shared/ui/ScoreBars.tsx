import type { AnswerScores } from '@mockroom/contracts';
import './ScoreBars.css';
import { score } from '../format';

const DIMENSIONS: { key: keyof AnswerScores; label: string }[] = [
  { key: 'relevance', label: 'Relevance' },
  { key: 'depth', label: 'Depth' },
  { key: 'clarity', label: 'Clarity' },
  { key: 'correctness', label: 'Correctness' },
  { key: 'overall', label: 'Overall' },
];

function tone(value: number): 'low' | 'mid' | 'high' {
  return value >= 7 ? 'high' : value >= 4 ? 'mid' : 'low';
}

/** Scores out of 10 as small horizontal bars, the number always written beside its bar. */
export function ScoreBars({ scores, label }: { scores: AnswerScores; label?: string }) {
  return (
    <dl className="score-bars" aria-label={label}>
      {DIMENSIONS.map(({ key, label: name }) => {
        const value = Math.max(0, Math.min(10, scores[key]));
        return (
          <div key={key} className={`score-bar score-bar--${tone(value)}${key === 'overall' ? ' score-bar--overall' : ''}`}>
            <dt className="score-bar__label">{name}</dt>
            <dd className="score-bar__value">
              <span className="score-bar__track" aria-hidden="true">
                <span className="score-bar__fill" style={{ width: `${value * 10}%` }} />
              </span>
              <span className="score-bar__number">
                {score(value)}
                <span className="visually-hidden"> out of 10</span>
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
