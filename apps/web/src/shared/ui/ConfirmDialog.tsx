import type { ReactNode } from 'react';
import './ConfirmDialog.css';
import { Spinner } from './Spinner';
import { useModalAction } from './use-modal-action';

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
  const { dialog, cancelButton, busy: running, error, titleId, textId, run } = useModalAction<'confirm'>(open);
  const busy = running !== null;
  const confirm = () => run('confirm', onConfirm);

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
