import { LIVE_NAMESPACE } from '@mockroom/contracts';
import { io, Socket } from 'socket.io-client';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

function connect(t: TestApp, headers: Record<string, string>): Promise<{ socket: Socket; error?: { message: string; data?: { code: string } } }> {
  return new Promise((resolve) => {
    const socket = io(`${t.baseUrl}${LIVE_NAMESPACE}`, { transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (error: Error & { data?: { code: string } }) => resolve({ socket, error }));
  });
}

describe('live socket authentication', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let userId: string;

  beforeAll(async () => {
    t = await startTestApp();
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
});
