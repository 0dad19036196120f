import type { ResumeClaim, ResumeCorrection, ResumeProfile } from '@mockroom/contracts';
import { SkillLexicon } from '../lexicon/skill-lexicon.matcher';
import { extractClaim } from './claim.parser';

/** Longest claim text a correction may give, and most skills and claims a profile keeps. */
export const MAX_CLAIM_CHARS = 400;
export const MAX_SKILLS = 150;
export const MAX_CLAIMS = 60;

export class CorrectionRefused extends Error {}

/**
 * The profile with the owner's corrections: fields given replace the ones read. A claim whose text changed is read
 * again (its action, object and metric); one that no longer reads as a claim is kept as the owner wrote it, as a
 * delivery claim, since the owner says it is one.
 */
export function correctProfile(profile: ResumeProfile, correction: ResumeCorrection): ResumeProfile {
  const next: ResumeProfile = { ...profile };
  if (correction.name !== undefined) next.name = correction.name?.trim() || null;
  if (correction.headline !== undefined) next.headline = correction.headline?.trim() || null;
  if (correction.skills !== undefined) {
    const seen = new Set<string>();
    next.skills = correction.skills
      .map((s) => s.trim().replace(/\s+/g, ' '))
      .filter((s) => s && !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
    if (next.skills.length > MAX_SKILLS) throw new CorrectionRefused(`A profile keeps at most ${MAX_SKILLS} skills.`);
  }
  if (correction.claims !== undefined) {
    if (correction.claims.length > MAX_CLAIMS)
      throw new CorrectionRefused(`A profile keeps at most ${MAX_CLAIMS} claims.`);
    const byId = new Map(profile.claims.map((c) => [c.id, c]));
    next.claims = correction.claims.map(({ id, text }) => {
      const before = byId.get(id);
      if (!before) throw new CorrectionRefused(`There is no claim "${id.slice(0, 40)}" on this résumé.`);
      const written = text.trim().replace(/\s+/g, ' ');
      if (!written || written.length > MAX_CLAIM_CHARS)
        throw new CorrectionRefused(`A claim needs text (1–${MAX_CLAIM_CHARS} characters).`);
      if (written === before.text) return before;
      return reread(written, before);
    });
  }
  return next;
}

function reread(text: string, before: ResumeClaim): ResumeClaim {
  const context = { organisation: before.organisation, roleTitle: before.roleTitle };
  const read = extractClaim(text, context, SkillLexicon.default());
  // The id stays: interviews and corrections refer to the claim, whatever its wording now.
  if (read) return { ...read, id: before.id };
  return {
    ...before,
    text,
    action: text,
    object: null,
    metric: null,
    skills: SkillLexicon.default().find(text),
    kind: 'delivery',
  };
}
