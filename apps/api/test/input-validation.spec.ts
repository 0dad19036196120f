import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * Bad input of every kind gets a clear 4xx and changes nothing, on the app as `npm start` builds it (the web client
 * served from the same port, which once turned every body-parser error into a 404).
 */
describe('bad input (the API with the web client served)', () => {
  let t: TestApp;
  let db: Client;
  let browser: TestBrowser;

  beforeAll(async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'mockroom-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Mockroom</title>');
    t = await startTestApp({ MOCKROOM_WEB_ROOT: webRoot });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('bad-input'));
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const count = async (table: string) => Number((await db.query(`SELECT count(*) FROM ${table}`)).rows[0].count);

  it('serves the web client for client-side routes and keeps API errors the API’s', async () => {
    const page = await browser.get('/interviews/new');
    expect(page.status).toBe(200);
    expect((await browser.get('/api/nope')).status).toBe(404);
  });

  it('answers body-parser errors with 400, 413 and 415, not 404', async () => {
    const before = await count('interviews');
    const malformed = await browser.post('/api/interviews', undefined, { rawBody: '{"questionIds": [' });
    expect({ status: malformed.status, message: malformed.body.message }).toEqual({
      status: 400,
      message: 'The request body is not valid JSON.',
    });
    const huge = await browser.post('/api/interviews', { questionIds: ['x'.repeat(200_000)] });
    expect(huge.status).toBe(413);
    const charset = await browser.post('/api/interviews', undefined, {
      rawBody: '{}',
      headers: { 'content-type': 'application/json; charset=klingon' },
    });
    expect(charset.status).toBe(415);
    expect(await count('interviews')).toBe(before);
  });

  it.each([
    [
      'a NUL in a display name',
      'POST',
      '/api/auth/sign-up',
      () => ({ email: uniqueEmail('nul'), password: 'long enough password', displayName: 'Ann\u0000' }),
      /NUL/,
    ],
    [
      'a NUL in an email',
      'POST',
      '/api/auth/sign-in',
      () => ({ email: 'ann\u0000@example.com', password: 'long enough password' }),
      /NUL/,
    ],
    [
      'a NUL in a share address',
      'POST',
      '/api/interviews/00000000-0000-4000-8000-000000000000/shares',
      () => ({ email: 'a\u0000@example.com' }),
      /NUL/,
    ],
    [
      'a text-direction override in a display name',
      'POST',
      '/api/auth/sign-up',
      () => ({ email: uniqueEmail('bidi'), password: 'long enough password', displayName: 'Eve\u202Enimda' }),
      /displayName must not contain control, zero-width or text-direction characters/,
    ],
    [
      'a zero-width display name',
      'POST',
      '/api/auth/sign-up',
      () => ({ email: uniqueEmail('zw'), password: 'long enough password', displayName: '\u200B\u200B' }),
      /displayName/,
    ],
    [
      'a combining-only display name',
      'POST',
      '/api/auth/sign-up',
      () => ({ email: uniqueEmail('comb'), password: 'long enough password', displayName: '\u0301\u0301' }),
      /displayName must contain a letter or a digit/,
    ],
    ['an out-of-range number', 'POST', '/api/interviews', () => ({ questionCount: 1e308 }), /questionCount/],
    [
      'a duplicate question',
      'POST',
      '/api/interviews',
      () => ({ questionIds: ['rest-vs-graphql', 'rest-vs-graphql'] }),
      /questionIds must not name a question twice/,
    ],
    [
      'deeply nested JSON',
      'POST',
      '/api/interviews',
      () => ({ raw: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}` }),
      /nested too deeply/,
    ],
  ])('refuses %s with a 400', async (_label, method, path, body, message) => {
    const [before, users] = [await count('interviews'), await count('users')];
    const payload = body() as Record<string, unknown>;
    const res =
      method === 'POST'
        ? await browser.post(
            path,
            'raw' in payload ? undefined : payload,
            'raw' in payload ? { rawBody: payload.raw as string } : {},
          )
        : await browser.get(path);
    expect({ status: res.status, message: res.body.message }).toEqual({
      status: 400,
      message: expect.stringMatching(message),
    });
    expect(await count('interviews')).toBe(before);
    expect(await count('users')).toBe(users);
  });

  it.each([
    ['/api/interviews/not-a-uuid'],
    ['/api/interviews/not-a-uuid/review'],
    ['/api/interviews/00000000-0000-4000-8000-00000000000%00'],
    ['/api/questions?limit=1e309'],
    ['/api/questions?offset=99999999999999999999'],
    ['/api/questions?q=%00'],
  ])('answers GET %s without a 500', async (path) => {
    const res = await browser.get(path);
    expect(res.status).toBeLessThan(500);
  });

  it('stores display names in NFC with single spaces, so one name is one name', async () => {
    const b = new TestBrowser(t.baseUrl);
    const res = await b.signUp(uniqueEmail('nfc'), 'long enough password', '  Ame\u0301lie   Dupont ');
    expect(res.status).toBe(201);
    expect(res.body.user.displayName).toBe('Amélie Dupont');
  });
});
