import { useRef, useState } from 'react';
import { jobDescriptionsApi, resumesApi, type TailoredInterviews } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { DeleteDialog } from './DeleteDialog';

type Target = { kind: 'resume'; id: string; name: string } | { kind: 'job'; id: string; name: string };

interface DeleteControlProps {
  target: Target;
  /** Known on the detail pages; otherwise read when the dialog opens. */
  interviewCount?: number;
  onDeleted: (interviews: TailoredInterviews) => void;
  small?: boolean;
}

const TEXT = {
  resume: {
    title: 'Delete this résumé?',
    what: (name: string) => `The file “${name}” and what was understood of it are deleted for good.`,
    testId: 'resume-delete',
  },
  job: {
    title: 'Delete this job description?',
    what: (name: string) => `The posting “${name}” and what was understood of it are deleted for good.`,
    testId: 'job-delete',
  },
} as const;

/** Delete, asking first what becomes of the interviews tailored to it. */
export function DeleteControl({ target, interviewCount, onDeleted, small = false }: DeleteControlProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const text = TEXT[target.kind];
  const detail = useResource<{ interviewCount: number }>(
    open && interviewCount === undefined ? `${target.kind}:${target.id}:count` : null,
    (signal) =>
      target.kind === 'resume' ? resumesApi.get(target.id, signal) : jobDescriptionsApi.get(target.id, signal),
  );
  const count = interviewCount ?? (detail.status === 'success' ? detail.data.interviewCount : null);

  const remove = async (interviews: TailoredInterviews) => {
    await (target.kind === 'resume'
      ? resumesApi.remove(target.id, interviews)
      : jobDescriptionsApi.remove(target.id, interviews));
    setOpen(false);
    onDeleted(interviews);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`button button--ghost library-delete${small ? ' button--small' : ''}`}
        data-testid={text.testId}
        onClick={() => setOpen(true)}
      >
        Delete<span className="visually-hidden"> {target.name}</span>
      </button>
      {/* Mounted only while open: one dialog on the page at a time, whatever the number of items. */}
      {open && (
        <DeleteDialog
          open
          title={text.title}
          what={text.what(target.name)}
          interviewCount={count}
          onCancel={() => {
            setOpen(false);
            button.current?.focus();
          }}
          onConfirm={remove}
        />
      )}
    </>
  );
}
