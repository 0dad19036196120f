import type { CodeRunRequest, CodeRunView, CodingTaskView } from '@mockroom/contracts';
import { request } from '../shared/api/client';

/** The coding rounds' endpoints. */
export const codingApi = {
  /** The questions that open an editor. */
  questionIds: (signal?: AbortSignal): Promise<{ questionIds: string[] }> =>
    request<{ questionIds: string[] }>('GET', '/coding-questions', { signal }),
  /** The editor of a question; 404 when the question has none. */
  task: (questionId: string, signal?: AbortSignal): Promise<CodingTaskView> =>
    request<CodingTaskView>('GET', `/questions/${encodeURIComponent(questionId)}/coding`, { signal }),
  /** The interview's runs, oldest first. */
  runs: (interviewId: string, signal?: AbortSignal): Promise<CodeRunView[]> =>
    request<CodeRunView[]>('GET', `/interviews/${encodeURIComponent(interviewId)}/code-runs`, { signal }),
  /** Queues a run (202, status queued); its progress follows as `code:run` events. */
  run: (interviewId: string, body: CodeRunRequest): Promise<CodeRunView> =>
    request<CodeRunView>('POST', `/interviews/${encodeURIComponent(interviewId)}/code-runs`, { body }),
};

export type CodingApi = Pick<typeof codingApi, 'runs' | 'run'>;
