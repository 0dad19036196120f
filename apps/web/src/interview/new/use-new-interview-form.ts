import { ANSWER_SILENCE_DEFAULT_MS, type VoiceSource } from '@mockroom/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../shared/api/client';
import { interviewsApi, systemApi } from '../../shared/api/endpoints';
import { useResource } from '../../shared/api/use-resource';
import { useCurrentUser } from '../../shared/auth/auth-context';
import { usePlanForm } from '../../shared/plan/use-plan-form';
import type { FormError } from '../../shared/ui/fields';
import type { MicCheckResult } from './MicCheck';
import { buildInterviewRequest, type InterviewFormErrors, type InterviewSettings } from './new-interview-form';

/** The new AI interview form: its questions, how it runs, the microphone check, and creating it. */
export function useNewInterviewForm() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  // Questions are picked by role and level unless the address names a track or a question.
  const plan = usePlanForm('picked');
  const system = useResource(`system:${user.id}`, (signal) => systemApi.info(signal));
  const [maxFollowUps, setMaxFollowUps] = useState('1');
  const [silence, setSilence] = useState(String(ANSWER_SILENCE_DEFAULT_MS / 1000));
  const [chosenVoice, setVoice] = useState<VoiceSource | null>(null);
  const [micCheck, setMicCheck] = useState<MicCheckResult>('pending');
  const [errors, setErrors] = useState<InterviewFormErrors>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // Installations without a server voice engine speak with the browser's voice unless the user says otherwise.
  const browserOnly = system.data?.engines.find((engine) => engine.kind === 'tts')?.mode === 'browser';
  const settings: InterviewSettings = { maxFollowUps, silence, voice: chosenVoice ?? (browserOnly ? 'browser' : 'server') };

  async function submit() {
    if (submitting) return;
    const { request, errors: found } = buildInterviewRequest(plan.values, plan.trackQuestionCount, settings);
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
      setFormError({ message: `Couldn't create the interview. ${errorMessage(error)}`, details: error instanceof ApiError ? error.details : [] });
    }
  }

  return { plan, settings, setMaxFollowUps, setSilence, setVoice, micCheck, setMicCheck, errors, formError, submitting, submit };
}
