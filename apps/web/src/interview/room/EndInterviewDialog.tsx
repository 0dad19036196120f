import { useEffect, useRef, useState } from 'react';
import { Spinner } from '../../ui/Spinner';

interface EndInterviewDialogProps {
  open: boolean;
  answered: number;
  total: number;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}

/** "End the interview now?" A modal dialog (focus kept inside, Escape cancels). */
export function EndInterviewDialog({ open, answered, total, onCancel, onConfirm }: EndInterviewDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [ending, setEnding] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
    setEnding(true);
    setError(null);
    try {
      await onConfirm();
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : "The interview couldn't be ended. Please try again.");
    } finally {
      setEnding(false);
    }
  };

  const remaining = Math.max(0, total - answered);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="end-dialog-title"
      aria-describedby="end-dialog-text"
      onCancel={(event) => {
        event.preventDefault();
        if (!ending) onCancel();
      }}
    >
      <h2 id="end-dialog-title" className="dialog__title">
        End the interview now?
      </h2>
      <p id="end-dialog-text" className="dialog__text">
        {remaining > 0
          ? `${remaining === 1 ? 'One question is' : `${remaining} questions are`} still to come. Your answers so far are kept and scored, and you'll see the summary straight away.`
          : "Your answers so far are kept and scored, and you'll see the summary straight away."}
      </p>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button ref={cancelButton} type="button" className="button button--secondary" onClick={onCancel} disabled={ending}>
          Keep going
        </button>
        <button type="button" className="button button--danger" onClick={() => void confirm()} disabled={ending}>
          {ending && <Spinner size="small" />}
          End now
        </button>
      </div>
    </dialog>
  );
}
