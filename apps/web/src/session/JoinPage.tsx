import type { InvitationInfo } from '@mockroom/contracts';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import './JoinPage.css';
import { errorMessage } from '../shared/api/client';
import { sessionsApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { useCurrentUser } from '../shared/auth/auth-context';
import { formatDateTime } from '../shared/format';
import { EmptyState } from '../shared/ui/EmptyState';
import { ErrorState } from '../shared/ui/ErrorState';
import { SkeletonArticle } from '../shared/ui/Skeleton';
import { Spinner } from '../shared/ui/Spinner';
import { useDocumentTitle } from '../shared/ui/use-document-title';

/** `/join/:token`: an invitation to a session run by an interviewer; accepting it makes you its candidate. */
export function JoinPage() {
  const { token = '' } = useParams();
  const invitation = useResource(token ? `invitation:${token}` : null, (signal) =>
    sessionsApi.invitation(token, signal),
  );
  useDocumentTitle(invitation.data ? `Invitation: ${invitation.data.title}` : 'Invitation');

  if (invitation.status === 'error') {
    const { status, message } = invitation.error;
    if (status === 404 || status === 410) {
      return (
        <div className="page page--narrow">
          <h1 className="page__title">This invitation doesn't work</h1>
          <EmptyState
            title={status === 410 ? 'The link has expired' : 'The link is wrong, or the session is gone'}
            actions={
              <Link to="/" className="button button--primary">
                Go to your home page
              </Link>
            }
          >
            <p>
              {status === 410
                ? 'Invitation links work for a week. Ask the interviewer for a new one.'
                : 'Check that you opened the whole link, or ask the interviewer for a new one.'}
            </p>
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page page--narrow">
        <h1 className="page__title">Invitation</h1>
        <ErrorState title="Couldn't open the invitation" message={message} onRetry={invitation.reload} />
      </div>
    );
  }
  if (invitation.status === 'loading' || !invitation.data) {
    return (
      <div className="page page--narrow">
        <SkeletonArticle label="Opening the invitation…" />
      </div>
    );
  }
  return <Invitation token={token} info={invitation.data} />;
}

function Invitation({ token, info }: { token: string; info: InvitationInfo }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Accepted already (here, or in another tab): straight to the session.
  if (info.state === 'yours') return <Navigate to={`/interviews/${info.interviewId}`} replace />;

  async function join() {
    if (joining) return;
    setJoining(true);
    setError(null);
    try {
      const interview = await sessionsApi.accept(token);
      await navigate(`/interviews/${interview.id}`);
    } catch (problem) {
      setError(`Couldn't join the session. ${errorMessage(problem)}`);
      setJoining(false);
    }
  }

  return (
    <div className="page page--narrow join">
      <section
        className="card join__card"
        aria-labelledby="join-heading"
        data-testid="invitation"
        data-state={info.state}
      >
        <p className="join__eyebrow">Interview invitation</p>
        <h1 id="join-heading" className="join__title" data-testid="invitation-title">
          {info.title}
        </h1>
        <dl className="facts facts--wide">
          <div>
            <dt>Interviewer</dt>
            <dd data-testid="invitation-interviewer">{info.interviewer.name}</dd>
          </div>
          <div>
            <dt>Scheduled for</dt>
            <dd data-testid="invitation-schedule">
              {info.scheduledAt ? formatDateTime(info.scheduledAt) : 'No time set: whenever you both are ready'}
            </dd>
          </div>
        </dl>

        {info.state === 'taken' ? (
          <div className="join__taken" role="status">
            <p>
              <strong>Someone else has already accepted this invitation.</strong> Each invitation is for one candidate.
              If it was meant for you, ask {info.interviewer.name} for a new link.
            </p>
            <Link to="/" className="button button--secondary">
              Go to your home page
            </Link>
          </div>
        ) : (
          <>
            <p className="join__text">
              {info.interviewer.name} runs this interview by voice: you'll hear each other, see each question on screen,
              and your words are transcribed as you speak. You join as <strong>{user.displayName}</strong>; have a
              microphone ready (headphones help).
            </p>
            {error && (
              <p className="form-alert" role="alert">
                {error}
              </p>
            )}
            <div className="join__actions">
              <button
                type="button"
                className="button button--primary button--large"
                onClick={() => void join()}
                disabled={joining}
              >
                {joining && <Spinner size="small" />}
                Join the session
              </button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
