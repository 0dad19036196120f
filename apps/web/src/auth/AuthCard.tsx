import type { ReactNode } from 'react';
import './AuthCard.css';

/** The frame shared by the sign-in and sign-up pages. */
export function AuthCard({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="auth">
      <div className="auth__card card">
        <h1 className="auth__title">{title}</h1>
        {intro && <p className="auth__intro">{intro}</p>}
        {children}
      </div>
      {footer && <p className="auth__footer">{footer}</p>}
    </div>
  );
}

/** The one alert for a form: the API's message, or what to fix before sending. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-alert" role="alert">
      {message}
    </div>
  );
}
