import type { FormEvent, ReactNode } from 'react';
import './PlanPage.css';
import { Breadcrumb } from '../ui/Breadcrumb';
import { FormAlert, type FormError } from '../ui/fields';
import { Spinner } from '../ui/Spinner';

/** The page that sets up a new interview or session: the way back, a title and what it is, then the form. */
export function PlanPage({
  title,
  lead,
  className,
  children,
}: {
  title: string;
  lead: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`page page--reading new-interview${className ? ` ${className}` : ''}`}>
      <Breadcrumb to="/interviews" label="Interviews" />
      <header className="page__header new-interview__header">
        <h1 className="page__title">{title}</h1>
        <p className="page__lead">{lead}</p>
      </header>
      {children}
    </div>
  );
}

/** The form of a plan page: its problems on top, its sections, and the button that creates it with a note beside. */
export function CreateForm({
  onSubmit,
  formError,
  submitting,
  label,
  note,
  children,
}: {
  onSubmit: () => void;
  formError: FormError | null;
  submitting: boolean;
  label: string;
  note: ReactNode;
  children: ReactNode;
}) {
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="form new-interview__form" onSubmit={handleSubmit} noValidate>
      {formError && <FormAlert error={formError} />}
      {children}
      <div className="new-interview__submit">
        <button type="submit" className="button button--primary button--large" disabled={submitting}>
          {submitting && <Spinner size="small" />}
          {label}
        </button>
        <p className="new-interview__note">{note}</p>
      </div>
    </form>
  );
}
