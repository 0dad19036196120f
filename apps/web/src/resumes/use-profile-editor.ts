import type { ResumeDetail } from '@mockroom/contracts';
import { useState } from 'react';
import { errorMessage } from '../shared/api/client';
import { resumesApi } from '../shared/api/endpoints';
import {
  addProject,
  addRole,
  addSkill,
  correctionFrom,
  draftErrors,
  draftFromProfile,
  editProject,
  editRole,
  removeClaim,
  removeProject,
  removeRole,
  removeSkill,
  setClaimText,
  setRoleCurrent,
  type ProfileDraft,
  type ProjectDraft,
  type RoleDraft,
} from './profile-draft';

export type SaveState = { status: 'idle' | 'saving' | 'saved' } | { status: 'failed'; message: string };

/** Correcting what was understood of a résumé: the draft, its changes, and saving them (the answer replaces both). */
export function useProfileEditor(resume: ResumeDetail, onSaved: (resume: ResumeDetail) => void) {
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromProfile(resume.profile));
  const [skillError, setSkillError] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const correction = correctionFrom(draft, resume.profile);
  const dirty = Object.keys(correction).length > 0;
  const errorList = draftErrors(draft);
  const errors: Record<string, string> = Object.fromEntries(errorList.map((error) => [error.key, error.message]));

  // Any change after a save makes "Saved" stale.
  const change = (next: ProfileDraft) => {
    setDraft(next);
    if (save.status !== 'saving') setSave({ status: 'idle' });
  };

  return {
    draft,
    dirty,
    /** Messages by `errorKey`. */
    errors,
    /** The first field to fix, in page order; saving waits for none. */
    firstError: errorList[0] ?? null,
    errorCount: errorList.length,
    /** The dates will change the years of experience once saved. */
    rolesChanged: correction.roles !== undefined,
    save,
    skillError,
    setName: (name: string) => change({ ...draft, name }),
    setHeadline: (headline: string) => change({ ...draft, headline }),
    /** True when the skill was added. */
    addSkill: (raw: string): boolean => {
      const result = addSkill(draft.skills, raw);
      setSkillError(result.error);
      if (!result.error) change({ ...draft, skills: result.skills });
      return !result.error;
    },
    removeSkill: (skill: string) => change({ ...draft, skills: removeSkill(draft.skills, skill) }),
    setClaimText: (id: string, text: string) => change(setClaimText(draft, id, text)),
    removeClaim: (id: string) => change(removeClaim(draft, id)),
    editRole: (key: string, changes: Partial<Pick<RoleDraft, 'title' | 'organisation' | 'start' | 'end'>>) =>
      change(editRole(draft, key, changes)),
    setRoleCurrent: (key: string, current: boolean) => change(setRoleCurrent(draft, key, current)),
    /** The new role's key, or null when no more can be kept. */
    addRole: (): string | null => {
      const next = addRole(draft);
      if (next === draft) return null;
      change(next);
      return next.roles[0].key;
    },
    removeRole: (key: string) => change(removeRole(draft, key)),
    editProject: (key: string, changes: Partial<Pick<ProjectDraft, 'name' | 'description'>>) =>
      change(editProject(draft, key, changes)),
    /** The new project's key, or null when no more can be kept. */
    addProject: (): string | null => {
      const next = addProject(draft);
      if (next === draft) return null;
      change(next);
      return next.projects[0].key;
    },
    removeProject: (key: string) => change(removeProject(draft, key)),
    reset: () => {
      setDraft(draftFromProfile(resume.profile));
      setSkillError(null);
      setSave({ status: 'idle' });
    },
    submit: async () => {
      if (save.status === 'saving' || !dirty) return;
      const first = errorList[0];
      if (first) {
        setSave({ status: 'failed', message: `Fix ${first.label} before saving: ${first.message}` });
        return;
      }
      setSave({ status: 'saving' });
      try {
        const saved = await resumesApi.correct(resume.id, correction);
        setDraft(draftFromProfile(saved.profile));
        setSave({ status: 'saved' });
        onSaved(saved);
      } catch (error) {
        setSave({ status: 'failed', message: `Couldn't save the corrections. ${errorMessage(error)}` });
      }
    },
  };
}

export type ProfileEditor = ReturnType<typeof useProfileEditor>;
