import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbortError } from './client';

export type Resource<T> =
  | { status: 'loading'; data: T | undefined; error: null }
  | { status: 'success'; data: T; error: null }
  | { status: 'error'; data: T | undefined; error: ApiError };

export interface UseResourceOptions {
  /** Keep showing the previous data while the next key loads (lists that refine as you type). */
  keepPrevious?: boolean;
}

interface Entry<T> {
  key: string | null;
  resource: Resource<T>;
}

/**
 * Loads data for `key` and reloads whenever the key changes; a null key loads nothing.
 * Requests for a key that is no longer current are aborted.
 */
export function useResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  { keepPrevious = false }: UseResourceOptions = {},
): Resource<T> & { reload: () => void } {
  const loadRef = useRef(load);
  loadRef.current = load;
  const [attempt, setAttempt] = useState(0);
  const [entry, setEntry] = useState<Entry<T>>({ key, resource: { status: 'loading', data: undefined, error: null } });

  // A new key is loading from the very first render, never showing the old key's outcome as final.
  let resource = entry.resource;
  if (entry.key !== key) {
    resource = { status: 'loading', data: keepPrevious ? entry.resource.data : undefined, error: null };
  }

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setEntry((previous) => ({
      key,
      resource: {
        status: 'loading',
        data: keepPrevious || previous.key === key ? previous.resource.data : undefined,
        error: null,
      },
    }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setEntry({ key, resource: { status: 'success', data, error: null } });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'Something went wrong. Please try again.');
        setEntry((previous) => ({
          key,
          resource: {
            status: 'error',
            data: previous.key === key || keepPrevious ? previous.resource.data : undefined,
            error: apiError,
          },
        }));
      },
    );
    return () => controller.abort();
  }, [key, attempt, keepPrevious]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...resource, reload };
}
