import { CATEGORIES, LEVELS, ROLES, type Category, type HumanSession, type Level, type QuestionSummary, type Role, type Track } from '@mockroom/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client';
import { sessionsApi, tracksApi } from '../api/endpoints';
import { useResource } from '../api/use-resource';
import { useCurrentUser } from '../auth/auth-context';
import { formatDateTime } from '../interview/format';
import { Chip } from '../ui/Chip';
import { EmptyState } from '../ui/EmptyState';
import { categoryLabel, duration, LEVEL_LABELS, plural, ROLE_LABELS } from '../ui/labels';
import { Spinner } from '../ui/Spinner';
import { useDocumentTitle } from '../ui/use-document-title';
import { CopyLink } from './CopyLink';
import { FormSection, InputField, SelectField } from './fields';
import { QuestionPicker } from './QuestionPicker';
import { buildSessionRequest, invitationUrl, maxQuestions, type QuestionSource, type SessionFormErrors } from './session-form';

const DEFAULT_QUESTIONS = 5;

const SOURCES: { value: QuestionSource; title: string; description: string }[] = [
  { value: 'track', title: 'A track', description: "A full interview's questions, in a set order." },
  { value: 'picked', title: 'Picked for a role and level', description: 'Mockroom picks the questions, from the categories you choose.' },
  { value: 'chosen', title: 'Chosen from the bank', description: 'Search the bank and line up exactly the questions you want.' },
];

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
  const [params] = useSearchParams();
  const tracks = useResource('tracks', (signal) => tracksApi.list(signal));
  const [source, setSource] = useState<QuestionSource>('track');
  const [trackId, setTrackId] = useState(() => params.get('track') ?? '');
  const [role, setRole] = useState<Role>('fullstack');
  const [level, setLevel] = useState<Level>('mid');
  const [questionCount, setQuestionCount] = useState(String(DEFAULT_QUESTIONS));
  const [categories, setCategories] = useState<Category[]>([]);
  const [chosen, setChosen] = useState<QuestionSummary[]>([]);
  const [scheduledFor, setScheduledFor] = useState('');
  const [errors, setErrors] = useState<SessionFormErrors>({});
  const [formError, setFormError] = useState<{ message: string; details: string[] } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const track: Track | undefined = tracks.data?.find((t) => t.id === trackId);
  const trackMissing = tracks.status === 'success' && trackId !== '' && !track;

  // The first track is the default choice once the list arrives; a track sets how many questions there are.
  useEffect(() => {
    if (!trackId && tracks.data?.length) setTrackId(tracks.data[0].id);
  }, [tracks.data, trackId]);
  const lastTrack = useRef<string | null>(null);
  const countTouched = useRef(false);
  useEffect(() => {
    if (!track || lastTrack.current === track.id) return;
    lastTrack.current = track.id;
    if (!countTouched.current) setQuestionCount(String(maxQuestions(track.questionIds.length)));
  }, [track]);

  useEffect(() => {
    if (formError) alertRef.current?.focus();
  }, [formError]);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const { request, errors: found } = buildSessionRequest(
      { source, trackId, role, level, questionCount, categories, questionIds: chosen.map((q) => q.id), scheduledFor },
      track ? track.questionIds.length : null,
    );
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

  const toggleCategory = (category: Category) =>
    setCategories((current) => (current.includes(category) ? current.filter((c) => c !== category) : [...current, category]));
  const countMax = source === 'track' ? maxQuestions(track ? track.questionIds.length : null) : maxQuestions(null);

  return (
    <form className="form new-interview__form" onSubmit={(event) => void handleSubmit(event)} noValidate>
      {formError && (
        <div className="form-alert" role="alert" tabIndex={-1} ref={alertRef}>
          <p>{formError.message}</p>
          {formError.details.length > 0 && (
            <ul className="form-alert__details">
              {formError.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      <FormSection number={1} title="Questions">
        <fieldset className="choice-group">
          <legend className="field__label">Where the questions come from</legend>
          {SOURCES.map((option) => (
            <label key={option.value} className="choice">
              <input type="radio" name="question-source" value={option.value} checked={source === option.value} onChange={() => setSource(option.value)} />
              <span className="choice__text">
                <span className="choice__title">{option.title}</span>
                <span className="choice__description">{option.description}</span>
              </span>
            </label>
          ))}
        </fieldset>

        {source === 'track' && (
          <>
            <SelectField
              label="Track"
              value={trackId}
              onChange={(value) => {
                countTouched.current = false;
                setTrackId(value);
              }}
              error={errors.trackId}
              hint={tracks.status === 'loading' ? 'Loading tracks…' : undefined}
            >
              {!trackId && <option value="">Choose a track</option>}
              {tracks.data?.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
              {trackMissing && <option value={trackId}>Unknown track</option>}
            </SelectField>
            {tracks.status === 'error' && (
              <p className="field__error" role="alert">
                Couldn't load the tracks ({tracks.error.message}).{' '}
                <button type="button" className="button button--link" onClick={tracks.reload}>
                  Try again
                </button>
              </p>
            )}
            {trackMissing && <p className="field__error">That track doesn't exist any more. Choose another.</p>}
            {track && (
              <div className="track-preview card">
                <div className="track-card__chips">
                  <Chip tone="accent">{ROLE_LABELS[track.role] ?? track.role}</Chip>
                  <Chip>{LEVEL_LABELS[track.level] ?? track.level}</Chip>
                </div>
                <p className="track-preview__name">{track.name}</p>
                <p className="track-preview__description">{track.description}</p>
                <ul className="meta-list">
                  <li>{plural(track.questionIds.length, 'question')}</li>
                  <li>About {duration(track.durationMinutes)} in full</li>
                </ul>
              </div>
            )}
          </>
        )}

        {source !== 'track' && (
          <div className="form-row">
            <SelectField label="Role" value={role} onChange={(value) => setRole(value as Role)}>
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {ROLE_LABELS[value]}
                </option>
              ))}
            </SelectField>
            <SelectField label="Level" value={level} onChange={(value) => setLevel(value as Level)}>
              {LEVELS.map((value) => (
                <option key={value} value={value}>
                  {LEVEL_LABELS[value]}
                </option>
              ))}
            </SelectField>
          </div>
        )}

        {source === 'picked' && (
          <fieldset className="choice-group">
            <legend className="field__label">
              Categories <span className="field__optional">(optional: any when none is picked)</span>
            </legend>
            <div className="toggle-chips">
              {CATEGORIES.map((category) => (
                <button key={category} type="button" className="toggle-chip" aria-pressed={categories.includes(category)} onClick={() => toggleCategory(category)}>
                  {categoryLabel(category)}
                </button>
              ))}
            </div>
          </fieldset>
        )}

        {source === 'chosen' ? (
          <QuestionPicker role={role} level={level} chosen={chosen} onChange={setChosen} error={errors.questionIds} />
        ) : (
          <InputField
            label="Number of questions"
            type="number"
            value={questionCount}
            onChange={(value) => {
              countTouched.current = true;
              setQuestionCount(value);
            }}
            min={1}
            max={countMax}
            error={errors.questionCount}
            hint={source === 'track' && track ? `The first ones of this track's ${plural(track.questionIds.length, 'question')}, in order.` : `1 to ${countMax}.`}
          />
        )}
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
  const url = session.invitePath ? invitationUrl(window.location.origin, session.invitePath) : null;
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
      {url ? (
        <>
          <CopyLink url={url} />
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
