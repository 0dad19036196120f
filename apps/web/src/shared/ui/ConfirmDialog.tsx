import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import './ConfirmDialog.css';
import { errorMessage } from '../api/client';
import { Spinner } from './Spinner';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What confirming does, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onCancel: () => void;
  /** May reject: its error is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  testId?: string;
}

/**
 * A modal question with a safe and a destructive answer (focus kept inside, Escape cancels, the safe choice has the
 * focus). While confirming, both buttons wait; an error stays in the dialog.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onCancel,
  onConfirm,
  testId,
}: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setError(null);
      element.showModal();
      cancelButton.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (problem) {
      setError(errorMessage(problem));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      data-testid={testId}
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <p id={textId} className="dialog__text">
        {children}
      </p>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button
          ref={cancelButton}
          type="button"
          className="button button--secondary"
          onClick={onCancel}
          disabled={busy}
        >
          {cancelLabel}
        </button>
        <button type="button" className="button button--danger" onClick={() => void confirm()} disabled={busy}>
          {busy && <Spinner size="small" />}
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
