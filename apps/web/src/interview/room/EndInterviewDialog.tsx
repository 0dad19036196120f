import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';

interface EndInterviewDialogProps {
  open: boolean;
  answered: number;
  total: number;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}

/** "End the interview now?" */
export function EndInterviewDialog({ open, answered, total, onCancel, onConfirm }: EndInterviewDialogProps) {
  const remaining = Math.max(0, total - answered);
  return (
    <ConfirmDialog
      open={open}
      title="End the interview now?"
      confirmLabel="End now"
      cancelLabel="Keep going"
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      {remaining > 0
        ? `${remaining === 1 ? 'One question is' : `${remaining} questions are`} still to come. Your answers so far are kept and scored, and you'll see the review straight away.`
        : "Your answers so far are kept and scored, and you'll see the review straight away."}
    </ConfirmDialog>
  );
}
