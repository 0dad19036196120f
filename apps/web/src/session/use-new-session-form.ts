import type { HumanSession } from '@mockroom/contracts';
import { useState } from 'react';
import { sessionsApi } from '../shared/api/endpoints';
import { useCreateForm } from '../shared/plan/use-create-form';
import { usePlanForm } from '../shared/plan/use-plan-form';
import { buildSessionRequest } from './session-form';

/** The new session form: its questions, when it is, and creating it (`onCreated` gets the session and its link). */
export function useNewSessionForm(onCreated: (session: HumanSession) => void) {
  // Questions come from a track unless the address says otherwise.
  const plan = usePlanForm('track');
  const [scheduledFor, setScheduledFor] = useState('');
  const create = useCreateForm({
    what: 'session',
    fixFirst: 'Some details need fixing before the session can be created.',
    build: () => buildSessionRequest({ plan: plan.values, scheduledFor }, plan.trackQuestionCount),
    create: (request) => sessionsApi.create(request),
    onCreated,
  });
  return { plan, scheduledFor, setScheduledFor, ...create };
}
