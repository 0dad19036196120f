// What the rest of the app may use of accounts (who is signed in lives in shared/auth).
export { AuthProvider } from './AuthProvider';
export { RequireAuth } from './RequireAuth';
export { SignInPage } from './SignInPage';
export { SignUpPage } from './SignUpPage';
