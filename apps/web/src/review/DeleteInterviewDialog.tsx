import { ConfirmDialog } from '../ui/ConfirmDialog';

interface DeleteInterviewDialogProps {
  open: boolean;
  title: string;
  /** Also say that the people it is shared with lose access. */
  shared: boolean;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}

/** "Delete this interview?" */
export function DeleteInterviewDialog({ open, title, shared, onCancel, onConfirm }: DeleteInterviewDialogProps) {
  return (
    <ConfirmDialog
      open={open}
      title="Delete this interview?"
      confirmLabel="Delete for good"
      cancelLabel="Keep it"
      onCancel={onCancel}
      onConfirm={onConfirm}
      testId="delete-dialog"
    >
      The recording, transcript and scores of “{title}” are removed for good{shared ? ', and the interviewers you shared it with lose access' : ''}. This
      can't be undone.
    </ConfirmDialog>
  );
}
