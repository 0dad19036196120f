import {
  concatPcm,
  createTestDatabase,
  silence,
  speakSentences,
  TestBrowser,
  TestDatabase,
  uniqueEmail,
} from '@mockroom/server-testing';
import { encodeWav } from '@mockroom/speech';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { launchWithMic } from './support/chromium';
import { eventually } from './support/eventually';
import { RunningProduct, startProduct, tempDir } from './support/product';

/**
 * A session with a human interviewer in two Chromium browsers on the built-in transport. Each browser has its own fake
 * microphone (the file is a launch flag): the interviewer asks the question aloud, the candidate answers aloud. Both
 * voices are transcribed with their speaker, the checklist ticks itself, a follow-up pushed from the console reaches
 * the candidate, and nothing of the rubric, scores or private notes reaches the candidate, on the page or on the wire.
 */
const QUESTION = 'authentication-sessions-end-to-end';
const SECOND_QUESTION = 'rest-vs-graphql';
const INTERVIEWER_SAYS = 'Welcome. Please walk me through how authentication and sessions work, end to end.';
const CANDIDATE_SAYS =
  'The user sends credentials over HTTPS. The server hashes the password with bcrypt and compares it to the stored hash. ' +
  'Then it creates a session and sets the session ID in an HTTP only secure cookie.';
const PRIVATE_NOTE = 'Private note: probe token rotation next time';
const SHARED_NOTE = 'Shared note: clear walk through the login flow';

function micFile(name: string, pcm: Int16Array): string {
  const path = join(tempDir(`mic-${name}`), `${name}.wav`);
  writeFileSync(path, encodeWav(pcm, 16_000));
  return path;
}

