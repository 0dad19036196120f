/** The parts a person or program plays in an interview room. */
export const LIVEKIT_ROLES = ['candidate', 'interviewer', 'agent'] as const;
export type LiveKitRole = (typeof LIVEKIT_ROLES)[number];

export function isLiveKitRole(value: unknown): value is LiveKitRole {
  return typeof value === 'string' && (LIVEKIT_ROLES as readonly string[]).includes(value);
}

/** The participant metadata our tokens carry (a JSON string in LiveKit's `metadata`). */
export function roleMetadata(role: LiveKitRole): string {
  return JSON.stringify({ role });
}

/**
 * The role a participant joined with, read from what its token carried: the `role` attribute first,
 * then the `{ "role": … }` metadata. Null when neither names one of our roles (a participant we did not mint a token for).
 * Participants cannot change either themselves: our tokens never grant `canUpdateOwnMetadata`.
 */
export function roleOf(participant: { attributes?: Record<string, string>; metadata?: string }): LiveKitRole | null {
  const attribute = participant.attributes?.['role'];
  if (isLiveKitRole(attribute)) return attribute;
  if (!participant.metadata) return null;
  try {
    const parsed: unknown = JSON.parse(participant.metadata);
    const role = parsed && typeof parsed === 'object' ? (parsed as { role?: unknown }).role : undefined;
    return isLiveKitRole(role) ? role : null;
  } catch {
    return null;
  }
}
