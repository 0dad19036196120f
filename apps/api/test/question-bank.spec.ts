import { Client } from 'pg';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

describe('question bank API', () => {
  let t: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    t = await startTestApp();
    browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('bank'));
  });

  afterAll(() => t.close());

  it('serves every question of the five documents', async () => {
    const info = await browser.get('/api/question-bank');
    expect(info.status).toBe(200);
    expect(info.body.questionCount).toBe(66);
    expect(info.body.documents.map((d: { questionCount: number }) => d.questionCount)).toEqual([8, 15, 12, 15, 16]);
    const all = await browser.get('/api/questions?limit=100');
    expect(all.body.total).toBe(66);
    expect(all.body.items).toHaveLength(66);
  });

  it('filters by role, level and category, with facet counts that add up', async () => {
    const backend = await browser.get('/api/questions?role=backend&limit=100');
    expect(backend.body.total).toBe(28);
    expect(backend.body.items.every((q: { role: string }) => q.role === 'backend')).toBe(true);

    const midBackend = await browser.get('/api/questions?role=backend&level=mid&limit=100');
    expect(midBackend.body.items.every((q: { levels: string[] }) => q.levels.includes('mid'))).toBe(true);
    expect(midBackend.body.total).toBe(28);

    const databases = await browser.get('/api/questions?category=databases&limit=100');
    expect(databases.body.total).toBeGreaterThan(0);
    expect(databases.body.items.every((q: { category: string }) => q.category === 'databases')).toBe(true);

    const facets = (await browser.get('/api/questions')).body.facets;
    const roleTotal = facets.roles.reduce((sum: number, r: { count: number }) => sum + r.count, 0);
    expect(roleTotal).toBe(66);
  });

  it('searches the text, rubric and key terms', async () => {
    const res = await browser.get('/api/questions?q=rate%20limiter');
    expect(res.status).toBe(200);
    expect(res.body.items[0].text).toMatch(/rate limiter/i);
  });

  it('pages through results', async () => {
    const first = await browser.get('/api/questions?limit=10&offset=0');
    const second = await browser.get('/api/questions?limit=10&offset=10');
    expect(first.body.items).toHaveLength(10);
    expect(second.body.offset).toBe(10);
    const ids = new Set([...first.body.items, ...second.body.items].map((q: { id: string }) => q.id));
    expect(ids.size).toBe(20);
  });

  it('returns a full question with its rubric, and 404 for unknown ids', async () => {
    const list = await browser.get('/api/questions?limit=1');
    const question = await browser.get(`/api/questions/${list.body.items[0].id}`);
    expect(question.status).toBe(200);
    expect(question.body.rubric.length).toBeGreaterThanOrEqual(3);
    const missing = await browser.get('/api/questions/no-such-question');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('No question with id "no-such-question".');
    expect((await browser.get('/api/questions/%2E%2E%2Fetc')).status).toBe(404);
  });

  it('rejects bad filters with a 400 that names them', async () => {
    const res = await browser.get('/api/questions?role=designer&limit=1000');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/role must be one of: fullstack, backend/);
    expect(res.body.details).toEqual(
      expect.arrayContaining([expect.stringMatching(/limit must not be greater than 100/)]),
    );
  });

  it('lists tracks whose questions all exist', async () => {
    const tracks = await browser.get('/api/tracks');
    expect(tracks.body.length).toBeGreaterThanOrEqual(4);
    for (const track of tracks.body) {
      const detail = await browser.get(`/api/tracks/${track.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.questions.map((q: { id: string }) => q.id)).toEqual(track.questionIds);
    }
    expect((await browser.get('/api/tracks/nope')).status).toBe(404);
  });

  it('reports the engines in use without secrets', async () => {
    const res = await browser.get('/api/system');
    expect(res.status).toBe(200);
    const kinds = res.body.engines.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['database', 'queue']));
    expect(JSON.stringify(res.body)).not.toContain(t.config.secret);
    // Where the database and Redis are is for admins; a candidate sees the engines' names only.
    expect(res.body.engines.filter((e: { detail?: string }) => e.detail)).toEqual([]);
  });

  it('shows admins where the database and Redis are, never a user name or password', async () => {
    const admin = new TestBrowser(t.baseUrl);
    const email = uniqueEmail('system-admin');
    await admin.signUp(email);
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    await db.query(`UPDATE users SET role = 'admin' WHERE email = $1`, [email]);
    await db.end();
    const res = await admin.get('/api/system');
    expect(res.status).toBe(200);
    const database = res.body.engines.find((e: { kind: string }) => e.kind === 'database');
    const dbUrl = new URL(t.db.url);
    expect(database.detail).toBe(`${dbUrl.protocol}//${dbUrl.host}${dbUrl.pathname}`);
    const queue = res.body.engines.find((e: { kind: string }) => e.kind === 'queue');
    expect(queue.detail).toMatch(/^redis:\/\/[^@]+$/);
    if (dbUrl.username) expect(JSON.stringify(res.body)).not.toContain(`${dbUrl.username}@`);
  });
});
