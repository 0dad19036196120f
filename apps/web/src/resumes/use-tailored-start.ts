import type { JobDescriptionSummary, Level, ResumeDetail, Role, VoiceSource } from '@mockroom/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { interviewsApi, jobDescriptionsApi, resumesApi, systemApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { useCreateForm } from '../shared/plan/use-create-form';
import { buildTailoredRequest, initialTailoredValues, suggestedRoleLevel, type TailoredValues } from './tailored-form';

/** Where the form is: on a résumé's page (choose a job description) or on a job description's (choose a résumé). */
export type TailoredFrom = { kind: 'resume'; resume: ResumeDetail } | { kind: 'job'; job: JobDescriptionSummary };

/** The tailored interview form: the other half to choose, the counts, role and level, the voice, and creating it. */
export function useTailoredStart(from: TailoredFrom) {
  const navigate = useNavigate();
  const system = useResource('system', (signal) => systemApi.info(signal));
  const jobs = useResource(from.kind === 'resume' ? 'job-descriptions' : null, (signal) =>
    jobDescriptionsApi.list(signal),
  );
  const resumes = useResource(from.kind === 'job' ? 'resumes' : null, (signal) => resumesApi.list(signal));
  const [values, setValues] = useState<TailoredValues>(() =>
    initialTailoredValues(
      from.kind === 'resume' ? { resumeId: from.resume.id } : { jobDescriptionId: from.job.id },
      'server',
    ),
  );
  const [voiceChosen, setVoiceChosen] = useState(false);

  // As on the new interview page: without a server voice engine the browser speaks, unless the user says otherwise.
  const browserOnly = system.data?.engines.find((engine) => engine.kind === 'tts')?.mode === 'browser';
  const voice: VoiceSource = voiceChosen ? values.voice : browserOnly ? 'browser' : 'server';

  const job = from.kind === 'job' ? from.job : (jobs.data?.find((item) => item.id === values.jobDescriptionId) ?? null);
  const suggested = suggestedRoleLevel(job, from.kind === 'resume' ? from.resume.profile : null);
  const current = { ...values, voice };

  const create = useCreateForm({
    what: 'interview',
    fixFirst: 'Some settings need fixing before the interview can be created.',
    build: () => buildTailoredRequest(current, suggested),
    create: (request) => interviewsApi.create(request),
    onCreated: (created) => void navigate(`/interviews/${created.id}`),
  });

  const set = <K extends keyof TailoredValues>(key: K, value: TailoredValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  return {
    values: current,
    role: values.role ?? suggested.role,
    level: values.level ?? suggested.level,
    jobs,
    resumes,
    setJob: (id: string) => set('jobDescriptionId', id),
    setResume: (id: string) => set('resumeId', id),
    setQuestionCount: (count: string) => set('questionCount', count),
    setClaimQuestionCount: (count: string) => set('claimQuestionCount', count),
    setRole: (role: Role) => set('role', role),
    setLevel: (level: Level) => set('level', level),
    setVoice: (next: VoiceSource) => {
      setVoiceChosen(true);
      set('voice', next);
    },
    ...create,
  };
}
