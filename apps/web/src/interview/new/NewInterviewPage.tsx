import { FOLLOW_UPS_MAX, type VoiceSource } from '@mockroom/contracts';
import { Link } from 'react-router';
import { PlanFields } from '../../shared/plan/PlanFields';
import { CreateForm, PlanPage } from '../../shared/plan/PlanPage';
import { FormSection, InputField, SelectField } from '../../shared/ui/fields';
import { useDocumentTitle } from '../../shared/ui/use-document-title';
import { MicCheck } from './MicCheck';
import { SILENCE_MAX_S, SILENCE_MIN_S } from './new-interview-form';
import { useNewInterviewForm } from './use-new-interview-form';

/** `/interviews/new`: choose what to practise and how the interview runs, check the microphone, create it. */
export function NewInterviewPage() {
  useDocumentTitle('Start an interview');
  const form = useNewInterviewForm();
  const { settings, errors } = form;

  return (
    <PlanPage
      title="Start an interview"
      lead={
        <>
          An AI interviewer asks the questions out loud, listens to your answers and follows up. Pick what to practise,
          check your microphone, and you're in. Or{' '}
          <Link to="/resumes">tailor one to your résumé and a job posting</Link>.
        </>
      }
    >
      <CreateForm
        onSubmit={() => void form.submit()}
        formError={form.formError}
        submitting={form.submitting}
        label="Create interview"
        note={
          form.micCheck === 'heard'
            ? 'Your microphone works. The interview starts when you press Start in the room.'
            : 'The interview starts when you press Start in the room, not before.'
        }
      >
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
      </CreateForm>
    </PlanPage>
  );
}
