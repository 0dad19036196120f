import type {
  InterviewSnapshot,
  JobDescriptionDetail,
  Prompt,
  ResumeDetail,
  ResumeSummary,
  Review,
  SocketError,
  TurnState,
} from '@mockroom/contracts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '@mockroom/assessment/testing';
import { LiveClient } from '@mockroom/server-testing';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * Résumés and job descriptions through the API: an upload read in the worker (a real PDF), hostile and unreadable
 * files refused with a reason and nothing stored, the profile corrected by its owner and by no one else, a posting's
 * questions with reasons, an interview tailored to both whose first question probes a claim, the claim's verdict in
 * the review, and deleting a résumé with or without the interviews made from it.
 */
type Ack<T> = T | { error: SocketError };

const RESUME_LINES = [
  'Priya Raman',
  'Senior Backend Engineer · priya.raman@example.com',
  '',
  'Experience',
  'Senior Backend Engineer, Acme Payments — Jan 2020 – Present',
  '• Cut p95 latency of the checkout API by 40% by moving session lookups from PostgreSQL to Redis.',
  '• Led the migration from RabbitMQ to Kafka for 30 services with zero downtime.',
  'Backend Engineer, Initech — Mar 2016 – Dec 2019',
  '• Built the billing service in Node.js and TypeScript, processing $2M a month.',
  '',
  'Skills',
  'Node.js, TypeScript, PostgreSQL, Redis, Kafka, Docker, Kubernetes',
];

const POSTING = [
  'Senior Backend Engineer (Payments)',
  'We run event-driven payment services on Kafka and PostgreSQL at high traffic.',
  'Requirements:',
  '- 5+ years building backend services in Node.js or Go',
  '- Kafka, PostgreSQL and Redis in production',
  '- You take part in the on-call rotation and lead incident reviews',
  'Nice to have: Kubernetes, Terraform',
].join('\n');

function pdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

const resumePdf = () =>
  pdf((doc) => {
    doc.fontSize(11);
    for (const line of RESUME_LINES) doc.text(line || ' ');
  });

