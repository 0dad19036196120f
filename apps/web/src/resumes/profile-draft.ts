import type { ResumeCorrection, ResumeProfile, ResumeProject } from '@mockroom/contracts';
import { monthYear } from './resume-view';

/** A claim as the owner is correcting it. */
export interface ClaimDraft {
  id: string;
  text: string;
}

/** A role as the owner is correcting it: empty text stands for "not given". */
export interface RoleDraft {
  /** Tells the roles apart while their titles change; never sent. */
  key: string;
  title: string;
  organisation: string;
  /** 'YYYY' or 'YYYY-MM' when valid; whatever was typed until then. */
  start: string;
  end: string;
  current: boolean;
  /** As read, shown and never edited: the server keeps them with the role. */
  bullets: string[];
}

/** A project as the owner is correcting it. */
export interface ProjectDraft {
  key: string;
  name: string;
  description: string;
  /** The project as read (null for one added by hand), to tell when its skills will be read again. */
  read: ResumeProject | null;
}

/** What was understood of a résumé, as the owner is correcting it. */
export interface ProfileDraft {
  name: string;
  headline: string;
  skills: string[];
  claims: ClaimDraft[];
  /** Newest first. */
  roles: RoleDraft[];
  projects: ProjectDraft[];
}

type RoleCorrection = NonNullable<ResumeCorrection['roles']>[number];
type ProjectCorrection = NonNullable<ResumeCorrection['projects']>[number];

/** As long as the server keeps a skill. */
export const SKILL_MAX_CHARS = 60;
export const CLAIM_MAX_CHARS = 400;
/** As long as the server keeps them. */
export const NAME_MAX_CHARS = 120;
export const HEADLINE_MAX_CHARS = 200;
export const ROLE_TITLE_MAX_CHARS = 120;
export const ORGANISATION_MAX_CHARS = 120;
export const PROJECT_NAME_MAX_CHARS = 120;
export const PROJECT_DESCRIPTION_MAX_CHARS = 1000;
/** As many as the server keeps. */
export const MAX_ROLES = 30;
export const MAX_PROJECTS = 30;

/** A year, or a year and month: what the server takes as a role's date. */
const ROLE_DATE = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

let lastKey = 0;
function newKey(kind: 'role' | 'project'): string {
  lastKey += 1;
  return `new-${kind}-${lastKey}`;
}

