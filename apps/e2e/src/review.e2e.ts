import {
  createTestDatabase,
  takeSpokenInterview,
  TestBrowser,
  TestDatabase,
  uniqueEmail,
} from '@mockroom/server-testing';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { RunningProduct, startProduct } from './support/product';

/**
 * The review of an interview the real pipeline produced in this test (a candidate answered two questions aloud through
 * the live socket; PocketSphinx transcribed, the rubric engine scored): the synced player, the scores and highlighted
 * rubric points, both exports, sharing with one interviewer (another account gets 403), and deletion.
 */
const QUESTIONS = ['authentication-sessions-end-to-end', 'rest-vs-graphql'];
const ANSWERS = [
  'Authentication starts with the user sending credentials over HTTPS. The server hashes the password with bcrypt and compares it to the stored hash. ' +
    'Then it creates a session and sets the session ID in an HTTP only secure cookie.',
  'REST exposes resources at fixed endpoints and uses HTTP caching well. GraphQL has one endpoint where the client asks for exactly the fields it needs.',
];

describe('reviewing a finished interview in the browser', () => {
  let db: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let id: string;
  const people: Record<'candidate' | 'mentor' | 'outsider', { api: TestBrowser; email: string }> = {} as never;

  async function account(name: string, role?: string) {
    const api = new TestBrowser(product.url);
    const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'));
    const res = await api.signUp(email, 'a long review password', name, role);
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { api, email };
  }

  /** A browser context signed in as one of the people (their session cookie). */
  async function pageAs(who: keyof typeof people): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ acceptDownloads: true });
    await context.addCookies([...people[who].api.cookies].map(([name, value]) => ({ name, value, url: product.url })));
    return { context, page: await context.newPage() };
  }

  beforeAll(async () => {
    db = await createTestDatabase('e2e_review');
    // The launcher's default data folder (.mockroom/ in the checkout), as in a user's install: the recording lives
    // under a dot-folder there, which file serving must not refuse.
    product = await startProduct({ DATABASE_URL: db.url });
    people.candidate = await account('Casey Candidate');
    people.mentor = await account('Morgan Mentor', 'interviewer');
    people.outsider = await account('Olly Outsider', 'interviewer');
    const taken = await takeSpokenInterview(
      product.url,
      people.candidate.api.cookieHeader(),
      async (body) => {
        const res = await people.candidate.api.post('/api/interviews', body);
        if (res.status !== 201) throw new Error(`create failed: ${res.status}`);
        return res.body as { id: string };
      },
      // Sent about as fast as it is spoken: the product runs with its default limit (real time plus a burst).
      { questionIds: QUESTIONS, answers: ANSWERS, speed: 1.2 },
    );
    id = taken.id;
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await db?.drop();
  });

  it('plays the session in sync with the transcript, shows scores and highlighted rubric points', async () => {
    const { context, page } = await pageAs('candidate');
    await page.goto(`${product.url}/interviews/${id}`);
    await page.getByTestId('waveform').waitFor();
    expect(await page.getByTestId('question-result').count()).toBe(2);

    // Clicking a line of the candidate's moves the audio there, and that line is the one highlighted.
    const line = page.locator('[data-testid="review-line"][data-speaker="candidate"]').nth(1);
    const startMs = Number(await line.getAttribute('data-start-ms'));
    expect(startMs).toBeGreaterThan(0);
    await line.click();
    await eventually(
      () => page.getByTestId('player').getAttribute('data-position-ms'),
      (position) => expect(Math.abs(Number(position) - startMs)).toBeLessThan(500),
    );
    await eventually(
      () => line.getAttribute('aria-current'),
      (current) => expect(current).toBe('true'),
    );
    // Selecting the line plays the recording from there: the audio loaded, is not paused, and its time moves on.
    const audioState = () =>
      page.getByTestId('review-audio').evaluate((element) => {
        const audio = element as unknown as {
          currentTime: number;
          paused: boolean;
          error: unknown;
          readyState: number;
        };
        return {
          timeMs: audio.currentTime * 1000,
          paused: audio.paused,
          error: audio.error !== null,
          readyState: audio.readyState,
        };
      });
    await eventually(audioState, (state) => {
      expect(state.error).toBe(false);
      expect(state.paused).toBe(false);
      expect(state.timeMs).toBeGreaterThan(startMs + 300);
    });
    expect(await page.getByTestId('player').getByRole('alert').count()).toBe(0);

    // "Play this answer" on a question card and "Hear it" on a covered point play the recording from there.
    for (const name of ['Play this answer', 'Hear it']) {
      const end = await page.getByTestId('review-audio').evaluate((element) => {
        const audio = element as unknown as { pause(): void; currentTime: number; duration: number };
        audio.pause();
        audio.currentTime = Math.max(0, audio.duration - 0.5);
        return audio.currentTime * 1000;
      });
      await page.getByRole('button', { name, exact: true }).first().click();
      await eventually(audioState, (state) => {
        expect(state.error).toBe(false);
        expect(state.paused).toBe(false);
        expect(state.timeMs).toBeLessThan(end - 1000);
      });
    }

    // A later line, then the player's own slider: the audio follows.
    const interviewerLine = page.locator('[data-testid="review-line"][data-speaker="interviewer"]').nth(1);
    const interviewerStart = Number(await interviewerLine.getAttribute('data-start-ms'));
    await interviewerLine.click();
    await eventually(
      () => page.getByTestId('player').getAttribute('data-position-ms'),
      (position) => expect(Math.abs(Number(position) - interviewerStart)).toBeLessThan(500),
    );

    // The recording itself, as the player and "Download the recording" fetch it: whole, and by range for seeking.
    const whole = await page.request.get(`${product.url}/api/interviews/${id}/audio`);
    expect(whole.status()).toBe(200);
    expect(whole.headers()['content-type']).toBe('audio/wav');
    const body = await whole.body();
    expect(body.subarray(0, 4).toString('latin1')).toBe('RIFF');
    const part = await page.request.get(`${product.url}/api/interviews/${id}/audio`, {
      headers: { Range: 'bytes=44-1043' },
    });
    expect(part.status()).toBe(206);
    expect((await part.body()).length).toBe(1000);
    // The interviewer's voice of each prompt ("Hear it" on a question), also from the default media folder.
    const review = (await (await page.request.get(`${product.url}/api/interviews/${id}/review`)).json()) as {
      questions: { prompts: { audioUrl: string | null }[] }[];
    };
    const promptUrl = review.questions.flatMap((q) => q.prompts).find((p) => p.audioUrl)?.audioUrl;
    expect(promptUrl).toBeTruthy();
    const voice = await page.request.get(`${product.url}${promptUrl}`);
    expect(voice.status()).toBe(200);
    expect((await voice.body()).subarray(0, 4).toString('latin1')).toBe('RIFF');

    // What the numbers mean, next to them.
    expect(await page.getByTestId('score-band').textContent()).toMatch(
      /7\.5–10 strong · 3\.5–6\.5 partial · under 3\.5 vague or off-topic/,
    );
    expect(await page.getByTestId('question-band').first().textContent()).toMatch(/^(strong|good|partial|weak)$/);
    // The summary says what to work on and what to practise next; each answer says how it ended.
    const insights = (await page.getByTestId('insights').textContent()) ?? '';
    expect(insights).toMatch(/What to work on/);
    expect(insights).toMatch(/Practise next/);
    expect(await page.getByTestId('insights').locator('.bullets--warning li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('insights').locator('.review-practise__link').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('answer-ending').first().textContent()).toMatch(
      /^ended (?:after \d+\.\d s of silence|by)/,
    );

    // Scores and rubric points, with the covered ones marked in the transcript.
    const firstCard = page.getByTestId('question-result').first();
    expect(await firstCard.textContent()).toMatch(/Relevance[\s\S]*Depth[\s\S]*Clarity[\s\S]*Correctness/);
    expect(await firstCard.getByTestId('rubric-covered').count()).toBeGreaterThan(0);
    expect(await firstCard.getByTestId('rubric-missed').count()).toBeGreaterThan(0);
    const marks = page.locator('[data-testid="review-line"] mark[data-point-id]');
    expect(await marks.count()).toBeGreaterThan(0);
    const markedText = (await marks.allTextContents()).join(' ');
    expect(markedText).toMatch(/bcrypt|password|cookie|session/);
    await context.close();
  });

  it('exports the review as Markdown and as PDF', async () => {
    const { context, page } = await pageAs('candidate');
    await page.goto(`${product.url}/interviews/${id}`);
    const [markdown] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export Markdown' }).click(),
    ]);
    expect(markdown.suggestedFilename()).toMatch(/^mockroom-review-.*\.md$/);
    const md = readFileSync((await markdown.path())!, 'utf8');
    expect(md).toContain('Walk through how authentication and sessions work end to end');
    expect(md).toMatch(/\| *Relevance *\|/);
    expect(md).toMatch(/- \[x\] /);
    expect(md).not.toContain('Nothing noted');
    expect(md).toMatch(
      /\*\*Overall score:\*\* \d+\.\d \/ 10 — .*\(7\.5-10 strong, 3\.5-6\.5 partial, under 3\.5 vague or off-topic\)/,
    );

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^mockroom-review-.*\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', (await pdf.path())!, '-'], { encoding: 'utf8' });
    expect(text).toContain('Casey Candidate');
    expect(text).toMatch(/authentication and sessions/);
    expect(text).toMatch(/REST and GraphQL/);
    expect(text).toMatch(/Page 1 of \d+/);
    await context.close();
  });

  it('is shared with one interviewer; anyone else gets 403 and the page says so', async () => {
    const { context, page } = await pageAs('candidate');
    await page.goto(`${product.url}/interviews/${id}`);
    await page.getByLabel("Interviewer's e-mail").fill(people.mentor.email);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await eventually(
      () => page.getByTestId('share').filter({ hasText: people.mentor.email }).count(),
      (n) => expect(n).toBe(1),
    );

    const mentor = await pageAs('mentor');
    await mentor.page.goto(`${product.url}/interviews/${id}`);
    await mentor.page.getByTestId('waveform').waitFor();
    expect(await mentor.page.getByText(/Shared with you by Casey Candidate/).count()).toBeGreaterThan(0);
    expect(await mentor.page.getByRole('button', { name: 'Delete interview' }).count()).toBe(0);
    expect(await mentor.page.getByLabel("Interviewer's e-mail").count()).toBe(0);
    // Only the candidate corrects their transcript.
    expect(await mentor.page.getByTestId('correct-line').count()).toBe(0);

    const outsider = await pageAs('outsider');
    const api = await outsider.page.request.get(`${product.url}/api/interviews/${id}/review`);
    expect(api.status()).toBe(403);
    await outsider.page.goto(`${product.url}/interviews/${id}`);
    await outsider.page.getByRole('heading', { name: "You can't open this interview" }).waitFor();

    // Revoked: the mentor is shut out too.
    await page.getByRole('button', { name: /Revoke/ }).click();
    await eventually(
      () => page.getByTestId('share').count(),
      (n) => expect(n).toBe(0),
    );
    await page.getByText(`${people.mentor.email} can no longer open this interview.`).waitFor();
    expect((await mentor.page.request.get(`${product.url}/api/interviews/${id}/review`)).status()).toBe(403);
    await mentor.page.reload();
    await mentor.page.getByRole('heading', { name: "You can't open this interview" }).waitFor();
    await Promise.all([context.close(), mentor.context.close(), outsider.context.close()]);
  });

  it('lets the candidate correct a misheard line: the answer is scored again, the change is shown, what was heard is kept', async () => {
    const { context, page } = await pageAs('candidate');
    await page.goto(`${product.url}/interviews/${id}`);
    await page.getByTestId('waveform').waitFor();
    const review = (await (await page.request.get(`${product.url}/api/interviews/${id}/review`)).json()) as {
      transcript: { seq: number; speaker: string; text: string; questionIndex: number | null }[];
      questions: { scores: { overall: number } | null }[];
    };
    const line = review.transcript.find((l) => l.speaker === 'candidate' && l.questionIndex === 1)!;
    const corrected =
      'REST exposes resources at fixed endpoints and uses HTTP caching well. GraphQL has a single endpoint and a schema, and the client asks for exactly the fields it needs, ' +
      'which avoids over fetching and under fetching. The trade off is that caching and rate limiting are harder with GraphQL.';
    const row = page
      .getByTestId('review-transcript')
      .locator('li', { has: page.locator(`[data-testid="review-line"][data-seq="${line.seq}"]`) });
    await row.getByTestId('correct-line').click();
    const form = page.getByTestId('line-correction');
    expect(await form.getByRole('textbox').inputValue()).toBe(line.text);
    await form.getByRole('textbox').fill(corrected);
    await form.getByRole('button', { name: 'Save correction' }).click();
    // The new scores, from what to what, next to the line; the line reads as corrected and keeps what was heard.
    const outcome = page.getByTestId('correction-result');
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.textContent()).toMatch(/^Overall \d+\.\d → \d+\.\d.* after your correction\.$/);
    expect(await page.locator(`[data-testid="review-line"][data-seq="${line.seq}"]`).textContent()).toContain(
      'rate limiting are harder',
    );
    expect(await page.getByTestId('heard-as').textContent()).toContain(line.text);
    // Kept: a reload shows the same.
    await page.reload();
    await page.getByTestId('heard-as').waitFor();
    expect(await page.locator(`[data-testid="review-line"][data-seq="${line.seq}"]`).textContent()).toContain(
      'rate limiting are harder',
    );
    await context.close();
  }, 90_000);

  it('charts progress and filters the history', async () => {
    const { context, page } = await pageAs('candidate');
    await page.goto(`${product.url}/progress`);
    await page.getByTestId('progress-chart').waitFor();
    expect(await page.getByTestId('category-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('progress-chart').getAttribute('aria-label')).toMatch(/1 session/);

    // Two interviews on one day are told apart: dates come with their time.
    expect(await page.locator('.progress-table__date').first().textContent()).toMatch(/\d{1,2}:\d{2}\s?(?:AM|PM)/);

    await page.goto(`${product.url}/interviews`);
    await eventually(
      () => page.getByTestId('interview-row').count(),
      (n) => expect(n).toBe(1),
    );
    expect(await page.getByTestId('interview-row').first().locator('time').textContent()).toMatch(
      /\d{1,2}:\d{2}\s?(?:AM|PM)/,
    );
    await page.getByLabel('To').fill('2001-01-01');
    await page.getByText('No interviews match these filters').waitFor();
    expect(page.url()).toContain('to=2001-01-01');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await eventually(
      () => page.getByTestId('interview-row').count(),
      (n) => expect(n).toBe(1),
    );

    // The mentor it was shared with (and revoked) no longer sees it in their list.
    const mentor = await pageAs('mentor');
    await mentor.page.goto(`${product.url}/interviews`);
    await mentor.page.getByText('No interviews yet').waitFor();
    await Promise.all([context.close(), mentor.context.close()]);
  });

  it('deletes the interview with its recording and transcript', async () => {
    const { context, page } = await pageAs('candidate');
    await page.goto(`${product.url}/interviews/${id}`);
    await page.getByRole('button', { name: 'Delete interview' }).click();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await page.waitForURL(`${product.url}/interviews`);
    await page.getByText(/was deleted, with its recording, transcript and scores/).waitFor();
    expect(await page.getByTestId('interview-row').count()).toBe(0);
    expect((await page.request.get(`${product.url}/api/interviews/${id}/review`)).status()).toBe(404);
    expect((await page.request.get(`${product.url}/api/interviews/${id}/audio`)).status()).toBe(404);
    await context.close();
  });
});
