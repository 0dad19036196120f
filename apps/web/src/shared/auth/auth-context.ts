import type { SignInRequest, SignUpRequest, User } from '@mockroom/contracts';
import { createContext, useContext } from 'react';

export interface AuthContextValue {
  /** The signed-in user, or null when signed out. */
  user: User | null;
  /** True when the server ended the session while the user was signed in (shown on the sign-in page). */
  sessionEnded: boolean;
  signIn: (request: SignInRequest) => Promise<User>;
  signUp: (request: SignUpRequest) => Promise<User>;
  signOut: () => Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>.');
  return value;
}

/** The signed-in user, for components only rendered behind <RequireAuth>. */
export function useCurrentUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser must be used behind <RequireAuth>.');
  return user;
}
