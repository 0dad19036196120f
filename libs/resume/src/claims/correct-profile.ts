import type { ResumeClaim, ResumeCorrection, ResumeProfile } from '@mockroom/contracts';
import { SkillLexicon } from '../lexicon/skill-lexicon.matcher';
import { currentMonth, yearsCovered } from '../resume/date-range.parser';
import { extractClaim } from './claim.parser';

/** Longest claim text a correction may give, and most skills and claims a profile keeps. */
export const MAX_CLAIM_CHARS = 400;
export const MAX_SKILLS = 150;
export const MAX_CLAIMS = 60;
export const MAX_ROLES = 30;
export const MAX_PROJECTS = 30;

const MONTH = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

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
  if (correction.roles !== undefined) {
    if (correction.roles.length > MAX_ROLES) throw new CorrectionRefused(`A profile keeps at most ${MAX_ROLES} roles.`);
    next.roles = correction.roles.map((role, i) => {
      const title = role.title.trim();
      if (!title) throw new CorrectionRefused(`Role ${i + 1} needs a title.`);
      for (const [field, value] of [
        ['start', role.start],
        ['end', role.end],
      ] as const) {
        if (value !== null && !MONTH.test(value))
          throw new CorrectionRefused(`Role ${i + 1}: ${field} must be a year (2021) or a month (2021-03).`);
      }
      if (role.start && role.end && role.end < role.start)
        throw new CorrectionRefused(`Role ${i + 1} ends before it starts.`);
      // The bullets stay with the role they were read under: they are where the claims came from.
      const before =
        role.from === undefined
          ? profile.roles.find((r) => r.title === title && r.organisation === role.organisation)
          : role.from === null
            ? undefined
            : profile.roles[role.from];
      if (role.from !== undefined && role.from !== null && !before)
        throw new CorrectionRefused(`Role ${i + 1} says it corrects role ${role.from + 1}, which was not read.`);
      return {
        title,
        organisation: role.organisation?.trim() || null,
        start: role.start,
        end: role.current ? null : role.end,
        current: role.current,
        bullets: before?.bullets ?? (role.from === undefined ? (profile.roles[i]?.bullets ?? []) : []),
      };
    });
    next.yearsOfExperience = yearsCovered(next.roles, currentMonth());
  }
  if (correction.projects !== undefined) {
    if (correction.projects.length > MAX_PROJECTS)
      throw new CorrectionRefused(`A profile keeps at most ${MAX_PROJECTS} projects.`);
    next.projects = correction.projects.map((project, i) => {
      const name = project.name.trim();
      if (!name) throw new CorrectionRefused(`Project ${i + 1} needs a name.`);
      const description = project.description.trim();
      return { name, description, skills: SkillLexicon.default().find(`${name}. ${description}`) };
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