describe('a session run by a human interviewer, in two browsers', () => {
  let db: TestDatabase;
  let product: RunningProduct;
  let interviewerBrowser: Browser;
  let candidateBrowser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_human');
    product = await startProduct({ DATABASE_URL: db.url, MOCKROOM_DATA_DIR: tempDir('human') });
    // The interviewer speaks a few seconds after opening the console (time to press Start); the candidate answers after that.
    interviewerBrowser = await launchWithMic(
      micFile('interviewer', concatPcm(silence(9000), speakSentences(INTERVIEWER_SAYS), silence(60_000))),
    );
    candidateBrowser = await launchWithMic(
      micFile('candidate', concatPcm(silence(26_000), speakSentences(CANDIDATE_SAYS), silence(60_000))),
    );
  });

  afterAll(async () => {
    await interviewerBrowser?.close();
    await candidateBrowser?.close();
    await product?.stop();
    await db?.drop();
  });

  async function signedIn(browser: Browser, name: string, role?: string): Promise<{ page: Page; api: TestBrowser }> {
    const api = new TestBrowser(product.url);
    const res = await api.signUp(
      uniqueEmail(name.toLowerCase().replace(/\W+/g, '-')),
      'a long session password',
      name,
      role,
    );
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status}`);
    const context = await browser.newContext();
    await context.addCookies([...api.cookies].map(([cookie, value]) => ({ name: cookie, value, url: product.url })));
    return { page: await context.newPage(), api };
  }

  it('transcribes both voices with speaker labels, ticks the rubric, pushes a follow-up, and keeps the console private', async () => {
    const interviewer = await signedIn(interviewerBrowser, 'Ivy Interviewer', 'interviewer');
    const candidate = await signedIn(candidateBrowser, 'Cam Candidate');

    // The interviewer creates the session in the browser, picking the question from the bank, and gets the invitation link.
    await interviewer.page.goto(`${product.url}/sessions/new`);
    await interviewer.page.getByLabel('Chosen from the bank').check();
    await interviewer.page.getByRole('searchbox', { name: 'Search the bank' }).fill('authentication sessions');
    await interviewer.page
      .locator(`[data-testid="bank-question"][data-question-id="${QUESTION}"]`)
      .getByRole('button', { name: 'Add' })
      .click();
    await interviewer.page.getByRole('searchbox', { name: 'Search the bank' }).fill('REST GraphQL');
    await interviewer.page
      .locator(`[data-testid="bank-question"][data-question-id="${SECOND_QUESTION}"]`)
      .getByRole('button', { name: 'Add' })
      .click();
    await interviewer.page.getByRole('button', { name: 'Create session' }).click();
    const created = interviewer.page.getByTestId('session-created');
    await created.waitFor();
    const interviewId = (await created.getAttribute('data-interview'))!;
    const firstInvite = await interviewer.page.getByTestId('invite-link').inputValue();
    expect(firstInvite).toMatch(/\/join\/[A-Za-z0-9_-]{20,}$/);
    expect(await interviewer.page.getByTestId('invite-expiry').textContent()).toMatch(/The link works until/);
    // A new link (say the first went to the wrong person): the old one stops working.
    await interviewer.page.getByRole('button', { name: 'Make a new link' }).click();
    await eventually(
      () => interviewer.page.getByTestId('invite-link').inputValue(),
      (value) => expect(value).not.toBe(firstInvite),
    );
    const invite = await interviewer.page.getByTestId('invite-link').inputValue();
    expect(invite).toMatch(/\/join\/[A-Za-z0-9_-]{20,}$/);
    await candidate.page.goto(firstInvite);
    await candidate.page.getByRole('heading', { name: "This invitation doesn't work" }).waitFor();

    // Everything the candidate's browser receives over the socket, to check that nothing private arrives.
    const received: string[] = [];
    candidate.page.on('websocket', (ws) =>
      ws.on('framereceived', (frame) => typeof frame.payload === 'string' && received.push(frame.payload)),
    );

    await candidate.page.goto(invite);
    await candidate.page.getByRole('button', { name: 'Join the session' }).click();
    await candidate.page.waitForURL(`${product.url}/interviews/${interviewId}`);
    await candidate.page.getByTestId('candidate-session').waitFor();

    await interviewer.page.goto(`${product.url}/interviews/${interviewId}`);
    await interviewer.page.getByTestId('interviewer-console').waitFor();
    await eventually(
      () =>
        interviewer.page.locator('[data-testid="presence-chip"][data-role="candidate"]').getAttribute('data-connected'),
      (connected) => expect(connected).toBe('true'),
      15_000,
    );
    await interviewer.page.getByRole('button', { name: 'Start session' }).click();
    // Starting shows no question by itself: the candidate waits, and the console's button says what it will do.
    await candidate.page.getByText('The session has started').waitFor({ timeout: 15_000 });
    expect(await candidate.page.getByTestId('prompt-text').count()).toBe(0);
    const next = interviewer.page.getByTestId('next-question');
    await eventually(
      () => next.textContent(),
      (text) => expect(text).toBe('Show the first question'),
    );
    await next.click();
    await eventually(
      () => candidate.page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).toMatch(/authentication and sessions/),
      15_000,
    );
    // On to question 2 and back to question 1: one click never skips a question for good.
    await eventually(
      () => next.textContent(),
      (text) => expect(text).toBe('Show question 2'),
    );
    await next.click();
    await eventually(
      () => candidate.page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).toMatch(/REST and GraphQL/),
      15_000,
    );
    await interviewer.page.getByTestId('previous-question').click();
    await eventually(
      () => candidate.page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).toMatch(/authentication and sessions/),
      15_000,
    );
    await eventually(
      () => interviewer.page.getByTestId('console-question').getAttribute('data-question-index'),
      (index) => expect(index).toBe('0'),
    );

    // Both voices, each with its speaker, in the interviewer's console; the candidate sees their own words.
    const segment = (page: Page, testId: string, speaker: string) =>
      page.locator(`[data-testid="${testId}"][data-speaker="${speaker}"]`);
    await segment(interviewer.page, 'console-segment', 'interviewer').first().waitFor({ timeout: 90_000 });
    await segment(interviewer.page, 'console-segment', 'candidate').first().waitFor({ timeout: 90_000 });
    await segment(candidate.page, 'segment', 'candidate').first().waitFor({ timeout: 30_000 });
    const interviewerWords = (await segment(interviewer.page, 'console-segment', 'interviewer').allTextContents()).join(
      ' ',
    );
    expect(interviewerWords).toMatch(/authentication|sessions|walk|end/i);

    // The checklist ticks itself from the candidate's words.
    await interviewer.page
      .locator('[data-testid="checklist-point"][data-covered="true"][data-source="auto"]')
      .first()
      .waitFor({ timeout: 60_000 });

    // A follow-up from the console reaches the candidate's screen.
    const suggestion = interviewer.page.getByTestId('follow-up-suggestion').first();
    const followUp = (await suggestion.locator('.console-follow-up__text').textContent())!.trim();
    await suggestion.getByRole('button', { name: 'Ask' }).click();
    await eventually(
      () => candidate.page.getByTestId('prompt-text').textContent(),
      (text) => expect(text?.trim()).toBe(followUp),
      15_000,
    );

    // Scores and a private note, kept to the interviewer.
    for (const [label, value] of [
      ['Relevance', '8'],
      ['Depth', '6'],
      ['Clarity', '7'],
      ['Correctness', '9'],
    ]) {
      await interviewer.page.getByTestId('console-scores').getByLabel(label, { exact: true }).fill(value);
    }
    await interviewer.page.getByRole('button', { name: 'Save scores' }).click();
    await interviewer.page.getByLabel('Note', { exact: true }).fill(PRIVATE_NOTE);
    await interviewer.page.getByLabel('Private', { exact: true }).check();
    await interviewer.page.getByRole('button', { name: 'Add note' }).click();
    await interviewer.page.locator('[data-testid="console-note"][data-visibility="private"]').waitFor();
    // A shared note, after which the next note is private again unless chosen otherwise.
    await interviewer.page.getByLabel('Note', { exact: true }).fill(SHARED_NOTE);
    await interviewer.page.getByLabel('Shared with the candidate', { exact: true }).check();
    await interviewer.page.getByRole('button', { name: 'Add note' }).click();
    await interviewer.page.locator('[data-testid="console-note"][data-visibility="shared"]').waitFor();
    expect(await interviewer.page.getByLabel('Private', { exact: true }).isChecked()).toBe(true);

    // Nothing of it on the candidate's page or socket.
    expect(await candidate.page.getByTestId('checklist-point').count()).toBe(0);
    expect(await candidate.page.getByText(PRIVATE_NOTE).count()).toBe(0);
    const wire = received.join('\n');
    expect(wire).not.toContain(PRIVATE_NOTE);
    expect(wire).not.toContain('checklist:update');
    expect(wire).not.toContain('console:state');
    expect(wire).not.toContain('answer:assessed');

    // The interviewer ends it; both land on the review.
    await interviewer.page.getByRole('button', { name: 'End session' }).click();
    await interviewer.page.getByRole('button', { name: 'End now' }).click();
    await interviewer.page.getByTestId('interview-summary').waitFor({ timeout: 90_000 });
    await candidate.page.getByTestId('interview-summary').waitFor({ timeout: 90_000 });
    await candidate.page.getByTestId('interviewer-verdict').first().waitFor({ timeout: 30_000 });
    expect(await candidate.page.getByText(PRIVATE_NOTE).count()).toBe(0);

    // An admin sees how the engine's scores compare with the interviewer's: a bar per score, and this question's row.
    const admin = await signedIn(interviewerBrowser, 'Ada Admin');
    const roles = new Client({ connectionString: db.url });
    await roles.connect();
    await roles.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [
      ((await admin.api.get('/api/auth/me')).body as { id: string }).id,
    ]);
    await roles.end();
    await admin.page.goto(`${product.url}/reports/agreement`);
    const row = admin.page.getByTestId('agreement-disagreements').locator('tbody tr').first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('Ivy Interviewer');
    expect((await row.locator('td').nth(1).textContent())?.trim()).toBe('7.5');
    expect(await admin.page.locator('[data-testid="agreement-dimensions"] [data-dimension]').count()).toBe(5);
    await admin.page.screenshot({ path: join(tempDir('agreement'), 'agreement.png'), fullPage: true });
    // The interviewer is not an admin: the page says so, and the API refuses.
    expect((await interviewer.api.get('/api/reports/agreement')).status).toBe(403);
  });
});
