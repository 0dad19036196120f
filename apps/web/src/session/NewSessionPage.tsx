import type { HumanSession } from '@mockroom/contracts';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import './NewSessionPage.css';
import { useCurrentUser } from '../shared/auth/auth-context';
import { formatDateTime } from '../shared/format';
import { PlanFields } from '../shared/plan/PlanFields';
import { CreateForm, PlanPage } from '../shared/plan/PlanPage';
import { EmptyState } from '../shared/ui/EmptyState';
import { FormSection, InputField } from '../shared/ui/fields';
import { plural } from '../shared/ui/labels';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { InvitationLink } from './InvitationLink';
import { useNewSessionForm } from './use-new-session-form';

/** `/sessions/new`: an interviewer sets up a session they will run, and gets the link that invites the candidate. */
export function NewSessionPage() {
  const user = useCurrentUser();
  useDocumentTitle('New session');
  const [created, setCreated] = useState<HumanSession | null>(null);
  const canRun = user.role === 'interviewer' || user.role === 'admin';

  return (
    <PlanPage
      title="New session"
      lead="You run this interview yourself: invite a candidate with a link, ask the questions out loud, and score the answers as you listen, with the rubric ticking itself off as they speak."
      className="new-session"
    >
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
    </PlanPage>
  );
}

function SessionForm({ onCreated }: { onCreated: (session: HumanSession) => void }) {
  const form = useNewSessionForm(onCreated);
  return (
    <CreateForm
      onSubmit={() => void form.submit()}
      formError={form.formError}
      submitting={form.submitting}
      label="Create session"
      note="Next, you get a link to send to the candidate."
    >
      <FormSection number={1} title="Questions">
        <PlanFields form={form.plan} errors={form.errors} />
      </FormSection>

      <FormSection number={2} title="When">
        <InputField
          label="Scheduled for"
          type="datetime-local"
          value={form.scheduledFor}
          onChange={form.setScheduledFor}
          error={form.errors.scheduledFor}
          hint="Optional, in your time zone. You both see it; the session starts when you press Start."
        />
      </FormSection>
    </CreateForm>
  );
}

function CreatedSession({ session, onAnother }: { session: HumanSession; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { interview } = session;
  return (
    <section
      className="card new-session__created"
      aria-labelledby="session-created-heading"
      data-testid="session-created"
      data-interview={interview.id}
    >
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
          <p className="muted-text">
            Anyone signed in who opens this link first becomes the candidate, so send it only to them.
          </p>
        </>
      ) : (
        <p className="field__error">
          The server didn't return an invitation link. Open the console to see whether a candidate has joined.
        </p>
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
