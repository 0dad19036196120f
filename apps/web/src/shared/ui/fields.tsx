import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A numbered part of a longer form. */
export function FormSection({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="form-section" aria-labelledby={id}>
      <h2 className="form-section__title" id={id}>
        <span className="form-section__number" aria-hidden="true">
          {number}
        </span>
        {title}
      </h2>
      <div className="form-section__body">{children}</div>
    </section>
  );
}

/** Why a form wasn't sent, with the server's details when it gave some. */
export interface FormError {
  message: string;
  details: string[];
}

/** The form's error at its top; it takes the focus each time it is set, so a screen reader reads it at once. */
export function FormAlert({ error }: { error: FormError }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [error]);
  return (
    <div className="form-alert" role="alert" tabIndex={-1} ref={ref}>
      <p>{error.message}</p>
      {error.details.length > 0 && (
        <ul className="form-alert__details">
          {error.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
}

/** The ids of a field's error and hint, for its control's `aria-describedby`. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and error, under its control (their ids are the control's `aria-describedby`). */
export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

export function SelectField({ label, value, onChange, hint, error, children }: FieldProps & { children: ReactNode }) {
  const id = useId();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

export function InputField({
  label,
  value,
  onChange,
  hint,
  error,
  type = 'text',
  min,
  max,
  step,
}: FieldProps & {
  type?: 'text' | 'number' | 'datetime-local' | 'search';
  min?: number | string;
  max?: number | string;
  step?: number;
}) {
  const id = useId();
  // A fractional step needs the keypad with a decimal point.
  const inputMode =
    type !== 'number' ? undefined : step !== undefined && !Number.isInteger(step) ? 'decimal' : 'numeric';
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        className={`input${type === 'number' ? ' input--number' : ''}${type === 'datetime-local' ? ' input--datetime' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        min={min}
        max={max}
        step={step}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
