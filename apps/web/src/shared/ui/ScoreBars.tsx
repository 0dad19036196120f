import type { AnswerScores } from '@mockroom/contracts';
import type { ReactNode } from 'react';
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

/** A score out of 10 with a bar of its size (the number is always written; the bar is decoration). */
export function ScoreMeter({
  value,
  size = 'medium',
  children,
}: {
  value: number;
  size?: 'small' | 'medium' | 'large';
  children?: ReactNode;
}) {
  const clamped = Math.max(0, Math.min(10, value));
  return (
    <span className={`score-meter score-meter--${size} score-meter--${tone(clamped)}`}>
      <span className="score-meter__track" aria-hidden="true">
        <span className="score-meter__fill" style={{ width: `${clamped * 10}%` }} />
      </span>
      <span className="score-meter__number">
        {score(value)}
        {children}
      </span>
    </span>
  );
}

/** Scores out of 10 as small horizontal bars, the number always written beside its bar. */
export function ScoreBars({ scores, label }: { scores: AnswerScores; label?: string }) {
  return (
    <dl className="score-bars" aria-label={label}>
      {DIMENSIONS.map(({ key, label: name }) => (
        <div key={key} className={`score-bar${key === 'overall' ? ' score-bar--overall' : ''}`}>
          <dt className="score-bar__label">{name}</dt>
          <dd className="score-bar__value">
            <ScoreMeter value={Math.max(0, Math.min(10, scores[key]))} size={key === 'overall' ? 'large' : 'medium'}>
              <span className="visually-hidden"> out of 10</span>
            </ScoreMeter>
          </dd>
        </div>
      ))}
    </dl>
  );
}
