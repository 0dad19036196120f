import '../shared/ui/ConfirmDialog.css';
import './DeleteDialog.css';
import type { TailoredInterviews } from '../shared/api/endpoints';
import { plural } from '../shared/ui/labels';
import { Spinner } from '../shared/ui/Spinner';
import { useModalAction } from '../shared/ui/use-modal-action';

export interface DeleteDialogProps {
  open: boolean;
  title: string;
  /** What goes for good, in a sentence. */
  what: string;
  /** The interviews tailored to it; null while not known. */
  interviewCount: number | null;
  onCancel: () => void;
  /** May reject: its error is shown in the dialog, which stays open. */
  onConfirm: (interviews: TailoredInterviews) => Promise<void>;
}

function interviewsText(count: number | null): string {
  if (count === null) return 'The interviews tailored to it can stay in your history, or be deleted with it.';
  if (count === 0) return 'No interviews are tailored to it yet.';
  return `${plural(count, 'interview')} ${count === 1 ? 'is' : 'are'} tailored to it: keep ${count === 1 ? 'it' : 'them'} in your history, or delete ${count === 1 ? 'it' : 'them'} too?`;
}

/**
 * Deleting a résumé or a job description: cancel (the focused, safe choice), delete it and keep the interviews tailored
 * to it, or delete them too. Escape cancels; an error stays in the dialog.
 */
export function DeleteDialog({ open, title, what, interviewCount, onCancel, onConfirm }: DeleteDialogProps) {
  const { dialog, cancelButton, busy, error, titleId, textId, run } = useModalAction<TailoredInterviews>(open);
  const confirm = (interviews: TailoredInterviews) => run(interviews, () => onConfirm(interviews));

  const keepLabel = interviewCount ? `Keep my ${plural(interviewCount, 'interview')}` : 'Keep my interviews';
  return (
    <dialog
      ref={dialog}
      className="dialog delete-dialog"
      data-testid="delete-dialog"
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
      <div id={textId} className="dialog__text delete-dialog__text">
        <p>{what}</p>
        <p>{interviewsText(interviewCount)}</p>
      </div>
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
          disabled={busy !== null}
        >
          Cancel
        </button>
        <button
          type="button"
          className="button delete-dialog__keep"
          data-testid="delete-confirm-keep"
          onClick={() => void confirm('keep')}
          disabled={busy !== null}
        >
          {busy === 'keep' && <Spinner size="small" />}
          {keepLabel}
        </button>
        <button
          type="button"
          className="button button--danger"
          data-testid="delete-confirm-all"
          onClick={() => void confirm('delete')}
          disabled={busy !== null}
        >
          {busy === 'delete' && <Spinner size="small" />}
          Delete them too
        </button>
      </div>
    </dialog>
  );
}
