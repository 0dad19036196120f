import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, SELF_SERVICE_ROLES } from '@mockroom/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiError, errorMessage } from '../shared/api/client';
import { Spinner } from '../shared/ui/Spinner';
import { TextField } from '../shared/ui/TextField';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { AuthCard, FormAlert } from './AuthCard';
import { useAuth } from '../shared/auth/auth-context';
import { fieldErrors } from './field-errors';
import { authPath, redirectTarget } from '../shared/auth/redirect-target';

type Field = 'displayName' | 'email' | 'password';
type SignUpRole = (typeof SELF_SERVICE_ROLES)[number];

const FIELDS: readonly Field[] = ['displayName', 'email', 'password'];
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const ROLE_CHOICES: { value: SignUpRole; title: string; description: string }[] = [
  {
    value: 'candidate',
    title: "I'm practising (candidate)",
    description: 'Answer interview questions out loud and get scored against a rubric.',
  },
  {
    value: 'interviewer',
    title: 'I run interviews (interviewer)',
    description: 'Mentors, coaches and hiring teams running mock interviews with candidates.',
  },
];

function validate(displayName: string, email: string, password: string): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  if (!displayName.trim()) problems.displayName = 'Enter your name.';
  else if (displayName.trim().length > 80) problems.displayName = 'Your name can be at most 80 characters.';
  if (!email.trim()) problems.email = 'Enter your email address.';
  else if (!EMAIL_PATTERN.test(email.trim())) problems.email = 'Enter an email address like name@example.com.';
  if (password.length < PASSWORD_MIN_LENGTH)
    problems.password = `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`;
  else if (password.length > PASSWORD_MAX_LENGTH)
    problems.password = `Use at most ${PASSWORD_MAX_LENGTH} characters for your password.`;
  return problems;
}

export function SignUpPage() {
  useDocumentTitle('Create an account');
  const { user, signUp } = useAuth();
  const location = useLocation();
  const next = redirectTarget(location.search);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<SignUpRole>('candidate');
  const [pending, setPending] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  if (user) return <Navigate to={next} replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const problems = validate(displayName, email, password);
    const first = FIELDS.find((field) => problems[field]);
    if (first) {
      setErrors(problems);
      setAlert(problems[first] ?? null);
      inputs.current[first]?.focus();
      return;
    }
    setErrors({});
    setAlert(null);
    setPending(true);
    try {
      await signUp({ displayName: displayName.trim(), email: email.trim(), password, role });
    } catch (error) {
      setAlert(errorMessage(error));
      if (error instanceof ApiError) {
        const byField = fieldErrors(error.details, FIELDS);
        if (error.status === 409) byField.email = 'An account with this email already exists.';
        setErrors(byField);
      }
      setPending(false);
    }
  }

  const bind = (field: Field) => (element: HTMLInputElement | null) => {
    inputs.current[field] = element;
  };

  return (
    <AuthCard
      title="Create your account"
      intro="Practise interviews by voice, or run them for others. It takes a minute."
      footer={
        <>
          Already have an account? <Link to={authPath('/sign-in', next)}>Sign in</Link>
        </>
      }
    >
      <form className="form" onSubmit={handleSubmit} noValidate aria-busy={pending}>
        <FormAlert message={alert} />
        <TextField
          ref={bind('displayName')}
          label="Your name"
          name="displayName"
          autoComplete="name"
          maxLength={80}
          required
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          hint="Shown to interviewers and candidates you practise with."
          error={errors.displayName}
        />
        <TextField
          ref={bind('email')}
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
          ref={bind('password')}
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short phrase is easy to remember and hard to guess.`}
          error={errors.password}
        />
        <fieldset className="choice-group">
          <legend className="field__label">How will you use Mockroom?</legend>
          {ROLE_CHOICES.map((choice) => (
            <label key={choice.value} className="choice">
              <input
                type="radio"
                name="role"
                value={choice.value}
                checked={role === choice.value}
                onChange={() => setRole(choice.value)}
              />
              <span className="choice__text">
                <span className="choice__title">{choice.title}</span>
                <span className="choice__description">{choice.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary button--block" disabled={pending}>
          {pending && <Spinner size="small" />}
          Create account
        </button>
      </form>
    </AuthCard>
  );
}
