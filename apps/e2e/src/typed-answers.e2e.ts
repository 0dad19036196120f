import { createTestDatabase, TestDatabase, uniqueEmail } from '@mockroom/server-testing';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { RunningProduct, startProduct, tempDir } from './support/product';

/**
 * A candidate whose browser has no microphone at all (Chromium here has no audio device unless given a fake one): the
 * room says so and will not start a spoken interview, offers typed answers, and a typed interview is scored and
 * reviewed like a spoken one. Ending an interview in which nothing was answered leaves nothing in the history.
 */
const QUESTIONS = ['authentication-sessions-end-to-end', 'rest-vs-graphql'];
const TYPED = [
  'The user sends their email and password over HTTPS. The server hashes the password with bcrypt and compares it with the stored hash. ' +
    'It then creates a session in Redis with a time to live and sets the session id in an HTTP only, secure cookie. ' +
    'On every request the middleware reads the cookie and looks up the session.',
  'REST exposes resources at fixed endpoints and uses HTTP caching well. GraphQL has a single endpoint where the client asks for exactly the fields it needs, ' +
    'which avoids over fetching, but caching and rate limiting get harder.',
];

describe('answering by keyboard in the browser', () => {
  let db: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  /** Failed requests the page made, as they show up in the browser's console. */
  const failed: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('e2e_typed');
    product = await startProduct({ DATABASE_URL: db.url, MOCKROOM_DATA_DIR: tempDir('typed') });
    // Permission prompts are accepted, but there is no capture device: getUserMedia fails as on a desktop without one.
    browser = await launchChromium(['--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required']);
    page = await browser.newPage();
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    await page.goto(`${product.url}/sign-up`);
    await page.fill('input[name="displayName"]', 'Kim Keyboard');
    await page.fill('input[name="email"]', uniqueEmail('typed'));
    await page.fill('input[name="password"]', 'a long typed password');
    await page.click('button:has-text("Create account")');
    await page.getByTestId('current-user').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await db?.drop();
  });

  function createInterview(questionIds: string[]): Promise<string> {
    return page.evaluate(async (ids) => {
      const session = await (await fetch('/api/auth/session')).json();
      const res = await fetch('/api/interviews', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ questionIds: ids, maxFollowUps: 0, voice: 'browser' }),
      });
      return (await res.json()).id as string;
    }, questionIds);
  }

  it('will not start a spoken interview without a microphone, and takes typed answers instead', async () => {
    const id = await createInterview(QUESTIONS);
    await page.goto(`${product.url}/interviews/${id}`);
    // No microphone: said plainly, and Start is held back until there is a way to answer.
    await page.getByTestId('start-blocked').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Start interview' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('mic-problem').textContent()).toMatch(/type your answers instead/);

    await page.getByRole('button', { name: 'Type my answers' }).click();
    await page.getByTestId('typed-answer').waitFor();
    await page.getByRole('button', { name: 'Start interview' }).click();
    await eventually(
      () => page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).toMatch(/authentication and sessions/),
    );

    // Empty is refused in place; a real answer goes with Ctrl+Enter.
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Type your answer first.').waitFor();
    await page.getByLabel('Your answer').fill(TYPED[0]);
    await page.getByLabel('Your answer').press('Control+Enter');
    await eventually(
      () => page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).toMatch(/REST and GraphQL/),
      30_000,
    );
    expect(await page.getByLabel('Your answer').inputValue()).toBe('');
    const typedLines = page.locator('[data-testid="segment"][data-speaker="candidate"]');
    await eventually(
      () => typedLines.allTextContents(),
      (texts) => expect(texts.join(' ')).toContain('hashes the password with bcrypt'),
    );

    await page.getByLabel('Your answer').fill(TYPED[1]);
    await page.getByRole('button', { name: 'Send answer' }).click();

    // The review: scored like a spoken answer, with the typed words as the transcript.
    await page.getByTestId('interview-summary').waitFor({ timeout: 90_000 });
    await eventually(
      () => page.getByTestId('question-result').count(),
      (n) => expect(n).toBe(2),
      30_000,
    );
    const firstCard = page.getByTestId('question-result').first();
    await eventually(
      () => firstCard.getByTestId('rubric-covered').count(),
      (n) => expect(n).toBeGreaterThanOrEqual(3),
      30_000,
    );
    expect(await page.locator('[data-testid="review-line"][data-speaker="candidate"]').first().textContent()).toContain(
      'bcrypt',
    );
    // Without LiveKit on the server the room never asks for a LiveKit token (no 409 in the console on every load).
    expect(failed.filter((f) => f.includes('/livekit'))).toEqual([]);
  });

  it('keeps nothing when the interview ends before anything was answered', async () => {
    const id = await createInterview(QUESTIONS.slice(0, 1));
    await page.goto(`${product.url}/interviews/${id}`);
    await page.getByTestId('start-blocked').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Type my answers' }).click();
    await page.getByRole('button', { name: 'Start interview' }).click();
    await eventually(
      () => page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).toMatch(/authentication/),
    );
    await page.getByRole('button', { name: 'End interview' }).click();
    await page.getByRole('button', { name: 'End now' }).click();
    await page.getByRole('heading', { name: 'Nothing was recorded' }).waitFor({ timeout: 30_000 });
    await page.goto(`${product.url}/interviews`);
    await page.getByTestId('interview-row').first().waitFor();
    // Only the typed interview of the first test is listed.
    expect(await page.getByTestId('interview-row').count()).toBe(1);
  });
});
