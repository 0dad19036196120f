import { CATEGORIES } from '@mockroom/contracts';
import './PlanFields.css';
import { Chip } from '../ui/Chip';
import { InputField, SelectField } from '../ui/fields';
import { categoryLabel, duration, LEVEL_LABELS, plural, ROLE_LABELS } from '../ui/labels';
import { Spinner } from '../ui/Spinner';
import type { PlanErrors, QuestionSource } from './plan-form';
import { QuestionPicker } from './QuestionPicker';
import { RoleLevelFields } from './RoleLevelFields';
import type { PlanForm } from './use-plan-form';

const SOURCES: { value: QuestionSource; title: string; description: string }[] = [
  { value: 'track', title: 'A track', description: "A full interview's questions, in a set order." },
  {
    value: 'picked',
    title: 'Picked for a role and level',
    description: 'Mockroom picks the questions, from the categories you choose.',
  },
  {
    value: 'chosen',
    title: 'Chosen from the bank',
    description: 'Search the bank and line up exactly the questions you want.',
  },
];

/** Which questions are asked: from a track, picked for a role and level, or chosen one by one from the bank. */
export function PlanFields({ form, errors }: { form: PlanForm; errors: PlanErrors }) {
  const { source, track, tracks } = form;
  return (
    <>
      <fieldset className="choice-group">
        <legend className="field__label">Where the questions come from</legend>
        {SOURCES.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name="question-source"
              value={option.value}
              checked={source === option.value}
              onChange={() => form.setSource(option.value)}
            />
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
            value={form.trackId}
            onChange={form.setTrackId}
            error={errors.trackId}
            hint={tracks.status === 'loading' ? 'Loading tracks…' : undefined}
          >
            {!form.trackId && <option value="">Choose a track</option>}
            {tracks.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
            {form.trackMissing && <option value={form.trackId}>Unknown track</option>}
          </SelectField>
          {tracks.status === 'error' && (
            <p className="field__error" role="alert">
              Couldn't load the tracks ({tracks.error.message}). You can still pick the questions another way.{' '}
              <button type="button" className="button button--link" onClick={tracks.reload}>
                Try again
              </button>
            </p>
          )}
          {form.trackMissing && <p className="field__error">That track doesn't exist any more. Choose another.</p>}
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
        <RoleLevelFields role={form.role} level={form.level} onRole={form.setRole} onLevel={form.setLevel} />
      )}

      {source === 'picked' && (
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
                aria-pressed={form.categories.includes(category)}
                onClick={() => form.toggleCategory(category)}
              >
                {categoryLabel(category)}
              </button>
            ))}
          </div>
        </fieldset>
      )}

      {source === 'chosen' ? (
        <>
          {form.linked?.status === 'loading' && <Spinner label="Adding the linked question…" />}
          {form.linked?.status === 'error' && (
            <p className="field__error" role="alert">
              Couldn't add the linked question ({form.linked.error.message}).{' '}
              <button type="button" className="button button--link" onClick={form.linked.reload}>
                Try again
              </button>
            </p>
          )}
          <QuestionPicker
            role={form.role}
            level={form.level}
            chosen={form.chosen}
            onChange={form.setChosen}
            error={errors.questionIds}
          />
        </>
      ) : (
        <InputField
          label="Number of questions"
          type="number"
          value={form.questionCount}
          onChange={form.setQuestionCount}
          min={1}
          max={form.countMax}
          error={errors.questionCount}
          hint={
            source === 'track' && track
              ? `The first ones of this track's ${plural(track.questionIds.length, 'question')}, in order.`
              : `1 to ${form.countMax}.`
          }
        />
      )}
    </>
  );
}
