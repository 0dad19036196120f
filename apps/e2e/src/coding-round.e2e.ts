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
import type { Browser, Page } from 'playwright-core';
import { launchWithMic } from './support/chromium';
import { eventually } from './support/eventually';
import { RunningProduct, startProduct, tempDir } from './support/product';

/**
 * A coding round in Chromium, as a candidate does it: the coding question opens the editor, the fake microphone speaks
 * while the code is typed, a failing run and then a passing one, the AI interviewer's follow-up about the code, and the
 * review's replay of the code at two moments of the session. Then a session with a human interviewer in two browser
 * contexts: the console watches the candidate type and points at a line, and runs the code.
 */
const QUESTION = 'parse-http-query-string';

/** Splits on every "=" and never decodes: fails the examples with encoding and empty values. */
const BUGGY = `function parseQuery(query) {
  const result = {};
  for (const token of query.split('&')) {
    const [key, value] = token.split('=');
    (result[key] = result[key] || []).push(value);
  }
  return result;
}`;

const FIXED = `function parseQuery(query) {
  const result = {};
  const decode = (text) => {
    const spaced = text.replace(/\\+/g, ' ');
    try {
      return decodeURIComponent(spaced);
    } catch {
      return spaced;
    }
  };
  for (const token of query.replace(/^\\?/, '').split('&')) {
    if (!token) continue;
    const at = token.indexOf('=');
    const key = decode(at === -1 ? token : token.slice(0, at));
    if (!key) continue;
    (result[key] = result[key] || []).push(at === -1 ? '' : decode(token.slice(at + 1)));
  }
  return result;
}`;

const SPOKEN =
  'I will split the query on the ampersand first. Then I split each token on the first equals sign only. ' +
  'Keys and values are decoded with the standard library, and every key keeps a list of its values.';

