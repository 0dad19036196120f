import { useCallback, useState } from 'react';
import { useResource } from '../shared/api/use-resource';
import { mergeList } from './list-state';

/** A list loaded from the API, with what this page added or deleted since shown at once. */
export function useLibrary<T extends { id: string }>(key: string, load: (signal: AbortSignal) => Promise<T[]>) {
  const resource = useResource(key, load);
  const [added, setAdded] = useState<T[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const { reload } = resource;

  const add = useCallback(
    (item: T) => {
      setAdded((items) => [item, ...items]);
      reload();
    },
    [reload],
  );
  const remove = useCallback(
    (id: string) => {
      setRemoved((ids) => [...ids, id]);
      reload();
    },
    [reload],
  );

  return { resource, items: mergeList(resource.data, added, removed), add, remove };
}
