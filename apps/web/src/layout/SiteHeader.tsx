import { useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import './SiteHeader.css';
import { errorMessage } from '../shared/api/client';
import { useAuth } from '../shared/auth/auth-context';
import { authPath, redirectTarget } from '../shared/auth/redirect-target';
import { USER_ROLE_LABELS } from '../shared/ui/labels';
import { Spinner } from '../shared/ui/Spinner';
import { Wordmark } from './Wordmark';

const NAV = [
  { to: '/', label: 'Home', end: true },
  { to: '/questions', label: 'Question bank', end: false },
  { to: '/tracks', label: 'Tracks', end: false },
  { to: '/resumes', label: 'Résumé & job', end: false },
  { to: '/interviews', label: 'Interviews', end: false },
  { to: '/progress', label: 'Progress', end: false },
];

/** For interviewer (and admin) accounts: sessions they run themselves. */
const INTERVIEWER_NAV = [{ to: '/sessions/new', label: 'New session', end: true }];
/** For admins: how the engine's scores agree with interviewers'. */
const ADMIN_NAV = [{ to: '/reports/agreement', label: 'Agreement', end: true }];

export function SiteHeader() {
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);

  async function handleSignOut() {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await signOut();
      void navigate('/', { replace: true });
    } catch (error) {
      setSignOutError(`Couldn't sign out. ${errorMessage(error)}`);
    } finally {
      setSigningOut(false);
    }
  }

  const nav =
    user && (user.role === 'interviewer' || user.role === 'admin')
      ? [...NAV, ...INTERVIEWER_NAV, ...(user.role === 'admin' ? ADMIN_NAV : [])]
      : NAV;
  // Going between signing in and signing up keeps where the visitor was headed (an invitation link, say).
  const onAuthPage = pathname === '/sign-in' || pathname === '/sign-up';
  const next = onAuthPage ? redirectTarget(search) : '/';

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-header__brand">
          <Wordmark />
        </Link>
        {user ? (
          <>
            <nav className="site-nav" aria-label="Main">
              <ul className="site-nav__list">
                {nav.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end} className="site-nav__link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="account">
              <span className="account__who">
                <span className="account__name" data-testid="current-user" title={user.displayName}>
                  {user.displayName}
                </span>
                <span className="account__role">{USER_ROLE_LABELS[user.role] ?? user.role}</span>
              </span>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={handleSignOut}
                disabled={signingOut}
              >
                {signingOut && <Spinner size="small" />}
                Sign out
              </button>
            </div>
          </>
        ) : (
          <div className="account">
            {pathname !== '/sign-in' && (
              <Link to={authPath('/sign-in', next)} className="button button--ghost button--small">
                Sign in
              </Link>
            )}
            {pathname !== '/sign-up' && (
              <Link to={authPath('/sign-up', next)} className="button button--secondary button--small">
                Create account
              </Link>
            )}
          </div>
        )}
      </div>
      {signOutError && (
        <p className="site-header__error" role="status">
          {signOutError}
        </p>
      )}
    </header>
  );
}
