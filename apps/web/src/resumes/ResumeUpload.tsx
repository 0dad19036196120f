import type { ResumeDetail } from '@mockroom/contracts';
import { MAX_RESUME_BYTES } from '@mockroom/contracts';
import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import './ResumeUpload.css';
import { Spinner } from '../shared/ui/Spinner';
import { formatBytes, RESUME_ACCEPT } from './resume-file';
import { useResumeUpload } from './use-resume-upload';

/** Uploading a résumé: the file (chosen or dropped), whether the language model may read it, and reading it. */
export function ResumeUpload({ onUploaded }: { onUploaded: (resume: ResumeDetail) => void }) {
  const upload = useResumeUpload(onUploaded);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const id = useId();

  // The input still shows the last file once it is sent: clear it with the form.
  useEffect(() => {
    if (!upload.file && input.current) input.current.value = '';
  }, [upload.file]);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (upload.uploading) return;
    const files = event.dataTransfer.files;
    if (files.length === 0) return;
    if (input.current) input.current.files = files;
    upload.choose(files[0]);
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void upload.submit();
  };

  return (
    <form
      className="card library-form"
      data-testid="resume-upload"
      aria-labelledby={`${id}-title`}
      aria-busy={upload.uploading}
      onSubmit={handleSubmit}
      noValidate
    >
      <h3 id={`${id}-title`} className="library-form__title">
        Upload a résumé
      </h3>
      <div
        className={`upload__drop${dragging ? ' upload__drop--over' : ''}`}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={drop}
      >
        <label className="field__label" htmlFor={`${id}-file`}>
          Résumé file
        </label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          name="file"
          accept={RESUME_ACCEPT}
          className="upload__input"
          data-testid="resume-file"
          aria-describedby={`${id}-hint`}
          disabled={upload.uploading}
          onChange={(event) => upload.choose(event.target.files?.[0] ?? null)}
        />
        <p className="field__hint" id={`${id}-hint`}>
          PDF, Word (.docx), Markdown or plain text, up to {formatBytes(MAX_RESUME_BYTES)}. You can drop the file here
          too.
        </p>
      </div>

      <div className="upload__consent">
        <label className="upload__check">
          <input
            type="checkbox"
            name="llmConsent"
            data-testid="resume-consent"
            checked={upload.consent}
            disabled={upload.uploading}
            onChange={(event) => upload.setConsent(event.target.checked)}
          />
          <span>
            Let the configured language model read this résumé to phrase questions (it is sent to the model's provider)
          </span>
        </label>
        <p className="muted-text upload__note">Without it, questions are phrased offline, from templates.</p>
      </div>

      {upload.error && (
        <p className="form-alert" role="alert" data-testid="upload-error">
          {upload.error}
        </p>
      )}

      {upload.uploading && (
        <div className="upload__progress" role="status">
          <div className="progress-bar" role="progressbar" aria-label="Reading your résumé…">
            <span className="progress-bar__run" />
          </div>
          <span>Reading your résumé…</span>
        </div>
      )}

      <div className="library-form__actions">
        <button type="submit" className="button button--primary" disabled={upload.uploading}>
          {upload.uploading && <Spinner size="small" />}
          Upload résumé
        </button>
      </div>
    </form>
  );
}
