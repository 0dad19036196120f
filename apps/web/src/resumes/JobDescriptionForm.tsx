import { MAX_JOB_DESCRIPTION_CHARS, type JobDescriptionDetail } from '@mockroom/contracts';
import { useId, type FormEvent } from 'react';
import { Spinner } from '../shared/ui/Spinner';
import { JOB_TITLE_MAX_CHARS, useJobForm } from './use-job-form';

/** Adding a job description: its title (optional) and the posting as pasted. */
export function JobDescriptionForm({ onCreated }: { onCreated: (job: JobDescriptionDetail) => void }) {
  const form = useJobForm(onCreated);
  const id = useId();
  const over = form.text.length > MAX_JOB_DESCRIPTION_CHARS;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit();
  };

  return (
    <form
      className="card library-form"
      data-testid="job-form"
      aria-labelledby={`${id}-title`}
      aria-busy={form.saving}
      onSubmit={handleSubmit}
      noValidate
    >
      <h3 id={`${id}-title`} className="library-form__title">
        Add a job description
      </h3>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          Title <span className="field__optional">(optional)</span>
        </label>
        <input
          id={`${id}-name`}
          className="input"
          name="title"
          value={form.title}
          maxLength={JOB_TITLE_MAX_CHARS}
          placeholder="Senior backend engineer at Acme"
          disabled={form.saving}
          onChange={(event) => form.setTitle(event.target.value)}
        />
      </div>
      <div className={`field${form.error && !form.text.trim() ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={`${id}-text`}>
          Paste the job posting
        </label>
        <textarea
          id={`${id}-text`}
          className="input job-form__text"
          name="text"
          data-testid="job-text"
          rows={8}
          value={form.text}
          disabled={form.saving}
          aria-describedby={`${id}-count`}
          aria-invalid={over || undefined}
          onChange={(event) => form.setText(event.target.value)}
        />
        <p className={`field__hint${over ? ' field__error' : ''}`} id={`${id}-count`}>
          {form.text.length.toLocaleString('en')} of {MAX_JOB_DESCRIPTION_CHARS.toLocaleString('en')} characters.
        </p>
      </div>
      {form.error && (
        <p className="form-alert" role="alert">
          {form.error}
        </p>
      )}
      <div className="library-form__actions">
        <button type="submit" className="button button--primary" disabled={form.saving}>
          {form.saving && <Spinner size="small" />}
          Add job description
        </button>
      </div>
    </form>
  );
}
