/** The signed-in browser's session token (HttpOnly). */
export const SESSION_COOKIE = 'mr_sid';
/** A random id for a browser that is not signed in yet, so its CSRF token is bound to something. */
export const ANON_COOKIE = 'mr_anon';
/** csrf-csrf's HMAC cookie (HttpOnly); the matching token travels in the x-csrf-token header. */
export const CSRF_COOKIE = 'mr_csrf';
/** A signed id for a browser that has signed in to an account: sign-in limits for strangers do not hold it back. */
export const DEVICE_COOKIE = 'mr_device';
