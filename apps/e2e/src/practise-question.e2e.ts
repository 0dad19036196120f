import { createTestDatabase, TestDatabase, uniqueEmail } from '@mockroom/server-testing';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { RunningProduct, startProduct, tempDir } from './support/product';

/**
 * From a question's page to an AI interview with hand-picked questions: "Practise this question" opens the form with
 * that question chosen and its role and level set; the search finds questions of other roles too; the interview is
 * created with exactly the chosen questions, in the order lined up.
 */
const BACKEND_QUESTION = 'distributed-rate-limiter'; // backend, mid
const FULLSTACK_QUESTION = 'realtime-collaborative-editor-design'; // fullstack only, senior

describe('practising a question from the bank', () => {
  let db: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_practise');
    product = await startProduct({ DATABASE_URL: db.url, MOCKROOM_DATA_DIR: tempDir('practise') });
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await db?.drop();
  });

  it('sends a signed-out visitor to sign in first, keeping the question to practise', async () => {
    await page.goto(`${product.url}/interviews/new?question=${BACKEND_QUESTION}`);
    await page.waitForURL(/\/sign-in\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/interviews/new?question=${BACKEND_QUESTION}`);

    await page.goto(`${product.url}/sign-up`);
    await page.fill('input[name="displayName"]', 'Pat Practice');
    await page.fill('input[name="email"]', uniqueEmail('practise'));
    await page.fill('input[name="password"]', 'a long practice password');
    await page.click('button:has-text("Create account")');
    await page.getByTestId('current-user').waitFor();
  });

  it('starts an interview from a question, adds one from another role, and keeps the chosen order', async () => {
    // A backend question, opened from the bank.
    await page.goto(`${product.url}/questions?q=rate%20limiter&role=backend`);
    await page.locator(`a[href="/questions/${BACKEND_QUESTION}"]`).click();
    await page.getByRole('link', { name: 'Practise this question' }).click();
    await page.waitForURL(`${product.url}/interviews/new?question=${BACKEND_QUESTION}`);

    // The form opens on the bank, with that question chosen and its role and level.
    expect(await page.getByLabel('Chosen from the bank').isChecked()).toBe(true);
    const chosen = page.getByTestId('chosen-question');
    const chosenIds = () => chosen.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-question-id')));
    await eventually(chosenIds, (ids) => expect(ids).toEqual([BACKEND_QUESTION]));
    expect(await chosen.first().textContent()).toContain('Backend');
    await eventually(
      () => page.getByLabel('Role', { exact: true }).inputValue(),
      (role) => expect(role).toBe('backend'),
    );
    expect(await page.getByLabel('Level', { exact: true }).inputValue()).toBe('mid');

    // Without words the picker suggests backend questions; words search every role.
    const results = page.getByTestId('bank-question');
    await eventually(
      () => results.allTextContents(),
      (rows) => {
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row).toContain('Backend');
      },
    );
    await page.getByRole('searchbox', { name: 'Search the bank' }).fill('collaborative editor');
    const fullstack = page.locator(`[data-testid="bank-question"][data-question-id="${FULLSTACK_QUESTION}"]`);
    await fullstack.waitFor();
    expect(await fullstack.textContent()).toMatch(/Fullstack.*Senior/);
    expect(await page.getByLabel('Role', { exact: true }).inputValue()).toBe('backend');
    await fullstack.getByRole('button', { name: 'Add' }).click();
    await eventually(chosenIds, (ids) => expect(ids).toEqual([BACKEND_QUESTION, FULLSTACK_QUESTION]));

    await page.getByRole('button', { name: 'Move question 2 up' }).click();
    await eventually(chosenIds, (ids) => expect(ids).toEqual([FULLSTACK_QUESTION, BACKEND_QUESTION]));

    await page.getByRole('button', { name: 'Create interview' }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const plan = await page.evaluate(
      async (interviewId) => (await (await fetch(`/api/interviews/${interviewId}`)).json()).plan,
      id,
    );
    expect(plan).toMatchObject({
      role: 'backend',
      level: 'mid',
      trackId: null,
      questionIds: [FULLSTACK_QUESTION, BACKEND_QUESTION],
    });
  });
});