describe('a coding round in the browser', () => {
  let db: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The candidate talks while typing: a few seconds of silence (the microphone opens before the start), the
    // explanation, then silence; the answer is ended with "I'm done" once the code passes.
    const audio = concatPcm(silence(6000), speakSentences(SPOKEN), silence(90_000));
    const wavPath = join(tempDir('coding-mic'), 'talking.wav');
    writeFileSync(wavPath, encodeWav(audio, 16_000));
    db = await createTestDatabase('e2e_coding');
    // The plain silence rule with the longest patience: the answer ends when the candidate says so, not at a pause.
    product = await startProduct({
      DATABASE_URL: db.url,
      MOCKROOM_DATA_DIR: tempDir('coding'),
      TURN_END_RULE: 'silence',
    });
    browser = await launchWithMic(wavPath);
    page = await browser.newPage();
    await page.goto(`${product.url}/sign-up`);
    await page.fill('input[name="displayName"]', 'Cody Coder');
    await page.fill('input[name="email"]', uniqueEmail('coder'));
    await page.fill('input[name="password"]', 'a long coding password');
    await page.click('button:has-text("Create account")');
    await page.getByTestId('current-user').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await db?.drop();
  });

  /** Replaces the editor's whole text, as a paste would (typing would meet the editor's auto-closing brackets). */
  async function setCode(target: Page, code: string): Promise<void> {
    const editor = target.getByTestId('code-editor').locator('.cm-content');
    await editor.click();
    await target.keyboard.press('Control+A');
    await target.keyboard.insertText(code);
  }

  /** Presses Run (or Submit) and waits for a finished result with `passed` tests passing. */
  async function runUntil(target: Page, button: 'code-run' | 'code-submit', passed: (n: number) => boolean) {
    await target.getByTestId(button).click();
    const result = target.getByTestId('code-result');
    await eventually(
      async () => ({
        status: await result.getAttribute('data-status'),
        passed: Number(await result.getAttribute('data-passed')),
        total: Number(await result.getAttribute('data-total')),
      }),
      (seen) => {
        expect(seen.status).toBe('done');
        expect(seen.total).toBe(3);
        expect(passed(seen.passed)).toBe(true);
      },
      60_000,
    );
  }

  it('runs failing then passing code while talking, hears a follow-up about it, and replays it in the review', async () => {
    const id = await page.evaluate(
      async (questionIds) => {
        const session = await (await fetch('/api/auth/session')).json();
        const res = await fetch('/api/interviews', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ questionIds, maxFollowUps: 1, answerSilenceMs: 30_000, voice: 'browser' }),
        });
        return (await res.json()).id as string;
      },
      [QUESTION],
    );
    await page.goto(`${product.url}/interviews/${id}`);
    await page.getByRole('button', { name: 'Start interview' }).click();
    await eventually(
      () => page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).toMatch(/parses a raw HTTP query string/),
    );
    // The editor opens with the problem and the starter code.
    const panel = page.getByTestId('code-panel');
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.textContent()).toMatch(/parseQuery\(query\)/);
    expect(await page.getByTestId('code-editor').textContent()).toContain('function parseQuery(query)');

    await setCode(page, BUGGY);
    await runUntil(page, 'code-run', (n) => n < 3);
    expect(await page.getByTestId('code-result').textContent()).toMatch(/of 3 example tests passed/);

    await setCode(page, FIXED);
    await runUntil(page, 'code-run', (n) => n === 3);
    // What they said meanwhile is in the transcript.
    await page.locator('[data-testid="segment"][data-speaker="candidate"]').first().waitFor({ timeout: 60_000 });

    // Done: the interviewer asks about the code (its complexity: the examples pass and it was not said).
    await page.getByRole('button', { name: "I'm done" }).click();
    await eventually(
      () => page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).toBe('What are the time and space complexity of your solution?'),
      60_000,
    );
    await page.getByRole('button', { name: 'End interview' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End now' }).click();

    // The review replays the code: at the first run it is the buggy code with its failing result, at the end the fix.
    const replay = page.getByTestId('code-replay');
    await replay.waitFor({ timeout: 60_000 });
    expect(await replay.getAttribute('data-question-id')).toBe(QUESTION);
    const slider = page.getByTestId('code-replay-slider');
    const ticks = page.locator('[data-testid="code-replay-tick"][data-run-id]');
    expect(await ticks.count()).toBe(2);
    await ticks.first().click();
    await eventually(
      () => page.getByTestId('code-replay-text').textContent(),
      (text) => expect(text).toBe(BUGGY),
    );
    expect(Number(await page.getByTestId('code-replay-run').getAttribute('data-passed'))).toBeLessThan(3);
    await slider.focus();
    await page.keyboard.press('End');
    await eventually(
      () => page.getByTestId('code-replay-text').textContent(),
      (text) => expect(text).toBe(FIXED),
    );
    expect(await page.getByTestId('code-replay-run').getAttribute('data-passed')).toBe('3');
  });

  it('shows the interviewer of a session the candidate’s typing, and the line the interviewer points at', async () => {
    const interviewerApi = new TestBrowser(product.url);
    await interviewerApi.signUp(uniqueEmail('watcher'), 'a long session password', 'Wes Watcher', 'interviewer');
    const candidateApi = new TestBrowser(product.url);
    await candidateApi.signUp(uniqueEmail('typist'), 'a long session password', 'Tia Typist');
    const created = await interviewerApi.post('/api/sessions', { questionIds: [QUESTION] });
    const id = created.body.interview.id as string;
    const token = (created.body.invitePath as string).split('/').pop();
    expect((await candidateApi.post(`/api/invitations/${token}/accept`)).status).toBe(201);
    // Two browsers: the interviewer's has no microphone file of its own, so each gets a context with its cookies.
    const open = async (api: TestBrowser) => {
      const context = await browser.newContext();
      await context.addCookies([...api.cookies].map(([name, value]) => ({ name, value, url: product.url })));
      const opened = await context.newPage();
      await opened.goto(`${product.url}/interviews/${id}`);
      return opened;
    };
    const lead = await open(interviewerApi);
    const cand = await open(candidateApi);
    await lead.getByTestId('interviewer-console').waitFor();
    await cand.getByTestId('candidate-session').waitFor();
    await eventually(
      () => lead.locator('[data-testid="presence-chip"][data-role="candidate"]').getAttribute('data-connected'),
      (connected) => expect(connected).toBe('true'),
      15_000,
    );
    await lead.getByRole('button', { name: 'Start session' }).click();
    await eventually(
      () => lead.getByTestId('next-question').textContent(),
      (text) => expect(text).toBe('Show the first question'),
    );
    await lead.getByTestId('next-question').click();

    // The candidate's editor and the console's watcher open on the same code.
    await cand.getByTestId('code-panel').waitFor({ timeout: 30_000 });
    const watch = lead.getByTestId('code-watch');
    await watch.waitFor({ timeout: 30_000 });
    await eventually(
      () => watch.getByTestId('code-editor').textContent(),
      (text) => expect(text).toContain('function parseQuery(query)'),
    );

    // The candidate types, key by key; the interviewer sees it as it is typed.
    await cand.getByTestId('code-editor').locator('.cm-content').click();
    await cand.keyboard.press('Control+End');
    await cand.keyboard.type('\n// split on & first, then on the first =', { delay: 15 });
    await eventually(
      () => watch.getByTestId('code-editor').textContent(),
      (text) => expect(text).toContain('// split on & first, then on the first ='),
      15_000,
    );

    // The interviewer points at line 2: both see it.
    await watch.getByLabel('Point at line').fill('2');
    await watch.getByRole('button', { name: 'Point', exact: true }).click();
    await eventually(
      () => cand.getByTestId('code-pointer').textContent(),
      (text) => expect(text).toBe('Your interviewer is pointing at line 2.'),
      15_000,
    );
    expect(await watch.getByTestId('code-pointer').textContent()).toMatch(/pointing at line 2/);

    // The interviewer runs the candidate's code; the candidate sees the result too.
    await watch.getByTestId('code-run').click();
    await eventually(
      () => cand.getByTestId('code-result').getAttribute('data-status'),
      (status) => expect(status).toBe('done'),
      60_000,
    );
    await lead.context().close();
    await cand.context().close();
  });
});
