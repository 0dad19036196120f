import type { HumanSession } from '@mockroom/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../shared/api/client';
import { sessionsApi } from '../shared/api/endpoints';
import { useCurrentUser } from '../shared/auth/auth-context';
import { formatDateTime } from '../shared/format';
import { PlanFields } from '../shared/plan/PlanFields';
import { usePlanForm } from '../shared/plan/use-plan-form';
import { EmptyState } from '../shared/ui/EmptyState';
import { FormAlert, FormSection, InputField, type FormError } from '../shared/ui/fields';
import { plural } from '../shared/ui/labels';
import { Spinner } from '../shared/ui/Spinner';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { InvitationLink } from './InvitationLink';
import { buildSessionRequest, type SessionFormErrors } from './session-form';

/** `/sessions/new`: an interviewer sets up a session they will run, and gets the link that invites the candidate. */
export function NewSessionPage() {
  const user = useCurrentUser();
  useDocumentTitle('New session');
  const [created, setCreated] = useState<HumanSession | null>(null);
  const canRun = user.role === 'interviewer' || user.role === 'admin';

  return (
    <div className="page page--reading new-interview new-session">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/interviews">
          <span aria-hidden="true">← </span>
          Interviews
        </Link>
      </nav>
      <header className="page__header new-interview__header">
        <h1 className="page__title">New session</h1>
        <p className="page__lead">
          You run this interview yourself: invite a candidate with a link, ask the questions out loud, and score the answers as
          you listen, with the rubric ticking itself off as they speak.
        </p>
      </header>
      {!canRun ? (
        <EmptyState
          title="Sessions are run by interviewer accounts"
          actions={
            <Link to="/interviews/new" className="button button--primary">
              Practise with the AI interviewer
            </Link>
          }
        >
          <p>If someone invited you to a session, open the link they sent you.</p>
        </EmptyState>
      ) : created ? (
        <CreatedSession session={created} onAnother={() => setCreated(null)} />
      ) : (
        <SessionForm onCreated={setCreated} />
      )}
    </div>
  );
}

function SessionForm({ onCreated }: { onCreated: (session: HumanSession) => void }) {
  const plan = usePlanForm('track');
  const [scheduledFor, setScheduledFor] = useState('');
  const [errors, setErrors] = useState<SessionFormErrors>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const { request, errors: found } = buildSessionRequest({ plan: plan.values, scheduledFor }, plan.trackQuestionCount);
    setErrors(found);
    if (!request) {
      setFormError({ message: 'Some details need fixing before the session can be created.', details: [] });
      return;
    }
    setFormError(null);
    setSubmitting(true);
    try {
      onCreated(await sessionsApi.create(request));
    } catch (error) {
      setSubmitting(false);
      setFormError({ message: `Couldn't create the session. ${errorMessage(error)}`, details: error instanceof ApiError ? error.details : [] });
    }
  }

  return (
    <form className="form new-interview__form" onSubmit={(event) => void handleSubmit(event)} noValidate>
      {formError && <FormAlert error={formError} />}

      <FormSection number={1} title="Questions">
        <PlanFields form={plan} errors={errors} />
      </FormSection>

      <FormSection number={2} title="When">
        <InputField
          label="Scheduled for"
          type="datetime-local"
          value={scheduledFor}
          onChange={setScheduledFor}
          error={errors.scheduledFor}
          hint="Optional, in your time zone. You both see it; the session starts when you press Start."
        />
      </FormSection>

      <div className="new-interview__submit">
        <button type="submit" className="button button--primary button--large" disabled={submitting}>
          {submitting && <Spinner size="small" />}
          Create session
        </button>
        <p className="new-interview__note">Next, you get a link to send to the candidate.</p>
      </div>
    </form>
  );
}

function CreatedSession({ session, onAnother }: { session: HumanSession; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { interview } = session;
  return (
    <section className="card new-session__created" aria-labelledby="session-created-heading" data-testid="session-created" data-interview={interview.id}>
      <h2 id="session-created-heading" className="section-title" tabIndex={-1} ref={heading}>
        Session created
      </h2>
      <p className="new-session__title">{interview.title}</p>
      <ul className="meta-list">
        <li>{plural(interview.questionCount, 'question')}</li>
        <li>{session.scheduledAt ? `Scheduled for ${formatDateTime(session.scheduledAt)}` : 'No time set'}</li>
      </ul>
      {session.invitePath ? (
        <>
          <InvitationLink session={session} />
          <p className="console-muted">Anyone signed in who opens this link first becomes the candidate, so send it only to them.</p>
        </>
      ) : (
        <p className="field__error">The server didn't return an invitation link. Open the console to see whether a candidate has joined.</p>
      )}
      <div className="new-session__actions">
        <Link to={`/interviews/${interview.id}`} className="button button--primary">
          Open the console
        </Link>
        <button type="button" className="button button--ghost" onClick={onAnother}>
          Create another session
        </button>
      </div>
    </section>
  );
}
