import {
  concatPcm,
  createTestDatabase,
  silence,
  speakSentences,
  TestDatabase,
  uniqueEmail,
} from '@mockroom/server-testing';
import { encodeWav } from '@mockroom/speech';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Browser, Page } from 'playwright-core';
import { launchWithMic } from './support/chromium';
import { eventually } from './support/eventually';
import { RunningProduct, startProduct, tempDir } from './support/product';

/**
 * An interview tailored to a résumé and a posting, in Chromium as a candidate does it: upload a PDF résumé, paste a
 * posting, correct a skill, start the interview, hear the question that probes a claim, answer it aloud (flite through
 * the fake microphone, PocketSphinx in the worker), see the claim's verdict in the review, and delete the résumé.
 */
const RESUME = [
  'Priya Raman',
  'Senior Backend Engineer · priya.raman@example.com',
  '',
  'Experience',
  'Senior Backend Engineer, Acme Payments — Jan 2020 – Present',
  '• Cut p95 latency of the checkout API by 40% by moving session lookups from PostgreSQL to Redis.',
  'Backend Engineer, Initech — Mar 2016 – Dec 2019',
  '• Built the billing service in Node.js and TypeScript.',
  '',
  'Skills',
  'Node.js, TypeScript, PostgreSQL, Redis, Docker',
];

const POSTING = [
  'Senior Backend Engineer (Payments)',
  'We run payment services on PostgreSQL and Redis at high traffic.',
  'Requirements:',
  '- 5+ years building backend services in Node.js',
  '- PostgreSQL and Redis in production; you take part in the on-call rotation',
].join('\n');

const ANSWER =
  'At Acme the checkout service was slow. I measured the latency with our tracing tool for two weeks. ' +
  'I found that every request read the session from the database. I moved the sessions to a cache myself. ' +
  'After the change the latency fell by forty percent. The trade off was a second store to run. ' +
  'What went wrong was the logout, which I would test first next time.';

function resumePdf(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      writeFileSync(path, Buffer.concat(chunks));
      resolve();
    });
    doc.on('error', reject);
    doc.fontSize(11);
    for (const line of RESUME) doc.text(line || ' ');
    doc.end();
  });
}

describe('an interview tailored to a résumé and a posting, in the browser', () => {
  let db: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  let pdfPath: string;

  beforeAll(async () => {
    const dir = tempDir('tailored');
    pdfPath = join(dir, 'Priya Raman résumé.pdf');
    await resumePdf(pdfPath);
    // The microphone opens with the room: silence while the greeting and the claim question are read, the answer,
    // then silence so the answer ends.
    const wavPath = join(dir, 'answer.wav');
    writeFileSync(wavPath, encodeWav(concatPcm(silence(16_000), speakSentences(ANSWER), silence(60_000)), 16_000));
    db = await createTestDatabase('e2e_tailored');
    product = await startProduct({ DATABASE_URL: db.url, MOCKROOM_DATA_DIR: tempDir('tailored-data') });
    browser = await launchWithMic(wavPath);
    page = await browser.newPage();
    await page.goto(`${product.url}/sign-up`);
    await page.fill('input[name="displayName"]', 'Priya Raman');
    await page.fill('input[name="email"]', uniqueEmail('tailored'));
    await page.fill('input[name="password"]', 'a long tailored password');
    await page.click('button:has-text("Create account")');
    await page.getByTestId('current-user').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await db?.drop();
  });

  it('uploads, corrects, asks about a claim, judges the spoken answer, and deletes the résumé', async () => {
    await page.goto(`${product.url}/resumes`);
    // A PDF résumé and a pasted posting.
    await page.getByTestId('resume-file').setInputFiles(pdfPath);
    await page.getByTestId('resume-upload').getByRole('button').last().click();
    const item = page.getByTestId('resume-item').first();
    await item.waitFor({ timeout: 60_000 });
    expect(await item.textContent()).toContain('Priya Raman résumé.pdf');
    await page.getByTestId('job-text').fill(POSTING);
    await page.getByTestId('job-form').getByRole('button', { name: /./ }).last().click();
    await page.getByTestId('job-item').first().waitFor({ timeout: 30_000 });

    // What was understood, with one skill corrected: Docker out, Kafka in.
    await item.getByRole('link').first().click();
    await page.getByTestId('resume-profile').waitFor();
    await page.locator('[data-testid="skill-chip"][data-skill="Docker"]').getByTestId('skill-remove').click();
    await page.getByTestId('skill-add').fill('Kafka');
    await page.getByTestId('skill-add').press('Enter');
    await page.getByTestId('profile-save').click();
    await page.getByTestId('profile-saved').waitFor({ timeout: 15_000 });
    await page.reload();
    await page.locator('[data-testid="skill-chip"][data-skill="Kafka"]').waitFor();
    expect(await page.locator('[data-testid="skill-chip"][data-skill="Docker"]').count()).toBe(0);
    const claim = (await page.getByTestId('claim-item').first().textContent()) ?? '';
    expect(claim).toMatch(/p95 latency/);

    // A tailored interview with the posting: the first question probes the claim.
    const start = page.getByTestId('tailored-start');
    await page.getByTestId('tailored-job').selectOption({ index: 1 });
    await start.getByLabel('Number of questions').fill('3');
    await start.getByLabel('Of which about your claims').fill('1');
    await start.getByLabel('Interviewer voice').selectOption('server');
    await start.getByRole('button', { name: /start/i }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Start interview' }).click();
    await eventually(
      () => page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).toMatch(/40%.*\?$|\?$/s),
      60_000,
    );
    expect(await page.getByTestId('prompt-text').textContent()).toMatch(/latency|40%/);

    // The spoken answer reaches the transcript; the interviewer moves on once it ends.
    await page.locator('[data-testid="segment"][data-speaker="candidate"]').first().waitFor({ timeout: 90_000 });
    await eventually(
      () => page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).not.toMatch(/latency|40%/),
      120_000,
    );
    await page.getByRole('button', { name: 'End interview' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End now' }).click();

    // The review judges the claim from the answer, with what was covered or missing.
    const verdict = page.getByTestId('claim-verdict').first();
    await verdict.waitFor({ timeout: 120_000 });
    expect(await verdict.getAttribute('data-verdict')).toMatch(/^(backed|partly|weak)$/);

    // Deleting the résumé (keeping the interview) leaves no résumé and the interview in the history.
    await page.goto(`${product.url}/resumes`);
    await page.getByTestId('resume-item').first().getByTestId('resume-delete').click();
    await page.getByTestId('delete-confirm-keep').click();
    await eventually(
      () => page.getByTestId('resume-item').count(),
      (n) => expect(n).toBe(0),
    );
    await page.goto(`${product.url}/interviews`);
    await eventually(
      () => page.getByTestId('interview-row').count(),
      (n) => expect(n).toBe(1),
    );
  });
});
