import { MAX_RESUME_BYTES, type ResumeDetail } from '@mockroom/contracts';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage, isAbortError } from '../shared/api/client';
import { resumesApi } from '../shared/api/endpoints';
import { checkResumeFile, formatBytes } from './resume-file';

/** What the server's refusal says, as it says it; a bare 413 (from a proxy, say) gets words of ours. */
function uploadError(error: unknown): string {
  if (error instanceof ApiError && error.status === 413 && !error.reason)
    return `This file is too large to upload: résumés of up to ${formatBytes(MAX_RESUME_BYTES)} are accepted.`;
  return errorMessage(error);
}

/** The upload form: the file chosen (checked at once), the consent, sending it and the server's answer. */
export function useResumeUpload(onUploaded: (resume: ResumeDetail) => void) {
  const [file, setFile] = useState<File | null>(null);
  const [consent, setConsent] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const choose = (next: File | null) => {
    setFile(next);
    setError(next ? checkResumeFile(next) : null);
  };

  const submit = async () => {
    if (uploading) return;
    if (!file) {
      setError('Choose your résumé file first.');
      return;
    }
    const problem = checkResumeFile(file);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    setUploading(true);
    const current = new AbortController();
    controller.current = current;
    try {
      const resume = await resumesApi.upload(file, consent, current.signal);
      setFile(null);
      setConsent(false);
      onUploaded(resume);
    } catch (failure) {
      if (!isAbortError(failure)) setError(uploadError(failure));
    } finally {
      if (!current.signal.aborted) setUploading(false);
    }
  };

  return { file, choose, consent, setConsent, uploading, error, submit };
}
