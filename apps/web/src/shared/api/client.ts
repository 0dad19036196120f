import { CSRF_HEADER, type ApiErrorBody, type User } from '@mockroom/contracts';

/** An error from the API (or from reaching it). `status` is 0 when the request never got an answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly details: string[];
  /** The server's short code for why it refused, when it gave one (a refused upload: "encrypted", "no-text"…). */
  readonly reason: string | null;

  constructor(status: number, message: string, details: string[] = [], reason: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.details = details;
    this.reason = reason;
  }
}

/** What `GET /api/auth/session` returns: the signed-in user (or nobody) and a CSRF token. */
export interface SessionResponse {
  user: User | null;
  csrfToken: string;
}

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Sent as JSON, or as it is when it is FormData (multipart, with the boundary the browser writes). */
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

const API_BASE = '/api';
const WRITE_METHODS = new Set<HttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);
const NETWORK_MESSAGE = "Can't reach Mockroom right now. Check your connection and try again.";

/** The latest CSRF token. Kept in memory only: a reload fetches a fresh one from the session endpoint. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type SessionListener = (session: SessionResponse) => void;
type UnauthorizedListener = () => void;

const sessionListeners = new Set<SessionListener>();
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called whenever the session is refetched behind the scenes (for example to renew the CSRF token). */
export function onSessionRefreshed(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** Called when a signed-in request comes back 401: the session has ended on the server. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

let pendingSession: Promise<SessionResponse> | null = null;

/** Fetches the session and remembers its CSRF token. Concurrent callers share one request. */
export function fetchSession(signal?: AbortSignal): Promise<SessionResponse> {
  if (!pendingSession) {
    pendingSession = send<SessionResponse>('GET', '/auth/session', {})
      .then((session) => {
        setCsrfToken(session.csrfToken);
        sessionListeners.forEach((listener) => listener(session));
        return session;
      })
      .finally(() => {
        pendingSession = null;
      });
  }
  const shared = pendingSession;
  if (!signal) return shared;
  return new Promise<SessionResponse>((resolve, reject) => {
    const abort = () => reject(new DOMException('The request was aborted.', 'AbortError'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    shared.then(resolve, reject);
  });
}

/** Sends a request to the API and returns the parsed JSON body (undefined for 204). Throws ApiError. */
export async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  // A write waits for a session refetch under way, so it carries the token that refetch brings.
  if (WRITE_METHODS.has(method) && pendingSession) await pendingSession.catch(() => undefined);
  try {
    return await send<T>(method, path, options);
  } catch (error) {
    // A write refused for its CSRF token: the token went stale (new session, expired cookie). Renew it once.
    if (error instanceof ApiError && error.status === 403 && WRITE_METHODS.has(method) && /csrf/i.test(error.message)) {
      await fetchSession(options.signal);
      return send<T>(method, path, options);
    }
    throw error;
  }
}

async function send<T>(method: HttpMethod, path: string, { body, query, signal }: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const payload = body === undefined ? undefined : isFormData(body) ? body : JSON.stringify(body);
  // A multipart body goes without a Content-Type of ours: the browser sets it, with the parts' boundary.
  if (typeof payload === 'string') headers['Content-Type'] = 'application/json';
  if (WRITE_METHODS.has(method) && csrfToken) headers[CSRF_HEADER] = csrfToken;

  let response: Response;
  try {
    response = await fetch(API_BASE + path + queryString(query), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, NETWORK_MESSAGE);
  }

  if (!response.ok) {
    const apiError = await readError(response);
    if (apiError.status === 401 && !path.startsWith('/auth/')) {
      unauthorizedListeners.forEach((listener) => listener());
    }
    throw apiError;
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(response.status, 'The server sent a response Mockroom could not read. Please try again.');
  }
}

function isFormData(body: unknown): body is FormData {
  return typeof FormData !== 'undefined' && body instanceof FormData;
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readError(response: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | null = null;
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    body = null;
  }
  const message =
    typeof body?.message === 'string' && body.message.trim() ? body.message : fallbackMessage(response.status);
  const details = Array.isArray(body?.details) ? body.details.filter((d): d is string => typeof d === 'string') : [];
  const reason = typeof body?.reason === 'string' ? body.reason : null;
  return new ApiError(response.status, message, details, reason);
}

function fallbackMessage(status: number): string {
  if (status === 400) return 'Some of the details are not valid. Please check them and try again.';
  if (status === 401) return 'Please sign in to continue.';
  if (status === 403) return "You don't have access to this.";
  if (status === 404) return 'We could not find what you were looking for.';
  if (status === 413) return 'That is too large to send.';
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status === 502 || status === 503 || status === 504) return NETWORK_MESSAGE;
  return 'Something went wrong on our side. Please try again.';
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === 'AbortError'
    : error instanceof Error && error.name === 'AbortError';
}

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}
