import { createTestDatabase, TestDatabase, uniqueEmail } from '@mockroom/server-testing';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { RunningProduct, startProduct, tempDir } from './support/product';

describe('a candidate signs up and explores the question bank (Chromium)', () => {
  let db: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_bank');
    product = await startProduct({ DATABASE_URL: db.url, MOCKROOM_DATA_DIR: tempDir('bank') });
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await db?.drop();
  });

  it('shows why a sign-up failed, then signs up', async () => {
    await page.goto(`${product.url}/sign-up`);
    await page.fill('input[name="displayName"]', 'Dana Candidate');
    await page.fill('input[name="email"]', 'not-an-email');
    await page.fill('input[name="password"]', 'short');
    await page.click('button:has-text("Create account")');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/email|10 characters/i);

    await page.fill('input[name="email"]', uniqueEmail('dana'));
    await page.fill('input[name="password"]', 'a proper long password');
    await page.click('button:has-text("Create account")');
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('Dana Candidate');
  });

  it('filters the bank by role, level and category, and searches it', async () => {
    await page.goto(`${product.url}/questions`);
    await eventually(
      () => page.getByTestId('result-count').textContent(),
      (text) => expect(text).toMatch(/^66 questions/),
    );

    await page.getByLabel('Role', { exact: true }).selectOption('backend');
    await eventually(
      () => page.getByTestId('result-count').textContent(),
      (text) => expect(text).toMatch(/^28 questions/),
    );
    await page.getByLabel('Category', { exact: true }).selectOption('databases');
    await eventually(
      async () => Number((await page.getByTestId('result-count').textContent())!.split(' ')[0]),
      (n) => expect(n).toBeLessThan(28),
    );
    const cards = page.getByTestId('question-card');
    const count = await cards.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) expect(await cards.nth(i).textContent()).toMatch(/Databases/);

    // Filters live in the URL, so a reload keeps them.
    expect(page.url()).toMatch(/role=backend/);
    await page.reload();
    await eventually(
      () => page.getByLabel('Category', { exact: true }).inputValue(),
      (value) => expect(value).toBe('databases'),
    );

    await page.getByLabel('Category', { exact: true }).selectOption('');
    await page.getByLabel('Role', { exact: true }).selectOption('');
    await page.getByLabel('Search questions').fill('rate limiter');
    await eventually(
      () => cards.first().textContent(),
      (text) => expect(text).toMatch(/rate limiter/i),
    );
  });

  it('opens a question with its rubric and how to answer it', async () => {
    await page.getByTestId('question-card').first().getByRole('link').first().click();
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').textContent()).toMatch(/rate limiter/i);
    expect(await page.getByTestId('rubric').locator('li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('main').textContent()).toMatch(/token bucket/i);
  });

  it('keeps a sample answer hidden until the candidate asks for it', async () => {
    await page.goto(`${product.url}/questions?q=optimistic%20UI%20rollback`);
    await eventually(
      () => page.getByTestId('question-card').first().textContent(),
      (text) => expect(text).toMatch(/optimistic UI/i),
    );
    await page.getByTestId('question-card').first().getByRole('link').first().click();
    await page.getByRole('button', { name: /Show sample answer/ }).waitFor();
    const answer = page.getByText('I store the previous state in a variable');
    expect(await answer.isVisible()).toBe(false);
    await page.getByRole('button', { name: /Show sample answer/ }).click();
    await answer.waitFor({ state: 'visible' });
  });

  it('signs out and protects the bank again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${product.url}/questions`);
    await page.waitForURL(/\/sign-in/);
  });
});
