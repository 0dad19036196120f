/**
 * A minimal browser for API tests: keeps cookies like a browser would and
 * sends the CSRF token it was given on writes.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  csrfToken = '';

  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; rawBody?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...this.headers, ...options.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    // A form (a file upload) sets its own multipart type and boundary.
    const form = typeof FormData !== 'undefined' && body instanceof FormData;
    if (!form && (body !== undefined || options.rawBody !== undefined)) headers['content-type'] ??= 'application/json';
    if (options.csrf !== false && this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: form ? (body as FormData) : (options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body))),
      redirect: 'manual',
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    if (json && typeof json === 'object' && 'csrfToken' in json)
      this.csrfToken = (json as { csrfToken: string }).csrfToken;
    return { status: res.status, headers: res.headers, body: json as any, setCookies: res.headers.getSetCookie() };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown, options?: { csrf?: boolean; rawBody?: string; headers?: Record<string, string> }) {
    return this.request('POST', path, body, options);
  }

  /** Fetches the session (and a CSRF token), as the web client does at start-up. */
  session() {
    return this.get('/api/auth/session');
  }

  async signUp(email: string, password = 'correct horse battery', displayName = 'Test Person', role?: string) {
    if (!this.csrfToken) await this.session();
    return this.post('/api/auth/sign-up', { email, password, displayName, ...(role ? { role } : {}) });
  }

  async signIn(email: string, password: string) {
    if (!this.csrfToken) await this.session();
    return this.post('/api/auth/sign-in', { email, password });
  }
}

let counter = 0;
export function uniqueEmail(label = 'user'): string {
  return `${label}.${process.pid}.${Date.now()}.${counter++}@example.com`;
}
