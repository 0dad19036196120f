import type { SignInRequest, SignUpRequest, User } from '@mockroom/contracts';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, isAbortError, onSessionRefreshed, onUnauthorized, setCsrfToken } from '../shared/api/client';
import { authApi } from '../shared/api/endpoints';
import { StartupScreen } from '../layout';
import { AuthContext, type AuthContextValue } from '../shared/auth/auth-context';

type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; user: User | null; sessionEnded: boolean };

/** Loads the session at start-up, then holds the signed-in user for the whole app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    authApi.session(controller.signal).then(
      (session) => setState({ status: 'ready', user: session.user, sessionEnded: false }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(0, 'Mockroom could not start.'),
        });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  // Keep the user in step when the session is refetched behind the scenes or ends on the server.
  useEffect(() => {
    const offRefresh = onSessionRefreshed((session) =>
      setState((previous) =>
        previous.status === 'ready' && previous.user?.id !== session.user?.id
          ? { status: 'ready', user: session.user, sessionEnded: previous.user !== null && session.user === null }
          : previous,
      ),
    );
    const offUnauthorized = onUnauthorized(() =>
      setState((previous) =>
        previous.status === 'ready' && previous.user ? { status: 'ready', user: null, sessionEnded: true } : previous,
      ),
    );
    return () => {
      offRefresh();
      offUnauthorized();
    };
  }, []);

  const signIn = useCallback(async (request: SignInRequest) => {
    const session = await authApi.signIn(request);
    setCsrfToken(session.csrfToken);
    setState({ status: 'ready', user: session.user, sessionEnded: false });
    return session.user;
  }, []);

  const signUp = useCallback(async (request: SignUpRequest) => {
    const session = await authApi.signUp(request);
    setCsrfToken(session.csrfToken);
    setState({ status: 'ready', user: session.user, sessionEnded: false });
    return session.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authApi.signOut();
    } catch (error) {
      // A 401 means the session had already ended: the user is signed out either way.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setCsrfToken(null);
    setState({ status: 'ready', user: null, sessionEnded: false });
    // The old token was bound to the old session; fetch one for the signed-out browser.
    authApi.session().catch(() => undefined);
  }, []);

  const user = state.status === 'ready' ? state.user : null;
  const sessionEnded = state.status === 'ready' && state.sessionEnded;
  const value = useMemo<AuthContextValue>(
    () => ({ user, sessionEnded, signIn, signUp, signOut }),
    [user, sessionEnded, signIn, signUp, signOut],
  );

  if (state.status === 'loading') return <StartupScreen />;
  if (state.status === 'error') return <StartupScreen error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
