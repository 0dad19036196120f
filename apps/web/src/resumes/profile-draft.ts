import type { ResumeCorrection, ResumeProfile } from '@mockroom/contracts';

/** A claim as the owner is correcting it. */
export interface ClaimDraft {
  id: string;
  text: string;
}

/** What was understood of a résumé, as the owner is correcting it. */
export interface ProfileDraft {
  name: string;
  headline: string;
  skills: string[];
  claims: ClaimDraft[];
}

/** As long as the server keeps a skill. */
export const SKILL_MAX_CHARS = 60;
export const CLAIM_MAX_CHARS = 400;
/** As long as the server keeps them. */
export const NAME_MAX_CHARS = 120;
export const HEADLINE_MAX_CHARS = 200;

export function draftFromProfile(profile: ResumeProfile): ProfileDraft {
  return {
    name: profile.name ?? '',
    headline: profile.headline ?? '',
    skills: [...profile.skills],
    claims: profile.claims.map(({ id, text }) => ({ id, text })),
  };
}

/** Text as it is compared and sent: trimmed, runs of spaces as one. */
export function tidy(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** The skills with one more (tidied), or why it cannot be added. */
export function addSkill(skills: readonly string[], raw: string): { skills: string[]; error: string | null } {
  const skill = tidy(raw);
  if (!skill) return { skills: [...skills], error: 'Type a skill first.' };
  if (skill.length > SKILL_MAX_CHARS)
    return { skills: [...skills], error: `A skill is at most ${SKILL_MAX_CHARS} characters.` };
  const same = skills.find((existing) => existing.toLowerCase() === skill.toLowerCase());
  if (same) return { skills: [...skills], error: `${same} is already listed.` };
  return { skills: [...skills, skill], error: null };
}

export function removeSkill(skills: readonly string[], skill: string): string[] {
  return skills.filter((existing) => existing !== skill);
}

export function setClaimText(draft: ProfileDraft, id: string, text: string): ProfileDraft {
  return { ...draft, claims: draft.claims.map((claim) => (claim.id === id ? { ...claim, text } : claim)) };
}

export function removeClaim(draft: ProfileDraft, id: string): ProfileDraft {
  return { ...draft, claims: draft.claims.filter((claim) => claim.id !== id) };
}

/** Why a claim's text cannot be kept as it is, or null. */
export function claimTextError(text: string): string | null {
  const clean = tidy(text);
  if (!clean) return 'A claim needs its words. Remove it instead if it should not be asked about.';
  if (clean.length > CLAIM_MAX_CHARS) return `A claim is at most ${CLAIM_MAX_CHARS} characters.`;
  return null;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((item, i) => same(item, b[i]));
}

/**
 * The correction to send: only what differs from the profile (the skills and claims whole, when any of them changed).
 * Empty when nothing did.
 */
export function correctionFrom(draft: ProfileDraft, profile: ResumeProfile): ResumeCorrection {
  const correction: ResumeCorrection = {};
  const name = tidy(draft.name);
  const headline = tidy(draft.headline);
  if (name !== (profile.name ?? '')) correction.name = name || null;
  if (headline !== (profile.headline ?? '')) correction.headline = headline || null;
  if (!sameList(draft.skills, profile.skills, (x, y) => x === y)) correction.skills = [...draft.skills];
  const claims = draft.claims.map((claim) => ({ id: claim.id, text: tidy(claim.text) }));
  if (!sameList(claims, profile.claims, (x, y) => x.id === y.id && x.text === y.text)) correction.claims = claims;
  return correction;
}

/** What must be fixed before the correction is sent: the claims whose text cannot stay, by id. */
export function draftErrors(draft: ProfileDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const claim of draft.claims) {
    const error = claimTextError(claim.text);
    if (error) errors[claim.id] = error;
  }
  return errors;
}
