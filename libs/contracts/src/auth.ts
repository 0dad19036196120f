export const USER_ROLES = ['candidate', 'interviewer', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** Roles a person may choose at sign-up; admins are appointed. */
export const SELF_SERVICE_ROLES = ['candidate', 'interviewer'] as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  createdAt: string;
}

export interface SignUpRequest {
  email: string;
  password: string;
  displayName: string;
  role?: (typeof SELF_SERVICE_ROLES)[number];
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface SessionInfo {
  user: User;
  /** Token to send back in the `x-csrf-token` header on writes. */
  csrfToken: string;
}

export const CSRF_HEADER = 'x-csrf-token';
