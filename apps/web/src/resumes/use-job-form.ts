import { MAX_JOB_DESCRIPTION_CHARS, type JobDescriptionDetail } from '@mockroom/contracts';
import { useState } from 'react';
import { errorMessage } from '../shared/api/client';
import { jobDescriptionsApi } from '../shared/api/endpoints';

/** As long as the server keeps a title. */
export const JOB_TITLE_MAX_CHARS = 200;

/** Why the posting cannot be sent as it is, or null. */
export function jobTextError(text: string): string | null {
  if (!text.trim()) return 'Paste the job posting first.';
  if (text.length > MAX_JOB_DESCRIPTION_CHARS)
    return `The posting is ${(text.length - MAX_JOB_DESCRIPTION_CHARS).toLocaleString('en')} characters too long (at most ${MAX_JOB_DESCRIPTION_CHARS.toLocaleString('en')}).`;
  return null;
}

/** The job description form: a title (optional), the posting, and adding it. */
export function useJobForm(onCreated: (job: JobDescriptionDetail) => void) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (saving) return;
    const problem = jobTextError(text);
    setError(problem);
    if (problem) return;
    setSaving(true);
    try {
      const job = await jobDescriptionsApi.create({ text, ...(title.trim() ? { title: title.trim() } : {}) });
      setTitle('');
      setText('');
      onCreated(job);
    } catch (failure) {
      setError(`Couldn't add the job description. ${errorMessage(failure)}`);
    } finally {
      setSaving(false);
    }
  };

  return { title, setTitle, text, setText, saving, error, submit };
}
