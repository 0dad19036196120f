import { useEffect, useState } from 'react';
import './AnswerTimer.css';
import { clock, spokenDuration } from '../../shared/format';

/** How long the current answer has been going, ticking while the candidate answers. */
export function AnswerTimer({ startedAt }: { startedAt: number | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [startedAt]);
  const ms = startedAt === null ? 0 : Math.max(0, now - startedAt);
  return (
    <span className={`answer-timer${startedAt === null ? ' answer-timer--idle' : ''}`}>
      <span className="visually-hidden">Answer time: </span>
      <time
        data-testid="answer-timer"
        dateTime={`PT${Math.floor(ms / 1000)}S`}
        aria-label={startedAt === null ? undefined : spokenDuration(ms)}
      >
        {clock(ms)}
      </time>
    </span>
  );
}
