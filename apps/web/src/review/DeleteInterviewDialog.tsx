import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { Spinner } from '../ui/Spinner';

interface DeleteInterviewDialogProps {
  open: boolean;
  title: string;
  /** Also say that the people it is shared with lose access. */
  shared: boolean;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}

/** "Delete this interview?" A modal dialog (focus kept inside, Escape cancels); errors stay in the dialog. */
export function DeleteInterviewDialog({ open, title, shared, onCancel, onConfirm }: DeleteInterviewDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setError(null);
      element.showModal();
      // The safe choice has the focus.
      cancelButton.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const confirm = async () => {
    setDeleting(true);
    setError(null);
    try {
      await onConfirm();
    } catch (problem) {
      setError(errorMessage(problem));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      data-testid="delete-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        if (!deleting) onCancel();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        Delete this interview?
      </h2>
      <p id={textId} className="dialog__text">
        The recording, transcript and scores of “{title}” are removed for good{shared ? ', and the interviewers you shared it with lose access' : ''}. This can't be
        undone.
      </p>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button ref={cancelButton} type="button" className="button button--secondary" onClick={onCancel} disabled={deleting}>
          Keep it
        </button>
        <button type="button" className="button button--danger" onClick={() => void confirm()} disabled={deleting}>
          {deleting && <Spinner size="small" />}
          Delete for good
        </button>
      </div>
    </dialog>
  );
}
