import { FOLLOW_UPS_MAX, type VoiceSource } from '@mockroom/contracts';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { PlanFields } from '../../shared/plan/PlanFields';
import { FormAlert, FormSection, InputField, SelectField } from '../../shared/ui/fields';
import { Spinner } from '../../shared/ui/Spinner';
import { useDocumentTitle } from '../../shared/ui/use-document-title';
import { MicCheck } from './MicCheck';
import { SILENCE_MAX_S, SILENCE_MIN_S } from './new-interview-form';
import { useNewInterviewForm } from './use-new-interview-form';

/** `/interviews/new`: choose what to practise and how the interview runs, check the microphone, create it. */
export function NewInterviewPage() {
  useDocumentTitle('Start an interview');
  const form = useNewInterviewForm();
  const { settings, errors } = form;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit();
  };

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
        {form.formError && <FormAlert error={form.formError} />}

        <FormSection number={1} title="What to practise">
          <PlanFields form={form.plan} errors={errors} />
        </FormSection>

        <FormSection number={2} title="How the interview runs">
          <div className="form-row">
            <InputField
              label="Follow-ups per question"
              type="number"
              value={settings.maxFollowUps}
              onChange={form.setMaxFollowUps}
              min={0}
              max={FOLLOW_UPS_MAX}
              error={errors.maxFollowUps}
              hint={`0 to ${FOLLOW_UPS_MAX}: how many follow-up questions the interviewer may ask.`}
            />
            <InputField
              label="Seconds of silence that end an answer"
              type="number"
              value={settings.silence}
              onChange={form.setSilence}
              min={SILENCE_MIN_S}
              max={SILENCE_MAX_S}
              step={0.5}
              error={errors.silence}
              hint={`${SILENCE_MIN_S} to ${SILENCE_MAX_S}. You can always say you're done sooner.`}
            />
          </div>
          <SelectField
            label="Interviewer voice"
            value={settings.voice}
            onChange={(value) => form.setVoice(value as VoiceSource)}
            hint="Mockroom's voice is synthesised on the server; your browser's voice works offline but sounds different on every system."
          >
            <option value="server">Mockroom's voice (server)</option>
            <option value="browser">Your browser's voice</option>
          </SelectField>
        </FormSection>

        <FormSection number={3} title="Check your microphone">
          <MicCheck result={form.micCheck} onResult={form.setMicCheck} />
        </FormSection>

        <div className="new-interview__submit">
          <button type="submit" className="button button--primary button--large" disabled={form.submitting}>
            {form.submitting && <Spinner size="small" />}
            Create interview
          </button>
          <p className="new-interview__note">
            {form.micCheck === 'heard'
              ? 'Your microphone works. The interview starts when you press Start in the room.'
              : 'The interview starts when you press Start in the room, not before.'}
          </p>
        </div>
      </form>
    </div>
  );
}
