import { Client } from 'pg';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

describe('accounts (real API, Postgres and Redis)', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_ATTEMPTS_PER_ACCOUNT: '5' });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const userCount = async () => Number((await db.query('SELECT count(*) FROM users')).rows[0].count);

  it('signs up with a hashed password and an HttpOnly, SameSite session cookie', async () => {
    const browser = new TestBrowser(t.baseUrl);
    const email = uniqueEmail('ann');
    const res = await browser.signUp(email.toUpperCase(), 'a long enough password', 'Ann Lee', 'interviewer');
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: email.toUpperCase(), displayName: 'Ann Lee', role: 'interviewer' });
    expect(res.body.csrfToken).toEqual(expect.any(String));
    const cookie = res.setCookies.find((line) => line.startsWith('mr_sid='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await browser.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email.toUpperCase());

    const row = (await db.query('SELECT password_hash, email_normalized FROM users WHERE id = $1', [res.body.user.id]))
      .rows[0];
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.email_normalized).toBe(email);
    const session = (await db.query('SELECT token_hash FROM auth_sessions WHERE user_id = $1', [res.body.user.id]))
      .rows[0];
    expect(session.token_hash).not.toBe(browser.cookies.get('mr_sid'));
  });

  it('defaults new accounts to candidate and never lets anyone sign up as admin', async () => {
    const browser = new TestBrowser(t.baseUrl);
    const ok = await browser.signUp(uniqueEmail('cand'));
    expect(ok.body.user.role).toBe('candidate');
    const before = await userCount();
    const admin = await new TestBrowser(t.baseUrl).signUp(
      uniqueEmail('admin'),
      'a long enough password',
      'Eve',
      'admin',
    );
    expect(admin.status).toBe(400);
    expect(admin.body.message).toMatch(/role must be one of: candidate, interviewer/);
    expect(await userCount()).toBe(before);
  });

  it.each([
    [
      'a malformed email',
      { email: 'not-an-email', password: 'long enough password', displayName: 'X' },
      /email must be a valid email/,
    ],
    [
      'a short password',
      { email: 'short@example.com', password: 'short', displayName: 'X' },
      /password must be at least 10 characters/,
    ],
    ['a missing name', { email: 'noname@example.com', password: 'long enough password' }, /displayName/],
    [
      'an unknown field',
      { email: 'extra@example.com', password: 'long enough password', displayName: 'X', isAdmin: true },
      /isAdmin is not an accepted field/,
    ],
  ])('rejects %s with a 400 and creates nothing', async (_label, body, message) => {
    const browser = new TestBrowser(t.baseUrl);
    await browser.session();
    const before = await userCount();
    const res = await browser.post('/api/auth/sign-up', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.message).toMatch(message);
    expect(await userCount()).toBe(before);
  });

  it('refuses a duplicate sign-up, whatever the case of the email', async () => {
    const email = uniqueEmail('dup');
    expect((await new TestBrowser(t.baseUrl).signUp(email)).status).toBe(201);
    const before = await userCount();
    const again = await new TestBrowser(t.baseUrl).signUp(email.toUpperCase(), 'another long password');
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already exists/);
    expect(await userCount()).toBe(before);
  });

  it('signs in, signs out, and the old cookie stops working', async () => {
    const email = uniqueEmail('bob');
    await new TestBrowser(t.baseUrl).signUp(email, 'bobs long password');
    const browser = new TestBrowser(t.baseUrl);
    const res = await browser.signIn(` ${email.toUpperCase()} `, 'bobs long password');
    expect(res.status).toBe(200);
    const cookie = browser.cookies.get('mr_sid')!;
    expect((await browser.get('/api/auth/me')).status).toBe(200);
    expect((await browser.post('/api/auth/sign-out')).status).toBe(204);
    const stale = new TestBrowser(t.baseUrl);
    stale.cookies.set('mr_sid', cookie);
    expect((await stale.get('/api/auth/me')).status).toBe(401);
  });

  it('answers a wrong password with 401, then locks the account out with 429 and Retry-After', async () => {
    const email = uniqueEmail('carol');
    await new TestBrowser(t.baseUrl).signUp(email, 'carols long password');
    const browser = new TestBrowser(t.baseUrl);
    await browser.session();
    for (let i = 0; i < 5; i++) {
      const res = await browser.post('/api/auth/sign-in', { email, password: `wrong password ${i}` });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Wrong email or password.');
    }
    const locked = await browser.post('/api/auth/sign-in', { email, password: 'carols long password' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.body.message).toMatch(/Too many failed sign-in attempts/);
    expect(browser.cookies.has('mr_sid')).toBe(false);
  });

  it('counts each guess before checking it, so concurrent guesses cannot get past the limit', async () => {
    const email = uniqueEmail('racer');
    await new TestBrowser(t.baseUrl).signUp(email, 'racers long password');
    const browser = new TestBrowser(t.baseUrl);
    await browser.session();
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        browser.post('/api/auth/sign-in', { email, password: i === 39 ? 'racers long password' : `wrong ${i}` }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 401 || s === 200).length).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(35);
    expect((await browser.post('/api/auth/sign-in', { email, password: 'racers long password' })).status).toBe(429);
  });

  it('slows guesses at one account spread over many addresses, and never locks its owner out of their own browser', async () => {
    const email = uniqueEmail('spread');
    const owner = new TestBrowser(t.baseUrl);
    await owner.signUp(email, 'owners long password');
    expect(owner.cookies.has('mr_device')).toBe(true);
    await owner.post('/api/auth/sign-out');
    const from = (n: number) => new TestBrowser(t.baseUrl, { 'x-forwarded-for': `203.0.113.${n}` });
    // Ten free failures (each address well under its own limit)…
    for (let n = 1; n <= 10; n++) {
      const guesser = from(n);
      await guesser.session();
      expect((await guesser.post('/api/auth/sign-in', { email, password: `guess ${n}` })).status).toBe(401);
    }
    // …then every further try from anywhere waits, twice as long each time.
    const eleventh = from(11);
    await eleventh.session();
    const held = await eleventh.post('/api/auth/sign-in', { email, password: 'owners long password' });
    expect(held.status).toBe(429);
    expect(held.body.message).toMatch(/for this account\. Try again in 1 second/);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // A forged device cookie is no pass.
    const forger = from(12);
    await forger.session();
    forger.cookies.set(
      'mr_device',
      owner.cookies.get('mr_device')!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    );
    expect((await forger.post('/api/auth/sign-in', { email, password: 'guess 12' })).status).toBe(429);
    // The owner's browser, which signed in before, is not held back.
    await owner.session();
    const back = await owner.post('/api/auth/sign-in', { email, password: 'owners long password' });
    expect(back.status).toBe(200);
    // After the wait, a stranger may try again (once; the next wait is 2 s).
    await new Promise((r) => setTimeout(r, 1100));
    expect((await forger.post('/api/auth/sign-in', { email, password: 'guess 13' })).status).toBe(401);
    expect((await forger.post('/api/auth/sign-in', { email, password: 'guess 14' })).body.message).toMatch(
      /Try again in 2 seconds/,
    );
  });

  it('does not reveal whether an email has an account', async () => {
    const browser = new TestBrowser(t.baseUrl);
    const res = await browser.signIn(uniqueEmail('nobody'), 'whatever password');
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('Wrong email or password.');
  });

  it('refuses writes without the CSRF token, or with a token from another browser, and changes nothing', async () => {
    const before = await userCount();
    const noToken = new TestBrowser(t.baseUrl);
    await noToken.session();
    const res = await noToken.post(
      '/api/auth/sign-up',
      { email: uniqueEmail('csrf'), password: 'long enough password', displayName: 'X' },
      { csrf: false },
    );
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/CSRF/);

    const other = new TestBrowser(t.baseUrl);
    await other.session();
    const thief = new TestBrowser(t.baseUrl);
    await thief.session();
    thief.csrfToken = other.csrfToken;
    expect(
      (
        await thief.post('/api/auth/sign-up', {
          email: uniqueEmail('csrf2'),
          password: 'long enough password',
          displayName: 'X',
        })
      ).status,
    ).toBe(403);
    expect(await userCount()).toBe(before);

    // Signed in, sign-out without the token is refused too and the session survives.
    const signedIn = new TestBrowser(t.baseUrl);
    await signedIn.signUp(uniqueEmail('csrf3'));
    expect((await signedIn.post('/api/auth/sign-out', undefined, { csrf: false })).status).toBe(403);
    expect((await signedIn.get('/api/auth/me')).status).toBe(200);
  });

  it('answers malformed and oversized JSON with a clear 4xx and changes nothing', async () => {
    const browser = new TestBrowser(t.baseUrl);
    await browser.session();
    const before = await userCount();
    const malformed = await browser.post('/api/auth/sign-up', undefined, {
      rawBody: '{"email": "a@b.c", "password": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request body is not valid JSON.',
    });
    const huge = await browser.post('/api/auth/sign-up', {
      email: uniqueEmail('big'),
      password: 'long enough password',
      displayName: 'x'.repeat(200_000),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.message).toBe('The request body is too large.');
    const notObject = await browser.post('/api/auth/sign-up', undefined, { rawBody: '"just a string"' });
    expect(notObject.status).toBe(400);
    expect(await userCount()).toBe(before);
  });

  it('keeps every data endpoint behind sign-in', async () => {
    const anonymous = new TestBrowser(t.baseUrl);
    for (const path of [
      '/api/questions',
      '/api/questions/anything',
      '/api/tracks',
      '/api/question-bank',
      '/api/system',
      '/api/auth/me',
    ]) {
      const res = await anonymous.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
      expect(res.body.message).toBe('Sign in to continue.');
    }
    expect((await anonymous.get('/api/health')).status).toBe(200);
    expect((await anonymous.get('/api/nope')).status).toBe(404);
  });
});

describe('client addresses behind a proxy (TRUST_PROXY)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'false', SIGN_IN_ATTEMPTS_PER_IP: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('does not believe X-Forwarded-For from a proxy it was not told to trust', async () => {
    // Three failures to three accounts, each claiming another address: with no trusted proxy they share one.
    for (let n = 1; n <= 3; n++) {
      const browser = new TestBrowser(t.baseUrl, { 'x-forwarded-for': `198.51.100.${n}` });
      await browser.session();
      expect(
        (await browser.post('/api/auth/sign-in', { email: uniqueEmail(`proxy-${n}`), password: 'some password' }))
          .status,
      ).toBe(401);
    }
    const fourth = new TestBrowser(t.baseUrl, { 'x-forwarded-for': '198.51.100.4' });
    await fourth.session();
    const res = await fourth.post('/api/auth/sign-in', { email: uniqueEmail('proxy-4'), password: 'some password' });
    expect(res.status).toBe(429);
    expect(res.body.message).toMatch(/Too many failed sign-in attempts/);
  });
});
