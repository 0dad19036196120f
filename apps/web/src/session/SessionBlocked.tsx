import { Link } from 'react-router';
import '../shared/live/room.css';
import type { FatalProblem } from '../shared/live/live-connection';

/** Something that stops the session for good, shown instead of it. */
export function SessionBlocked({ problem, interviewId }: { problem: FatalProblem; interviewId: string }) {
  return (
    <div className="page page--narrow">
      <div
        className="state state--error room-blocked"
        role="alert"
        data-testid="session-blocked"
        data-code={problem.code}
      >
        <h1 className="state__title">{problem.title}</h1>
        <p className="state__message">{problem.message}</p>
        <div className="state__actions">
          {problem.code === 'unauthorized' ? (
            <Link
              to={`/sign-in?next=${encodeURIComponent(`/interviews/${interviewId}`)}`}
              className="button button--primary"
            >
              Sign in again
            </Link>
          ) : problem.code === 'session-ended' ? (
            <Link to={`/interviews/${interviewId}/review`} className="button button--primary">
              See the review
            </Link>
          ) : null}
          <Link to="/interviews" className="button button--secondary">
            Back to interviews
          </Link>
        </div>
      </div>
    </div>
  );
}
