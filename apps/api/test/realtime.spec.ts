import { Client } from 'pg';
import { LIVE_NAMESPACE } from '@mockroom/contracts';
import { io, Socket } from 'socket.io-client';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

function connect(
  t: TestApp,
  headers: Record<string, string>,
): Promise<{ socket: Socket; error?: { message: string; data?: { code: string } } }> {
  return new Promise((resolve) => {
    const socket = io(`${t.baseUrl}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
    });
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (error: Error & { data?: { code: string } }) => resolve({ socket, error }));
  });
}

describe('live socket authentication', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let userId: string;

  beforeAll(async () => {
    t = await startTestApp({ SOCKET_SESSION_CHECK_MS: '300' });
    browser = new TestBrowser(t.baseUrl);
    userId = (await browser.signUp(uniqueEmail('sock'))).body.user.id;
  });

  afterAll(() => t.close());

  it('refuses a connection without a session', async () => {
    const { socket, error } = await connect(t, {});
    expect(error?.message).toBe('sign in first');
    expect(error?.data?.code).toBe('unauthorized');
    socket.close();
  });

  it('refuses a forged or expired session cookie', async () => {
    const { socket, error } = await connect(t, { cookie: 'mr_sid=forged-token' });
    expect(error?.data?.code).toBe('unauthorized');
    socket.close();
  });

  it('refuses a cross-origin page even with a valid cookie', async () => {
    const { socket, error } = await connect(t, { cookie: browser.cookieHeader(), origin: 'https://evil.example' });
    expect(error?.data?.code).toBe('forbidden-origin');
    socket.close();
  });

  it('knows who is connected', async () => {
    const { socket, error } = await connect(t, { cookie: browser.cookieHeader() });
    expect(error).toBeUndefined();
    const reply = await socket.emitWithAck('whoami');
    expect(reply).toEqual({ userId, role: 'candidate' });
    socket.close();
  });

  function closed(socket: Socket): Promise<{ reason: string; errors: { code: string; message: string }[] }> {
    const errors: { code: string; message: string }[] = [];
    socket.on('error', (e: { code: string; message: string }) => errors.push(e));
    return new Promise((resolve) => socket.once('disconnect', (reason) => resolve({ reason, errors })));
  }

  it('closes the sockets of a sign-in when it signs out, and only those', async () => {
    const email = uniqueEmail('leaver');
    const leaver = new TestBrowser(t.baseUrl);
    await leaver.signUp(email);
    const other = new TestBrowser(t.baseUrl);
    await other.signIn(email, 'correct horse battery');
    const mine = await connect(t, { cookie: leaver.cookieHeader() });
    const theirs = await connect(t, { cookie: other.cookieHeader() });
    expect(mine.error ?? theirs.error).toBeUndefined();
    const ended = closed(mine.socket);
    expect((await leaver.post('/api/auth/sign-out')).status).toBe(204);
    const { reason, errors } = await ended;
    expect(reason).toBe('io server disconnect');
    expect(errors).toContainEqual(expect.objectContaining({ code: 'signed-out' }));
    // The same account's other sign-in keeps its socket.
    expect(await theirs.socket.timeout(5000).emitWithAck('whoami')).toMatchObject({ role: 'candidate' });
    theirs.socket.close();
  });

  it('closes a socket whose session expired or was revoked while it was connected', async () => {
    const browser = new TestBrowser(t.baseUrl);
    const user = (await browser.signUp(uniqueEmail('expiring'))).body.user;
    const { socket, error } = await connect(t, { cookie: browser.cookieHeader() });
    expect(error).toBeUndefined();
    const ended = closed(socket);
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    await db.query(`UPDATE auth_sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    await db.end();
    const { reason, errors } = await ended;
    expect(reason).toBe('io server disconnect');
    expect(errors).toContainEqual(expect.objectContaining({ code: 'session-expired' }));
  });
});