export function draftFromProfile(profile: ResumeProfile): ProfileDraft {
  return {
    name: profile.name ?? '',
    headline: profile.headline ?? '',
    skills: [...profile.skills],
    claims: profile.claims.map(({ id, text }) => ({ id, text })),
    roles: profile.roles.map((role, i) => ({
      key: `read-role-${i}`,
      title: role.title,
      organisation: role.organisation ?? '',
      start: role.start ?? '',
      end: role.current ? '' : (role.end ?? ''),
      current: role.current,
      bullets: [...role.bullets],
    })),
    projects: profile.projects.map((project, i) => ({
      key: `read-project-${i}`,
      name: project.name,
      description: project.description,
      read: project,
    })),
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

/** The role's words and dates as given; the end is left as it is while the role is current. */
export function editRole(
  draft: ProfileDraft,
  key: string,
  changes: Partial<Pick<RoleDraft, 'title' | 'organisation' | 'start' | 'end'>>,
): ProfileDraft {
  return {
    ...draft,
    roles: draft.roles.map((role) => {
      if (role.key !== key) return role;
      const next = { ...role, ...changes };
      return role.current ? { ...next, end: '' } : next;
    }),
  };
}

/** A current role has no end: ticking it clears the end. */
export function setRoleCurrent(draft: ProfileDraft, key: string, current: boolean): ProfileDraft {
  return {
    ...draft,
    roles: draft.roles.map((role) => (role.key === key ? { ...role, current, end: current ? '' : role.end } : role)),
  };
}

/** One more, empty role at the top (roles are newest first); the draft as it was once there are as many as kept. */
export function addRole(draft: ProfileDraft): ProfileDraft {
  if (draft.roles.length >= MAX_ROLES) return draft;
  const role: RoleDraft = {
    key: newKey('role'),
    title: '',
    organisation: '',
    start: '',
    end: '',
    current: false,
    bullets: [],
  };
  return { ...draft, roles: [role, ...draft.roles] };
}

export function removeRole(draft: ProfileDraft, key: string): ProfileDraft {
  return { ...draft, roles: draft.roles.filter((role) => role.key !== key) };
}

export function editProject(
  draft: ProfileDraft,
  key: string,
  changes: Partial<Pick<ProjectDraft, 'name' | 'description'>>,
): ProfileDraft {
  return {
    ...draft,
    projects: draft.projects.map((project) => (project.key === key ? { ...project, ...changes } : project)),
  };
}

/** One more, empty project at the top; the draft as it was once there are as many as kept. */
export function addProject(draft: ProfileDraft): ProfileDraft {
  if (draft.projects.length >= MAX_PROJECTS) return draft;
  return { ...draft, projects: [{ key: newKey('project'), name: '', description: '', read: null }, ...draft.projects] };
}

export function removeProject(draft: ProfileDraft, key: string): ProfileDraft {
  return { ...draft, projects: draft.projects.filter((project) => project.key !== key) };
}

export function roleTitleError(title: string): string | null {
  const clean = tidy(title);
  if (!clean) return 'A role needs a title. Remove it instead if it should not be there.';
  if (clean.length > ROLE_TITLE_MAX_CHARS) return `A title is at most ${ROLE_TITLE_MAX_CHARS} characters.`;
  return null;
}

export function organisationError(organisation: string): string | null {
  return tidy(organisation).length > ORGANISATION_MAX_CHARS
    ? `An organisation is at most ${ORGANISATION_MAX_CHARS} characters.`
    : null;
}

/** Why a date cannot be sent as it is (empty is fine: not given), or null. */
export function roleDateError(value: string): string | null {
  const clean = value.trim();
  if (!clean || ROLE_DATE.test(clean)) return null;
  return 'Give a year (2021) or a month (2021-03).';
}

/** Why a role's end cannot stay as it is: its shape, or that it comes before the start. Null while current. */
export function roleEndError(role: Pick<RoleDraft, 'start' | 'end' | 'current'>): string | null {
  if (role.current) return null;
  const shape = roleDateError(role.end);
  if (shape) return shape;
  const start = role.start.trim();
  const end = role.end.trim();
  if (!start || !end || roleDateError(start) || end >= start) return null;
  // Compared as text, as the server does: a lone year comes before the months of that year.
  if (start.startsWith(end)) return `Give the month it ended too: it started in ${monthYear(start)}.`;
  return 'The end cannot be before the start.';
}

export type RoleField = 'title' | 'organisation' | 'start' | 'end';

export function roleErrors(role: RoleDraft): Partial<Record<RoleField, string>> {
  const errors: Partial<Record<RoleField, string>> = {};
  const found: [RoleField, string | null][] = [
    ['title', roleTitleError(role.title)],
    ['organisation', organisationError(role.organisation)],
    ['start', roleDateError(role.start)],
    ['end', roleEndError(role)],
  ];
  for (const [field, error] of found) if (error) errors[field] = error;
  return errors;
}

export function projectNameError(name: string): string | null {
  const clean = tidy(name);
  if (!clean) return 'A project needs a name. Remove it instead if it should not be there.';
  if (clean.length > PROJECT_NAME_MAX_CHARS) return `A name is at most ${PROJECT_NAME_MAX_CHARS} characters.`;
  return null;
}

export function projectDescriptionError(description: string): string | null {
  return tidy(description).length > PROJECT_DESCRIPTION_MAX_CHARS
    ? `A description is at most ${PROJECT_DESCRIPTION_MAX_CHARS.toLocaleString('en')} characters.`
    : null;
}

export type ProjectField = 'name' | 'description';

export function projectErrors(project: ProjectDraft): Partial<Record<ProjectField, string>> {
  const errors: Partial<Record<ProjectField, string>> = {};
  const name = projectNameError(project.name);
  const description = projectDescriptionError(project.description);
  if (name) errors.name = name;
  if (description) errors.description = description;
  return errors;
}

/** How an error is filed: by claim id, or by the role's or project's key and the field. */
export const errorKey = {
  claim: (id: string) => `claim:${id}`,
  role: (key: string, field: RoleField) => `role:${key}:${field}`,
  project: (key: string, field: ProjectField) => `project:${key}:${field}`,
};

/** A field that cannot be sent as it is. */
export interface DraftError {
  key: string;
  /** The field as named mid-sentence: "role 2's end". */
  label: string;
  message: string;
}

const ROLE_FIELDS: readonly RoleField[] = ['title', 'organisation', 'start', 'end'];
const PROJECT_FIELDS: readonly ProjectField[] = ['name', 'description'];

/** What must be fixed before the correction is sent, in the order the page shows it. */
export function draftErrors(draft: ProfileDraft): DraftError[] {
  const errors: DraftError[] = [];
  draft.roles.forEach((role, i) => {
    const found = roleErrors(role);
    for (const field of ROLE_FIELDS) {
      const message = found[field];
      if (message) errors.push({ key: errorKey.role(role.key, field), label: `role ${i + 1}'s ${field}`, message });
    }
  });
  draft.projects.forEach((project, i) => {
    const found = projectErrors(project);
    for (const field of PROJECT_FIELDS) {
      const message = found[field];
      if (message)
        errors.push({ key: errorKey.project(project.key, field), label: `project ${i + 1}'s ${field}`, message });
    }
  });
  draft.claims.forEach((claim, i) => {
    const message = claimTextError(claim.text);
    if (message) errors.push({ key: errorKey.claim(claim.id), label: `claim ${i + 1}`, message });
  });
  return errors;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((item, i) => same(item, b[i]));
}

function sameRole(x: RoleCorrection, y: RoleCorrection): boolean {
  return (
    x.title === y.title &&
    x.organisation === y.organisation &&
    x.start === y.start &&
    x.end === y.end &&
    x.current === y.current
  );
}

/** A role as sent: tidied, empty as null, no end while current. */
function roleToSend(
  role: Pick<RoleDraft, 'title' | 'organisation' | 'start' | 'end' | 'current'> & { key?: string },
): RoleCorrection {
  // Which role as read this is: its bullets stay with it on the server, whatever it is renamed to.
  const read = role.key ? /^read-role-(\d+)$/.exec(role.key) : null;
  return {
    ...(role.key !== undefined ? { from: read ? Number(read[1]) : null } : {}),
    title: tidy(role.title),
    organisation: tidy(role.organisation) || null,
    start: role.start.trim() || null,
    end: role.current ? null : role.end.trim() || null,
    current: role.current,
  };
}

/** Descriptions are one paragraph: the server refuses line breaks. */
function projectToSend(project: Pick<ProjectDraft, 'name' | 'description'>): ProjectCorrection {
  return { name: tidy(project.name), description: tidy(project.description) };
}

/**
 * The correction to send: only what differs from the profile (each list whole, when any of it changed).
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
  // Compared with the profile read the same way, so that tidying alone is not a change.
  const roles = draft.roles.map(roleToSend);
  const readRoles = profile.roles.map((role) =>
    roleToSend({ ...role, organisation: role.organisation ?? '', start: role.start ?? '', end: role.end ?? '' }),
  );
  if (!sameList(roles, readRoles, sameRole)) correction.roles = roles;
  const projects = draft.projects.map(projectToSend);
  const readProjects = profile.projects.map(projectToSend);
  if (!sameList(projects, readProjects, (x, y) => x.name === y.name && x.description === y.description))
    correction.projects = projects;
  return correction;
}
