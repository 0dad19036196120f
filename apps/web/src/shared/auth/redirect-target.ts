/**
 * Where to go after signing in: the `next` query parameter when it is a path inside this app,
 * otherwise the home page. Anything else (other origins, protocol-relative URLs) is ignored.
 */
export function redirectTarget(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/sign-up')) return '/';
  return next;
}

/** `/sign-in?next=…` (or sign-up) carrying the path the user was headed to. */
export function authPath(page: '/sign-in' | '/sign-up', next: string): string {
  return next === '/' ? page : `${page}?next=${encodeURIComponent(next)}`;
}
