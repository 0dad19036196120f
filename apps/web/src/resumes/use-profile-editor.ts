import type { ResumeDetail } from '@mockroom/contracts';
import { useState } from 'react';
import { errorMessage } from '../shared/api/client';
import { resumesApi } from '../shared/api/endpoints';
import {
  addSkill,
  correctionFrom,
  draftErrors,
  draftFromProfile,
  removeClaim,
  removeSkill,
  setClaimText,
  type ProfileDraft,
} from './profile-draft';

export type SaveState = { status: 'idle' | 'saving' | 'saved' } | { status: 'failed'; message: string };

/** Correcting what was understood of a résumé: the draft, its changes, and saving them (the answer replaces both). */
export function useProfileEditor(resume: ResumeDetail, onSaved: (resume: ResumeDetail) => void) {
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromProfile(resume.profile));
  const [skillError, setSkillError] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const correction = correctionFrom(draft, resume.profile);
  const dirty = Object.keys(correction).length > 0;
  const errors = draftErrors(draft);

  // Any change after a save makes "Saved" stale.
  const change = (next: ProfileDraft) => {
    setDraft(next);
    if (save.status !== 'saving') setSave({ status: 'idle' });
  };

  return {
    draft,
    dirty,
    errors,
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
    reset: () => {
      setDraft(draftFromProfile(resume.profile));
      setSkillError(null);
      setSave({ status: 'idle' });
    },
    submit: async () => {
      if (save.status === 'saving' || !dirty) return;
      if (Object.keys(errors).length > 0) {
        setSave({ status: 'failed', message: 'Some claims need their words back before saving.' });
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
