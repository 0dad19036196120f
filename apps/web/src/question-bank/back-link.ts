/** Carried in a link's state so a question page can offer a way back to exactly where the user came from. */
export interface BackLinkState {
  backTo: string;
  backLabel: string;
}

export function readBackLink(state: unknown): BackLinkState | null {
  if (typeof state !== 'object' || state === null) return null;
  const { backTo, backLabel } = state as Partial<BackLinkState>;
  if (typeof backTo !== 'string' || typeof backLabel !== 'string') return null;
  if (!backTo.startsWith('/') || backTo.startsWith('//')) return null;
  return { backTo, backLabel };
}
