import type { CodingTaskView } from '@mockroom/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ApiError } from '../shared/api/client';
import type { LiveSocket } from '../shared/live/live-connection';
import { codingApi } from './coding-api';
import { CodingStore, socketChannel, type CodingState } from './coding-store';

/** Tasks by question id: null for a question without an editor. Shared by every room of the page's life. */
const tasks = new Map<string, CodingTaskView | null>();
const loadingTasks = new Map<string, Promise<CodingTaskView | null>>();
const RETRY_MS = [1_000, 4_000];

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The questions with an editor, asked once: most questions have none, and are not asked about one by one. */
let withEditor: Promise<Set<string>> | null = null;

function questionsWithEditor(): Promise<Set<string>> {
  withEditor ??= codingApi.questionIds().then(
    ({ questionIds }) => new Set(questionIds),
    (error: unknown) => {
      withEditor = null;
      throw error;
    },
  );
  return withEditor;
}

async function fetchTask(questionId: string): Promise<CodingTaskView | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (!(await questionsWithEditor()).has(questionId)) return null;
      return await codingApi.task(questionId);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      // Not known either way (offline for a moment): try again, and after that ask again next time.
      if (attempt >= RETRY_MS.length) throw error;
      await wait(RETRY_MS[attempt]);
    }
  }
}

function loadTask(questionId: string): Promise<CodingTaskView | null> {
  let loading = loadingTasks.get(questionId);
  if (!loading) {
    loading = fetchTask(questionId)
      .then((task) => {
        tasks.set(questionId, task);
        return task;
      })
      .finally(() => loadingTasks.delete(questionId));
    loadingTasks.set(questionId, loading);
  }
  return loading;
}

/** The editor of a question, or null: while it loads, and for the many questions without one. */
export function useCodingTask(questionId: string | null): CodingTaskView | null {
  const [loaded, setLoaded] = useState<{ id: string; task: CodingTaskView | null } | null>(null);
  useEffect(() => {
    if (!questionId || tasks.has(questionId)) return;
    let current = true;
    loadTask(questionId).then(
      (task) => current && setLoaded({ id: questionId, task }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [questionId]);
  if (!questionId) return null;
  if (tasks.has(questionId)) return tasks.get(questionId) ?? null;
  return loaded?.id === questionId ? loaded.task : null;
}

/** The interview's coding store while the panel is mounted (opened on mount, closed on unmount). */
export function useCodingStore(interviewId: string, socket: LiveSocket): CodingStore | null {
  const [store, setStore] = useState<CodingStore | null>(null);
  useEffect(() => {
    const made = new CodingStore(interviewId, socketChannel(socket));
    made.open();
    setStore(made);
    return () => {
      made.close();
      setStore((current) => (current === made ? null : current));
    };
  }, [interviewId, socket]);
  return store;
}

export function useCodingState(store: CodingStore): CodingState {
  return useSyncExternalStore(store.subscribe, store.getState);
}