describe('résumés, job descriptions and tailored interviews', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-resumes-')),
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  async function candidate(label: string): Promise<TestBrowser> {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail(label));
    return browser;
  }

  /** A multipart upload as the web page sends it. */
  async function upload(browser: TestBrowser, bytes: Buffer, fileName: string, consent = false) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    form.append('llmConsent', String(consent));
    return browser.request('POST', '/api/resumes', form);
  }

  function documentsOf(userId: string): string[] {
    const dir = join(t.config.mediaDir, 'documents', userId);
    return existsSync(dir) ? readdirSync(dir) : [];
  }

  it('reads an uploaded PDF into a profile, keeps the file, and shows it to its owner only', async () => {
    const owner = await candidate('priya');
    const uploaded = await upload(owner, await resumePdf(), 'Priya Raman résumé.pdf');
    expect(uploaded.status).toBe(201);
    const resume = uploaded.body as ResumeDetail;
    expect(resume).toMatchObject({ fileName: 'Priya Raman résumé.pdf', kind: 'pdf', llmConsent: false, edited: false });
    expect(resume.profile.name).toBe('Priya Raman');
    expect(resume.profile.skills).toEqual(expect.arrayContaining(['Node.js', 'PostgreSQL', 'Redis', 'Kafka']));
    const latency = resume.profile.claims.find((c) => /p95 latency/.test(c.text));
    expect(latency).toMatchObject({
      metric: expect.stringMatching(/40%/),
      organisation: expect.stringMatching(/Acme/),
    });
    expect(resume.profile.roles.map((r) => r.title)).toEqual(['Senior Backend Engineer', 'Backend Engineer']);

    const me = (await owner.get('/api/auth/session')).body.user.id as string;
    expect(documentsOf(me)).toEqual([`${resume.id}.pdf`]);
    const file = await owner.get(`/api/resumes/${resume.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');

    // Nobody else sees it, corrects it, downloads it or deletes it: for them it does not exist.
    const other = await candidate('nosy');
    for (const [method, path] of [
      ['GET', `/api/resumes/${resume.id}`],
      ['GET', `/api/resumes/${resume.id}/file`],
      ['PUT', `/api/resumes/${resume.id}/profile`],
      ['DELETE', `/api/resumes/${resume.id}`],
    ] as const) {
      const reply = await other.request(method, path, method === 'PUT' ? { skills: [] } : undefined);
      expect({ method, path, status: reply.status }).toEqual({ method, path, status: 404 });
    }
    expect((await other.get('/api/resumes')).body).toEqual([]);
    expect((await other.post('/api/interviews', { resumeId: resume.id })).status).toBe(404);
    expect((await owner.get(`/api/resumes/${resume.id}`)).body.profile.skills).toEqual(resume.profile.skills);
  });

  it('refuses hostile, unreadable and oversized files with a reason, and stores nothing', async () => {
    const owner = await candidate('refused');
    const me = (await owner.get('/api/auth/session')).body.user.id as string;
    const encrypted = await pdf((doc) => doc.text(RESUME_LINES.join('\n')), {
      userPassword: 'secret',
      pdfVersion: '1.7',
    } as PDFKit.PDFDocumentOptions);
    const scanned = await pdf((doc) => {
      doc.rect(60, 60, 400, 300).fill('#888888');
      doc.circle(300, 500, 80).fill('#444444');
    });
    const javascriptPdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n' +
        '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n' +
        'trailer << /Root 1 0 R >>\n%%EOF\n',
    );
    // A zip archive (not a Word document) named .docx: the local file header of an empty stored file, then the end.
    const zip = Buffer.concat([
      Buffer.from('504b0304140000000000000000000000000000000000000000000800000061626364656667685', 'hex'),
      Buffer.from('504b0506000000000000000000000000000000000000', 'hex'),
    ]);
    const cases: [string, Buffer, number, string, RegExp][] = [
      ['big.pdf', Buffer.alloc(6 * 1024 * 1024, 32), 413, 'too-large', /over 5 MB/],
      ['huge.pdf', Buffer.alloc(50 * 1024 * 1024, 65), 413, 'too-large', /over 5 MB/],
      ['locked.pdf', encrypted, 422, 'encrypted', /password/],
      ['scan.pdf', scanned, 422, 'no-text', /scan|no text/i],
      ['script.pdf', javascriptPdf, 422, 'active-content', /script/i],
      ['resume.docx', zip, 422, 'unsupported-type', /./],
      [
        'resume.txt',
        Buffer.from('Priya Raman\n<script>fetch("/steal")</script>\nBackend engineer'),
        422,
        'active-content',
        /script/i,
      ],
      ['empty.txt', Buffer.from('   \n  '), 422, 'empty', /./],
    ];
    for (const [name, bytes, status, reason, message] of cases) {
      const reply = await upload(owner, bytes, name);
      expect({ name, status: reply.status, reason: reply.body?.reason }).toEqual({ name, status, reason });
      expect(reply.body.message).toMatch(message);
    }
    const noFile = await owner.request('POST', '/api/resumes', new FormData());
    expect(noFile.status).toBe(400);
    expect(noFile.body.message).toMatch(/Choose a file/);
    expect((await owner.get('/api/resumes')).body).toEqual([]);
    expect(documentsOf(me)).toEqual([]);
  });

  it('takes its owner’s corrections: skills added and removed, a claim reworded and read again', async () => {
    const owner = await candidate('corrects');
    const resume = (await upload(owner, await resumePdf(), 'resume.pdf')).body as ResumeDetail;
    const [first, second] = resume.profile.claims;
    const corrected = await owner.request('PUT', `/api/resumes/${resume.id}/profile`, {
      skills: [...resume.profile.skills.filter((s) => s !== 'Docker'), 'gRPC'],
      claims: [
        { id: first.id, text: 'Cut p99 latency of the checkout API by 55% with a Redis cache.' },
        { id: second.id, text: second.text },
      ],
    });
    expect(corrected.status).toBe(200);
    const detail = corrected.body as ResumeDetail;
    expect(detail.edited).toBe(true);
    expect(detail.profile.skills).toContain('gRPC');
    expect(detail.profile.skills).not.toContain('Docker');
    expect(detail.profile.claims).toHaveLength(2);
    expect(detail.profile.claims[0]).toMatchObject({ id: first.id, metric: expect.stringMatching(/55%/) });

    // Roles and their dates, and projects, as they should read.
    const earlier = detail.profile.roles[1];
    const dated = await owner.request('PUT', `/api/resumes/${resume.id}/profile`, {
      roles: [
        { title: 'Staff Engineer', organisation: 'Acme Payments', start: '2020-01', end: null, current: true },
        { title: earlier.title, organisation: earlier.organisation, start: '2014-03', end: '2019-12', current: false },
      ],
      projects: [{ name: 'Ledger', description: 'A double-entry ledger in Go on PostgreSQL.' }],
    });
    expect(dated.status).toBe(200);
    const redated = dated.body as ResumeDetail;
    expect(redated.profile.roles.map((r) => [r.title, r.start, r.end])).toEqual([
      ['Staff Engineer', '2020-01', null],
      [earlier.title, '2014-03', '2019-12'],
    ]);
    // The bullets (where the claims came from) stay with their roles; the years follow the dates.
    expect(redated.profile.roles[1].bullets).toEqual(earlier.bullets);
    expect(redated.profile.yearsOfExperience).toBeGreaterThan(detail.profile.yearsOfExperience ?? 0);
    expect(redated.profile.projects[0]).toMatchObject({
      name: 'Ledger',
      skills: expect.arrayContaining(['PostgreSQL']),
    });
    expect(redated.profile.claims).toEqual(detail.profile.claims);
    // The first role removed and the second renamed: its bullets go with it, by the role it was read as.
    const renamed = await owner.request('PUT', `/api/resumes/${resume.id}/profile`, {
      roles: [
        { from: 1, title: 'Lead Engineer', organisation: 'Initech', start: '2014-03', end: '2019-12', current: false },
      ],
    });
    expect(renamed.status).toBe(200);
    expect((renamed.body as ResumeDetail).profile.roles).toEqual([
      expect.objectContaining({ title: 'Lead Engineer', bullets: earlier.bullets }),
    ]);
    // Bad corrections change nothing.
    for (const body of [
      { skills: 'Kafka' },
      { skills: ['x'.repeat(61)] },
      { claims: [{ id: 'claim-nope', text: 'Built things.' }] },
      { claims: [{ id: first.id, text: '' }] },
      { name: 'A\u0000B' },
      { roles: [{ title: 'Engineer', organisation: null, start: '2021-13', end: null, current: true }] },
      { roles: [{ title: 'Engineer', organisation: null, start: '2022', end: '2020', current: false }] },
      { roles: [{ title: '  ', organisation: null, start: null, end: null, current: false }] },
      { projects: [{ name: 'x' }] },
      { roles: [{ from: 7, title: 'Engineer', organisation: null, start: null, end: null, current: false }] },
    ]) {
      expect((await owner.request('PUT', `/api/resumes/${resume.id}/profile`, body)).status).toBe(400);
    }
    expect(((await owner.get(`/api/resumes/${resume.id}`)).body as ResumeDetail).profile).toEqual(
      (renamed.body as ResumeDetail).profile,
    );
  });

  it('tailors an interview to a résumé and a posting, asks about a claim first, and judges how well it was backed', async () => {
    const owner = await candidate('tailored');
    const resume = (await upload(owner, await resumePdf(), 'resume.pdf')).body as ResumeDetail;
    const posted = await owner.post('/api/job-descriptions', { text: POSTING });
    expect(posted.status).toBe(201);
    const job = posted.body as JobDescriptionDetail;
    expect(job.title).toMatch(/Senior Backend Engineer/);
    expect(job.profile.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['Kafka', 'PostgreSQL']));
    expect(job.ranked.length).toBeGreaterThan(0);
    expect(job.ranked[0].reasons.join(' ')).toMatch(/posting/);
    expect((await owner.post('/api/job-descriptions', { text: '' })).status).toBe(400);
    expect(
      (await owner.post('/api/job-descriptions', { text: 'Lovely weather today, see you at the beach.' })).status,
    ).toBe(422);

    const created = await owner.post('/api/interviews', {
      resumeId: resume.id,
      jobDescriptionId: job.id,
      questionCount: 3,
      claimQuestionCount: 1,
      maxFollowUps: 0,
      voice: 'browser',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const live = new LiveClient(t.baseUrl, owner.cookieHeader());
    await live.connect();
    const joined = (await live.emitAck<Ack<InterviewSnapshot>>('interview:join', id)) as InterviewSnapshot;
    const tailoring = joined.plan.tailoring!;
    expect(tailoring.claims).toHaveLength(1);
    expect(tailoring.resumeName).toBe('resume.pdf');
    expect(tailoring.phrasing).toEqual({
      by: 'templates',
      note: expect.stringMatching(/^Phrased offline from templates/),
    });
    expect(Object.keys(tailoring.reasons)).toHaveLength(2);
    await live.emitAck<Ack<TurnState>>('interview:start');
    const first = (await live.waitFor('prompt', (p: Prompt) => p.kind === 'question')) as Prompt;
    // The first question probes a claim, in the interviewer's own words, naming its number.
    expect(first.questionId).toBe(tailoring.claims[0].questionId);
    expect(first.text).toBe(tailoring.claims[0].text);
    expect(first.text).toMatch(/\?$/);
    const claim = tailoring.claims[0].claim;
    if (claim.metric) expect(first.text).toContain(claim.metric.replace(/^by /, ''));

    // A specific, measured answer.
    const typed = await live.emitAck<Ack<unknown>>(
      'answer:text',
      'At Acme the checkout API had a p95 of 800 milliseconds. I profiled it with our tracing and found that every request ' +
        'looked up the session in PostgreSQL. I moved session lookups to Redis with a short time to live, and I wrote the ' +
        'invalidation myself. We measured p95 over two weeks in Grafana before and after: it fell from 800 to 480 ' +
        'milliseconds, about 40 percent. The trade-off was a second store to run, and stale sessions for up to a minute, ' +
        'which we accepted. What went wrong: the first rollout missed logout invalidation, so next time I would test that first.',
    );
    expect(typed).not.toHaveProperty('error');
    await live.emitAck('interview:end');
    live.close();
    const review = (await owner.get(`/api/interviews/${id}/review`)).body as Review;
    const probed = review.questions[0];
    expect(probed.claim?.claim).toBe(claim.text);
    expect(probed.claim?.verdict).toMatch(/backed|partly/);
    expect(probed.claim?.covered.length).toBeGreaterThan(0);
    expect(probed.claim?.covered.some((p) => p.quote !== null)).toBe(true);
    // A claim question is not one to practise from the bank (its link would lead nowhere).
    expect(review.insights.practiseNext.every((s) => !s.questionId.startsWith('claim-'))).toBe(true);
    // The bank questions were not answered: nothing to check there; the weak list names unanswered claims only.
    expect(review.weakClaims?.every((w) => w.questionIndex !== 0 || probed.claim?.verdict === 'partly')).toBe(true);
  });

  it('deletes a résumé with its file, keeping or deleting the interviews made from it', async () => {
    const owner = await candidate('deletes');
    const me = (await owner.get('/api/auth/session')).body.user.id as string;
    const kept = (await upload(owner, await resumePdf(), 'a.pdf')).body as ResumeDetail;
    const gone = (await upload(owner, await resumePdf(), 'b.pdf')).body as ResumeDetail;
    const keptInterview = (await owner.post('/api/interviews', { resumeId: kept.id, questionCount: 2 })).body.id;
    const goneInterview = (await owner.post('/api/interviews', { resumeId: gone.id, questionCount: 2 })).body.id;
    expect(((await owner.get(`/api/resumes/${kept.id}`)).body as ResumeDetail).interviewCount).toBe(1);
    expect((await owner.request('DELETE', `/api/resumes/${kept.id}?interviews=sometimes`)).status).toBe(400);

    expect((await owner.request('DELETE', `/api/resumes/${kept.id}`)).status).toBe(204);
    expect((await owner.get(`/api/interviews/${keptInterview}`)).status).toBe(200);
    expect((await owner.request('DELETE', `/api/resumes/${gone.id}?interviews=delete`)).status).toBe(204);
    expect((await owner.get(`/api/interviews/${goneInterview}`)).status).toBe(404);
    expect(((await owner.get('/api/resumes')).body as ResumeSummary[]).map((r) => r.id)).toEqual([]);
    expect(documentsOf(me)).toEqual([]);
    expect((await owner.get(`/api/resumes/${kept.id}`)).status).toBe(404);
  });
});

describe('claim questions worded by a language model, with the owner’s agreement only', () => {
  let t: TestApp;
  let model: FakeOpenAiServer;

  beforeAll(async () => {
    model = await startFakeOpenAiServer((request) => {
      const user = JSON.stringify(request.body);
      const ids = [...user.matchAll(/CLAIM (claim-[a-z0-9]+)/g)].map((m) => m[1]);
      return {
        kind: 'json',
        value: {
          questions: ids.map((claimId) => ({
            claimId,
            text: 'Walk me through that result: what did you change, and how do you know it worked?',
            followUps: ['What would you do differently?'],
          })),
        },
      };
    });
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-resumes-llm-')),
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: model.baseURL,
      ASSESSMENT_ENGINE: 'rubric',
      STT_ENGINE: 'pocketsphinx',
      TTS_ENGINE: 'flite',
    });
  });

  afterAll(async () => {
    await t?.close();
    await model?.close();
  });

  async function tailoredWith(consent: boolean) {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail(consent ? 'agrees' : 'declines'));
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await resumePdf())]), 'resume.pdf');
    form.append('llmConsent', String(consent));
    const resume = (await browser.request('POST', '/api/resumes', form)).body as ResumeDetail;
    expect(resume.llmConsent).toBe(consent);
    const created = await browser.post('/api/interviews', { resumeId: resume.id, questionCount: 3, voice: 'browser' });
    expect(created.status).toBe(201);
    const live = new LiveClient(t.baseUrl, browser.cookieHeader());
    await live.connect();
    const joined = (await live.emitAck<Ack<InterviewSnapshot>>('interview:join', created.body.id)) as InterviewSnapshot;
    live.close();
    return { resume, tailoring: joined.plan.tailoring! };
  }

  it('sends the claims, never the résumé without agreement, and falls back to the templates saying why', async () => {
    const asked = model.requests.length;
    const declined = await tailoredWith(false);
    expect(declined.tailoring.phrasing).toEqual({
      by: 'templates',
      note: 'Phrased offline from templates: you did not agree to send this résumé to the language model.',
    });
    expect(model.requests.length).toBe(asked);

    const agreed = await tailoredWith(true);
    expect(agreed.tailoring.phrasing).toEqual({ by: 'llm', note: null });
    expect(agreed.tailoring.claims[0].text).toBe(
      'Walk me through that result: what did you change, and how do you know it worked?',
    );
    const sent = JSON.stringify(model.requests.at(-1)!.body);
    expect(sent).toContain(agreed.tailoring.claims[0].claim.text);
    // Only the claims: not the rest of the résumé (its e-mail address, for one).
    expect(sent).not.toContain('priya.raman@example.com');

    model.reply = () => ({ kind: 'status', status: 503 });
    const failed = await tailoredWith(true);
    expect(failed.tailoring.phrasing.by).toBe('templates');
    expect(failed.tailoring.phrasing.note).toMatch(/^Phrased offline from templates: the language model failed \(/);
    expect(failed.tailoring.claims[0].text).toMatch(/\?$/);
  });
});
