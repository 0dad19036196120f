import {
  ANSWER_SILENCE_DEFAULT_MS,
  CATEGORIES,
  FOLLOW_UPS_MAX,
  LEVELS,
  QUESTION_COUNT_MAX,
  ROLES,
  type Category,
  type CreateInterviewRequest,
  type Level,
  type Role,
  type Track,
  type VoiceSource,
} from '@mockroom/contracts';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client';
import { interviewsApi, systemApi, tracksApi } from '../api/endpoints';
import { useResource } from '../api/use-resource';
import { useCurrentUser } from '../auth/auth-context';
import { Chip } from '../ui/Chip';
import { categoryLabel, duration, LEVEL_LABELS, plural, ROLE_LABELS } from '../ui/labels';
import { Spinner } from '../ui/Spinner';
import { useDocumentTitle } from '../ui/use-document-title';
import { MicCheck, type MicCheckResult } from './MicCheck';

const SILENCE_MIN_S = 2;
const SILENCE_MAX_S = 15;
const DEFAULT_QUESTIONS = 5;

type FieldName = 'questionCount' | 'maxFollowUps' | 'silence';
type FieldErrors = Partial<Record<FieldName, string>>;

function parseWhole(value: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

function parseSeconds(value: string): number | null {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return null;
  return n >= SILENCE_MIN_S && n <= SILENCE_MAX_S ? n : null;
}

/** `/interviews/new`: choose what to practise and how the interview runs, check the microphone, create it. */
export function NewInterviewPage() {
  useDocumentTitle('Start an interview');
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const tracks = useResource('tracks', (signal) => tracksApi.list(signal));
  const system = useResource(`system:${user.id}`, (signal) => systemApi.info(signal));

  const [trackId, setTrackId] = useState(() => params.get('track') ?? '');
  const [role, setRole] = useState<Role>(() => (ROLES as readonly string[]).includes(params.get('role') ?? '') ? (params.get('role') as Role) : 'fullstack');
  const [level, setLevel] = useState<Level>(() => (LEVELS as readonly string[]).includes(params.get('level') ?? '') ? (params.get('level') as Level) : 'mid');
  const [questionCount, setQuestionCount] = useState(String(DEFAULT_QUESTIONS));
  const [categories, setCategories] = useState<Category[]>([]);
  const [maxFollowUps, setMaxFollowUps] = useState('1');
  const [silence, setSilence] = useState(String(ANSWER_SILENCE_DEFAULT_MS / 1000));
  const [voice, setVoice] = useState<VoiceSource>('server');
  const voiceTouched = useRef(false);
  const [micCheck, setMicCheck] = useState<MicCheckResult>('pending');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<{ message: string; details: string[] } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const track: Track | undefined = tracks.data?.find((t) => t.id === trackId);
  const trackMissing = tracks.status === 'success' && trackId !== '' && !track;

  // A track sets how many questions there are (the candidate may still ask for fewer).
  const lastTrack = useRef<string | null>(null);
  const countTouched = useRef(false);
  useEffect(() => {
    if (!track || lastTrack.current === track.id) return;
    lastTrack.current = track.id;
    if (!countTouched.current) setQuestionCount(String(Math.min(QUESTION_COUNT_MAX, Math.max(1, track.questionIds.length))));
  }, [track]);

  // Installations without a server voice engine speak with the browser's voice by default.
  useEffect(() => {
    if (voiceTouched.current || !system.data) return;
    const tts = system.data.engines.find((engine) => engine.kind === 'tts');
    if (tts?.mode === 'browser') setVoice('browser');
  }, [system.data]);

  useEffect(() => {
    if (formError) alertRef.current?.focus();
  }, [formError]);

  const maxQuestions = track ? Math.min(QUESTION_COUNT_MAX, Math.max(1, track.questionIds.length)) : QUESTION_COUNT_MAX;

  function validate(): { request: CreateInterviewRequest | null; errors: FieldErrors } {
    const found: FieldErrors = {};
    const count = parseWhole(questionCount, 1, maxQuestions);
    if (count === null) found.questionCount = `Enter a whole number from 1 to ${maxQuestions}.`;
    const followUps = parseWhole(maxFollowUps, 0, FOLLOW_UPS_MAX);
    if (followUps === null) found.maxFollowUps = `Enter a whole number from 0 to ${FOLLOW_UPS_MAX}.`;
    const seconds = parseSeconds(silence);
    if (seconds === null) found.silence = `Enter a number of seconds from ${SILENCE_MIN_S} to ${SILENCE_MAX_S}.`;
    if (count === null || followUps === null || seconds === null) return { request: null, errors: found };
    const common = { questionCount: count, maxFollowUps: followUps, answerSilenceMs: Math.round(seconds * 1000), voice };
    const request: CreateInterviewRequest = trackId
      ? { trackId, ...common }
      : { role, level, ...common, ...(categories.length ? { categories } : {}) };
    return { request, errors: found };
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const { request, errors: found } = validate();
    setErrors(found);
    if (!request) {
      setFormError({ message: 'Some settings need fixing before the interview can be created.', details: [] });
      return;
    }
    setFormError(null);
    setSubmitting(true);
    try {
      const created = await interviewsApi.create(request);
      void navigate(`/interviews/${created.id}`);
    } catch (error) {
      setSubmitting(false);
      setFormError({
        message: `Couldn't create the interview. ${errorMessage(error)}`,
        details: error instanceof ApiError ? error.details : [],
      });
    }
  }

  const toggleCategory = (category: Category) =>
    setCategories((current) => (current.includes(category) ? current.filter((c) => c !== category) : [...current, category]));

  return (
    <div className="page page--reading new-interview">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/interviews">
          <span aria-hidden="true">← </span>
          Interviews
        </Link>
      </nav>
      <header className="page__header new-interview__header">
        <h1 className="page__title">Start an interview</h1>
        <p className="page__lead">
          An AI interviewer asks the questions out loud, listens to your answers and follows up. Pick what to practise,
          check your microphone, and you're in.
        </p>
      </header>

      <form className="form new-interview__form" onSubmit={handleSubmit} noValidate>
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

        <FormSection number={1} title="What to practise">
          <SelectField
            label="Track"
            value={trackId}
            onChange={(value) => {
              countTouched.current = false;
              setTrackId(value);
            }}
            hint={tracks.status === 'loading' ? 'Loading tracks…' : 'A track is a full interview with questions in a set order. Choose Custom to pick by role and level.'}>
            <option value="">Custom</option>
            {tracks.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
            {trackMissing && <option value={trackId}>Unknown track</option>}
          </SelectField>
          {tracks.status === 'error' && (
            <p className="field__error" role="alert">
              Couldn't load the tracks ({tracks.error.message}). You can still set up a custom interview.{' '}
              <button type="button" className="button button--link" onClick={tracks.reload}>
                Try again
              </button>
            </p>
          )}
          {trackMissing && <p className="field__error">That track doesn't exist any more. Choose another, or Custom.</p>}

          {track ? (
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
          ) : (
            <>
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
              <fieldset className="choice-group">
                <legend className="field__label">
                  Categories <span className="field__optional">(optional: any when none is picked)</span>
                </legend>
                <div className="toggle-chips">
                  {CATEGORIES.map((category) => (
                    <button
                      key={category}
                      type="button"
                      className="toggle-chip"
                      aria-pressed={categories.includes(category)}
                      onClick={() => toggleCategory(category)}
                    >
                      {categoryLabel(category)}
                    </button>
                  ))}
                </div>
              </fieldset>
            </>
          )}
          <NumberField
            label="Number of questions"
            value={questionCount}
            onChange={(value) => {
              countTouched.current = true;
              setQuestionCount(value);
            }}
            min={1}
            max={maxQuestions}
            error={errors.questionCount}
            hint={track ? `The first ones of this track's ${plural(track.questionIds.length, 'question')}, in order.` : `1 to ${QUESTION_COUNT_MAX}.`}
          />
        </FormSection>

        <FormSection number={2} title="How the interview runs">
          <div className="form-row">
            <NumberField
              label="Follow-ups per question"
              value={maxFollowUps}
              onChange={setMaxFollowUps}
              min={0}
              max={FOLLOW_UPS_MAX}
              error={errors.maxFollowUps}
              hint={`0 to ${FOLLOW_UPS_MAX}: how many follow-up questions the interviewer may ask.`}
            />
            <NumberField
              label="Seconds of silence that end an answer"
              value={silence}
              onChange={setSilence}
              min={SILENCE_MIN_S}
              max={SILENCE_MAX_S}
              step={0.5}
              error={errors.silence}
              hint={`${SILENCE_MIN_S} to ${SILENCE_MAX_S}. You can always say you're done sooner.`}
            />
          </div>
          <SelectField
            label="Interviewer voice"
            value={voice}
            onChange={(value) => {
              voiceTouched.current = true;
              setVoice(value as VoiceSource);
            }}
            hint="Mockroom's voice is synthesised on the server; your browser's voice works offline but sounds different on every system."
          >
            <option value="server">Mockroom's voice (server)</option>
            <option value="browser">Your browser's voice</option>
          </SelectField>
        </FormSection>

        <FormSection number={3} title="Check your microphone">
          <MicCheck result={micCheck} onResult={setMicCheck} />
        </FormSection>

        <div className="new-interview__submit">
          <button type="submit" className="button button--primary button--large" disabled={submitting}>
            {submitting && <Spinner size="small" />}
            Create interview
          </button>
          <p className="new-interview__note">
            {micCheck === 'heard'
              ? 'Your microphone works. The interview starts when you press Start in the room.'
              : 'The interview starts when you press Start in the room, not before.'}
          </p>
        </div>
      </form>
    </div>
  );
}

function FormSection({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="form-section" aria-labelledby={id}>
      <h2 className="form-section__title" id={id}>
        <span className="form-section__number" aria-hidden="true">
          {number}
        </span>
        {title}
      </h2>
      <div className="form-section__body">{children}</div>
    </section>
  );
}

function SelectField({
  label,
  value,
  onChange,
  hint,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        aria-label={label}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
  hint,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  min: number;
  max: number;
  step?: number;
  hint?: string;
  error?: string;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        className="input input--number"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        value={value}
        min={min}
        max={max}
        step={step}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
