/**
 * A loaded list with what this page changed since it loaded: items just made come first (until the list reloads with
 * them), deleted ones leave at once. Undefined while the list has not loaded.
 */
export function mergeList<T extends { id: string }>(
  loaded: readonly T[] | undefined,
  added: readonly T[],
  removed: readonly string[],
): T[] | undefined {
  if (!loaded) return undefined;
  const gone = new Set(removed);
  const known = new Set(loaded.map((item) => item.id));
  const fresh = added.filter((item) => !known.has(item.id) && !gone.has(item.id));
  return [...fresh, ...loaded.filter((item) => !gone.has(item.id))];
}
