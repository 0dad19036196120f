import { useId, type ReactNode } from 'react';
import { describedBy, FieldNotes } from '../shared/ui/fields';

/** What a control needs to be tied to its label, hint and error. */
export interface EntryControl {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled control of a role or project, its error (or hint) under it, wired as the skill field is. */
export function EntryField({
  label,
  error,
  hint,
  children,
}: {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: (control: EntryControl) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) })}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
