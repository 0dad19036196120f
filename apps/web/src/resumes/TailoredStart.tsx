import type { VoiceSource } from '@mockroom/contracts';
import type { FormEvent } from 'react';
import './TailoredStart.css';
import { formatDate } from '../shared/format';
import { FormAlert, InputField, SelectField } from '../shared/ui/fields';
import { RoleLevelFields } from '../shared/plan/RoleLevelFields';
import { Spinner } from '../shared/ui/Spinner';
import { jobTitle } from './job-view';
import { SourceSelect } from './SourceSelect';
import { CLAIM_QUESTIONS, TAILORED_QUESTIONS } from './tailored-form';
import { useTailoredStart, type TailoredFrom } from './use-tailored-start';

/** "Start a tailored interview": the other half (a job description or a résumé, or none), how many questions, who for. */
export function TailoredStart({ from }: { from: TailoredFrom }) {
  const form = useTailoredStart(from);
  const { values, errors } = form;
  const withResume = Boolean(values.resumeId);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit();
  };

  return (
    <section className="card tailored" aria-labelledby="tailored-heading">
      <h2 id="tailored-heading" className="section-title">
        Start a tailored interview
      </h2>
      <p className="muted-text">
        {from.kind === 'resume'
          ? 'Questions that ask you to back up the claims on this résumé, and, with a job description, the bank questions the posting calls for.'
          : 'The bank questions this posting calls for, and, with a résumé, questions that ask you to back up its claims.'}
      </p>
      <form className="form tailored__form" data-testid="tailored-start" onSubmit={handleSubmit} noValidate>
        {form.formError && <FormAlert error={form.formError} />}
        {from.kind === 'resume' ? (
          <SourceSelect
            label="Job description"
            value={values.jobDescriptionId}
            onChange={form.setJob}
            note={form.jobs.status === 'loading' ? 'Loading your job descriptions…' : undefined}
            problem={
              form.jobs.status === 'error'
                ? `Couldn't load your job descriptions (${form.jobs.error.message}).`
                : undefined
            }
            onRetry={form.jobs.reload}
            testId="tailored-job"
          >
            <option value="">None: questions from the résumé only</option>
            {form.jobs.data?.map((job) => (
              <option key={job.id} value={job.id}>
                {jobTitle(job)} ({formatDate(job.createdAt)})
              </option>
            ))}
          </SourceSelect>
        ) : (
          <SourceSelect
            label="Résumé"
            value={values.resumeId}
            onChange={form.setResume}
            note={form.resumes.status === 'loading' ? 'Loading your résumés…' : undefined}
            problem={
              form.resumes.status === 'error'
                ? `Couldn't load your résumés (${form.resumes.error.message}).`
                : undefined
            }
            onRetry={form.resumes.reload}
            testId="tailored-resume"
          >
            <option value="">None: questions from the posting only</option>
            {form.resumes.data?.map((resume) => (
              <option key={resume.id} value={resume.id}>
                {resume.name ? `${resume.fileName} (${resume.name})` : resume.fileName}
              </option>
            ))}
          </SourceSelect>
        )}

        <div className="form-row">
          <InputField
            label="Number of questions"
            type="number"
            value={values.questionCount}
            onChange={form.setQuestionCount}
            min={TAILORED_QUESTIONS.min}
            max={TAILORED_QUESTIONS.max}
            error={errors.questionCount}
            hint={`${TAILORED_QUESTIONS.min} to ${TAILORED_QUESTIONS.max}.`}
          />
          {withResume && (
            <InputField
              label="Of which about your claims"
              type="number"
              value={values.claimQuestionCount}
              onChange={form.setClaimQuestionCount}
              min={CLAIM_QUESTIONS.min}
              max={CLAIM_QUESTIONS.max}
              error={errors.claimQuestionCount}
              hint={`${CLAIM_QUESTIONS.min} to ${CLAIM_QUESTIONS.max}: questions that ask you to back up a claim.`}
            />
          )}
        </div>

        <RoleLevelFields role={form.role} level={form.level} onRole={form.setRole} onLevel={form.setLevel} />

        <SelectField
          label="Interviewer voice"
          value={values.voice}
          onChange={(value) => form.setVoice(value as VoiceSource)}
          hint="Mockroom's voice is synthesised on the server; your browser's voice works offline but sounds different on every system."
        >
          <option value="server">Mockroom's voice (server)</option>
          <option value="browser">Your browser's voice</option>
        </SelectField>

        {from.kind === 'resume' && !from.resume.llmConsent && (
          <p className="muted-text">
            You did not let the language model read this résumé, so its questions are phrased offline, from templates.
          </p>
        )}
        {errors.source && <p className="field__error">{errors.source}</p>}

        <div className="tailored__submit">
          <button type="submit" className="button button--primary" disabled={form.submitting}>
            {form.submitting && <Spinner size="small" />}
            Start tailored interview
          </button>
          <p className="muted-text">You check your microphone and start in the room.</p>
        </div>
      </form>
    </section>
  );
}
