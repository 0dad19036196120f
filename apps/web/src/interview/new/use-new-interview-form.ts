import { ANSWER_SILENCE_DEFAULT_MS, type VoiceSource } from '@mockroom/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { interviewsApi, systemApi } from '../../shared/api/endpoints';
import { useResource } from '../../shared/api/use-resource';
import { useCurrentUser } from '../../shared/auth/auth-context';
import { useCreateForm } from '../../shared/plan/use-create-form';
import { usePlanForm } from '../../shared/plan/use-plan-form';
import type { MicCheckResult } from './MicCheck';
import { buildInterviewRequest, type InterviewSettings } from './new-interview-form';

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

  // Installations without a server voice engine speak with the browser's voice unless the user says otherwise.
  const browserOnly = system.data?.engines.find((engine) => engine.kind === 'tts')?.mode === 'browser';
  const settings: InterviewSettings = {
    maxFollowUps,
    silence,
    voice: chosenVoice ?? (browserOnly ? 'browser' : 'server'),
  };

  const create = useCreateForm({
    what: 'interview',
    fixFirst: 'Some settings need fixing before the interview can be created.',
    build: () => buildInterviewRequest(plan.values, plan.trackQuestionCount, settings),
    create: (request) => interviewsApi.create(request),
    onCreated: (created) => void navigate(`/interviews/${created.id}`),
  });

  return { plan, settings, setMaxFollowUps, setSilence, setVoice, micCheck, setMicCheck, ...create };
}
