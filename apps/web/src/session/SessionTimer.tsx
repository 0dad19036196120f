import { useEffect, useState } from 'react';
import './SessionTimer.css';
import { clock, spokenDuration } from '../shared/format';
import { elapsedSince } from './session-logic';

/** Time since the session started, ticking; "Not started" before. */
export function SessionTimer({ startedAt, running }: { startedAt: string | null; running: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt || !running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [startedAt, running]);
  const ms = elapsedSince(startedAt, now);
  return (
    <span className={`session-timer${ms === null ? ' session-timer--idle' : ''}`}>
      <span className="session-timer__label">{ms === null ? 'Not started' : 'Time'}</span>
      {ms !== null && (
        <time
          data-testid="session-timer"
          dateTime={`PT${Math.floor(ms / 1000)}S`}
          aria-label={`Time since start: ${spokenDuration(ms)}`}
        >
          {clock(ms)}
        </time>
      )}
    </span>
  );
}
