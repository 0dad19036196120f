import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { errorMessage } from '../shared/api/client';
import { Spinner } from '../shared/ui/Spinner';
import { TextField } from '../shared/ui/TextField';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { AuthCard, FormAlert } from './AuthCard';
import { useAuth } from '../shared/auth/auth-context';
import { authPath, redirectTarget } from '../shared/auth/redirect-target';

type Field = 'email' | 'password';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const { user, signIn, sessionEnded } = useAuth();
  const location = useLocation();
  const next = redirectTarget(location.search);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const fields = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  // Signed in (already, or just now): on to where the user was headed.
  if (user) return <Navigate to={next} replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const problems: Partial<Record<Field, string>> = {};
    if (!email.trim()) problems.email = 'Enter your email address.';
    if (!password) problems.password = 'Enter your password.';
    const first = (Object.keys(problems) as Field[])[0];
    if (first) {
      setErrors(problems);
      setAlert(problems[first] ?? null);
      fields.current[first]?.focus();
      return;
    }
    setErrors({});
    setAlert(null);
    setPending(true);
    try {
      await signIn({ email: email.trim(), password });
    } catch (error) {
      setAlert(errorMessage(error));
      setPending(false);
    }
  }

  return (
    <AuthCard
      title="Sign in to Mockroom"
      intro={sessionEnded ? undefined : 'Pick up where you left off.'}
      footer={
        <>
          New to Mockroom? <Link to={authPath('/sign-up', next)}>Create an account</Link>
        </>
      }
    >
      {sessionEnded && (
        <p className="notice" role="status">
          Your session has ended. Sign in again to continue.
        </p>
      )}
      <form className="form" onSubmit={handleSubmit} noValidate aria-busy={pending}>
        <FormAlert message={alert} />
        <TextField
          ref={(element) => {
            fields.current.email = element;
          }}
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
        <TextField
          ref={(element) => {
            fields.current.password = element;
          }}
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
        />
        <button type="submit" className="button button--primary button--block" disabled={pending}>
          {pending && <Spinner size="small" />}
          Sign in
        </button>
      </form>
    </AuthCard>
  );
}
