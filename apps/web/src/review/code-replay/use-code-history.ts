import type { CodeRunView, CodeSnapshot } from '@mockroom/contracts';
import { useMemo } from 'react';
import { request } from '../../shared/api/client';
import { useResource } from '../../shared/api/use-resource';
import { groupByQuestion, type QuestionCode } from './replay';

export const codeHistoryApi = {
  snapshots: (interviewId: string, signal?: AbortSignal): Promise<CodeSnapshot[]> =>
    request<CodeSnapshot[]>('GET', `/interviews/${encodeURIComponent(interviewId)}/code-snapshots`, { signal }),
  runs: (interviewId: string, signal?: AbortSignal): Promise<CodeRunView[]> =>
    request<CodeRunView[]>('GET', `/interviews/${encodeURIComponent(interviewId)}/code-runs`, { signal }),
};

const NONE = new Map<string, QuestionCode>();

/**
 * The interview's code per coding question (empty without any). A failed load shows nothing too: the replay is an
 * extra, and most interviews have no code to replay.
 */
export function useCodeHistory(interviewId: string): Map<string, QuestionCode> {
  const { data } = useResource(`code-history:${interviewId}`, (signal) =>
    Promise.all([codeHistoryApi.snapshots(interviewId, signal), codeHistoryApi.runs(interviewId, signal)]),
  );
  return useMemo(() => (data ? groupByQuestion(data[0], data[1]) : NONE), [data]);
}
