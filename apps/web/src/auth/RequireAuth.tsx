import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from '../shared/auth/auth-context';
import { authPath } from '../shared/auth/redirect-target';

/** Renders its routes for signed-in users; sends everyone else to sign in, remembering where they were headed. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) {
    return <Navigate to={authPath('/sign-in', location.pathname + location.search)} replace />;
  }
  return children ?? <Outlet />;
}
