import { ConfirmDialog } from '../shared/ui/ConfirmDialog';

/**
 * What deleting does for this viewer: an AI interview's candidate or a human session's interviewer deletes it for
 * everyone; a human session's candidate removes it from their own history, with their recording.
 */
export type DeleteKind = 'interview' | 'session' | 'leave-session';

interface DeleteInterviewDialogProps {
  open: boolean;
  kind: DeleteKind;
  title: string;
  /** Also say that the people it is shared with lose access. */
  shared: boolean;
  /** The human interviewer's name (for a session). */
  interviewerName: string;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}

/** "Delete this interview?" / "Delete this session?" / "Remove this session from your history?" */
export function DeleteInterviewDialog({
  open,
  kind,
  title,
  shared,
  interviewerName,
  onCancel,
  onConfirm,
}: DeleteInterviewDialogProps) {
  const sharedText = shared ? ', and the interviewers you shared it with lose access' : '';
  return (
    <ConfirmDialog
      open={open}
      title={
        kind === 'leave-session'
          ? 'Remove this session from your history?'
          : kind === 'session'
            ? 'Delete this session?'
            : 'Delete this interview?'
      }
      confirmLabel={kind === 'leave-session' ? 'Remove it' : 'Delete for good'}
      cancelLabel="Keep it"
      onCancel={onCancel}
      onConfirm={onConfirm}
      testId="delete-dialog"
    >
      {kind === 'leave-session' ? (
        <>
          “{title}” leaves your history and progress, and your recording is deleted{sharedText}. {interviewerName} keeps
          the session: its transcript, their notes and scores. This can't be undone.
        </>
      ) : kind === 'session' ? (
        <>
          The recordings, transcript, your notes and scores of “{title}” are removed for good, for you and the
          candidate. This can't be undone.
        </>
      ) : (
        <>
          The recording, transcript and scores of “{title}” are removed for good{sharedText}. This can't be undone.
        </>
      )}
    </ConfirmDialog>
  );
}
