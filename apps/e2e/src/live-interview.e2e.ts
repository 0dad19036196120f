import {
  concatPcm,
  createTestDatabase,
  silence,
  speakSentences,
  splitSentences,
  TestDatabase,
  uniqueEmail,
} from '@mockroom/server-testing';
import { QuestionBank } from '@mockroom/question-bank';
import { encodeWav, wordErrorRate } from '@mockroom/speech';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { launchWithMic } from './support/chromium';
import { eventually } from './support/eventually';
import { RunningProduct, startProduct, tempDir } from './support/product';

/**
 * A spoken AI interview in Chromium. The fake microphone plays answers that flite speaks from the seeds' sample
 * answers (made at test time); PocketSphinx transcribes them in the worker; the interviewer moves on by itself.
 */
const QUESTIONS = ['authentication-sessions-end-to-end', 'optimistic-ui-updates-rollback'];
/** Word error rate the offline engine must stay under on flite speech (it measures about 0.3–0.45 here). */
const WER_BOUND = 0.6;

function firstSentences(text: string, count: number): string {
  return splitSentences(text).slice(0, count).join(' ');
}

describe('a live AI interview in the browser', () => {
  let db: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  let answers: string[];

  beforeAll(async () => {
    const bank = QuestionBank.load();
    answers = QUESTIONS.map((id) => firstSentences(bank.get(id)!.sampleAnswer!, 3));
    // 4 s of silence first (the microphone opens before the interview starts), then each answer and a pause
    // longer than the 3 s that end an answer, then silence to spare.
    const audio = concatPcm(
      silence(4000),
      speakSentences(answers[0]),
      silence(7000),
      speakSentences(answers[1]),
      silence(12_000),
    );
    const dir = tempDir('mic');
    const wavPath = join(dir, 'answers.wav');
    writeFileSync(wavPath, encodeWav(audio, 16_000));

    db = await createTestDatabase('e2e_live');
    product = await startProduct({ DATABASE_URL: db.url, MOCKROOM_DATA_DIR: tempDir('live') });
    browser = await launchWithMic(wavPath);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await db?.drop();
  });

  async function signUp(target: Page, name: string): Promise<void> {
    await target.goto(`${product.url}/sign-up`);
    await target.fill('input[name="displayName"]', name);
    await target.fill('input[name="email"]', uniqueEmail('voice'));
    await target.fill('input[name="password"]', 'a long voice password');
    await target.click('button:has-text("Create account")');
    await target.getByTestId('current-user').waitFor();
  }

  it('hears the answers, streams the transcript, moves on, and completes with a summary', async () => {
    await signUp(page, 'Vera Voice');

    // Create the interview through the API the page itself uses (the form is covered elsewhere).
    const id = await page.evaluate(async (questionIds) => {
      const session = await (await fetch('/api/auth/session')).json();
      const res = await fetch('/api/interviews', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ questionIds, maxFollowUps: 0, answerSilenceMs: 3000, voice: 'server' }),
      });
      return (await res.json()).id as string;
    }, QUESTIONS);

    // Without LiveKit configured, the room learns it from the interview and never asks for a room token (a 409 in the
    // browser's console on every load, before).
    const livekitRequests: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => {
      if (/\/livekit(?:$|\?)/.test(new URL(request.url()).pathname)) livekitRequests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${product.url}/interviews/${id}`);
    await page.getByRole('button', { name: 'Start interview' }).click();
    // A greeting and the plan first, then the question.
    await eventually(
      () => page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).toMatch(/authentication and sessions/),
    );
    expect(await page.getByTestId('prompt-lead').textContent()).toMatch(
      /^Hi, and thanks for joining\. We'll go through two questions/,
    );
    expect(await page.getByTestId('engines').textContent()).toMatch(/PocketSphinx/);

    // The microphone is live and sending frames.
    await eventually(
      () =>
        page.evaluate(
          () => (window as unknown as { __mockroomAudio?: { framesSent: number } }).__mockroomAudio?.framesSent ?? 0,
        ),
      (n) => expect(n).toBeGreaterThan(50),
    );

    // Words appear while the candidate is still speaking (the recogniser's words so far), before each segment's final text.
    await page
      .locator('[data-testid="segment-partial"][data-speaker="candidate"]')
      .first()
      .waitFor({ timeout: 30_000 });
    const candidateSegments = page.locator('[data-testid="segment"][data-speaker="candidate"]');
    await eventually(
      () => candidateSegments.count(),
      (n) => expect(n).toBeGreaterThan(0),
      60_000,
    );
    expect(await page.getByTestId('turn-phase').getAttribute('data-phase')).toMatch(/listening|prompting/);
    // The phase reads as words for people, not the state's name.
    expect(await page.getByTestId('turn-phase').textContent()).toMatch(
      /^(Your turn: answer out loud|The interviewer is asking)$/,
    );

    // The long silence ends the answer; the interviewer asks the next question. (It may begin it at a breath between two
    // sentences and take it back when the candidate goes on: the first answer's words are read from what was stored for
    // it, below, not from where the prompts fell on the screen.)
    await eventually(
      () => page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).toMatch(/optimistic UI/i),
      90_000,
    );

    // The second answer, then the interviewer's closing line, heard before the review opens.
    await eventually(
      () => page.getByTestId('prompt-text').textContent(),
      (text) => expect(text).toMatch(/That's all the questions I have/),
      120_000,
    );
    expect(await page.getByTestId('interview-summary').count()).toBe(0);
    await page.getByTestId('interview-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('question-result').count()).toBe(2);
    expect(livekitRequests).toEqual([]);
    expect(consoleErrors.filter((text) => /409|livekit|Failed to load resource/i.test(text))).toEqual([]);
    await page.goto(`${product.url}/interviews`);
    await eventually(
      () => page.getByTestId('interview-row').count(),
      (n) => expect(n).toBe(1),
    );

    // Stored: transcript segments (one per seq) and the candidate's recording.
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const segments = (
        await client.query(`SELECT seq, speaker FROM transcript_segments WHERE interview_id = $1`, [id])
      ).rows;
      expect(segments.filter((s) => s.speaker === 'candidate').length).toBeGreaterThanOrEqual(2);
      // The first answer, as heard: every candidate segment stored with the first question's answers.
      const firstAnswer = (
        await client.query(
          `SELECT s.text FROM transcript_segments s JOIN interview_answers a ON a.id = s.answer_id
           WHERE a.interview_id = $1 AND a.question_index = 0 AND s.speaker = 'candidate' ORDER BY s.seq`,
          [id],
        )
      ).rows.map((r) => r.text as string);
      const { wer } = wordErrorRate(answers[0], firstAnswer.join(' '));
      console.log(`live interview: first answer word error rate ${wer.toFixed(2)} (bound ${WER_BOUND})`);
      expect(wer).toBeLessThan(WER_BOUND);
      const recordings = (
        await client.query(`SELECT duration_ms FROM recordings WHERE interview_id = $1 AND speaker = 'candidate'`, [id])
      ).rows;
      expect(recordings.length).toBeGreaterThanOrEqual(1);
      expect(recordings.reduce((sum, r) => sum + r.duration_ms, 0)).toBeGreaterThan(20_000);
      const prompts = (
        await client.query(
          `SELECT count(*)::int AS n FROM interview_prompts WHERE interview_id = $1 AND audio_path IS NOT NULL`,
          [id],
        )
      ).rows[0];
      expect(prompts.n).toBeGreaterThanOrEqual(2);
    } finally {
      await client.end();
    }
  }, 240_000);

  it('starts from the form, survives a reload at the same question with the transcript so far, and moves on at "I\'m done"', async () => {
    const second = await browser.newPage();
    try {
      await signUp(second, 'Rita Reload');
      // The form: a custom plan of two questions, an answer that only ends when the candidate says so.
      await second.goto(`${product.url}/interviews/new`);
      await second.getByLabel('Number of questions').fill('2');
      await second.getByLabel('Follow-ups per question').fill('0');
      await second.getByLabel('Seconds of silence that end an answer').fill('15');
      await second.getByRole('button', { name: 'Skip mic check' }).click();
      await second.getByRole('button', { name: 'Create interview' }).click();
      await second.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
      await second.getByRole('button', { name: 'Start interview' }).click();
      const firstQuestion = await eventually(
        () => second.getByTestId('prompt-text').textContent(),
        (text) => expect(text?.length).toBeGreaterThan(10),
      );

      // The candidate has said something; then the page is reloaded.
      const candidateText = second.locator(
        '[data-testid="segment"][data-speaker="candidate"] [data-testid="segment-text"]',
      );
      await eventually(
        () => candidateText.count(),
        (n) => expect(n).toBeGreaterThan(0),
        60_000,
      );
      const saidBefore = (await candidateText.first().textContent())!.trim();
      expect(saidBefore.length).toBeGreaterThan(0);
      await second.reload();

      // Same interview, same question, the transcript so far, no second start.
      await eventually(
        () => second.getByTestId('prompt-text').textContent(),
        (text) => expect(text).toBe(firstQuestion),
      );
      await eventually(
        () => candidateText.first().textContent(),
        (text) => expect(text?.trim()).toBe(saidBefore),
      );
      expect(await second.getByRole('button', { name: 'Start interview' }).count()).toBe(0);
      await eventually(
        () => second.getByTestId('turn-phase').getAttribute('data-phase'),
        (phase) => expect(phase).toBe('listening'),
        30_000,
      );

      // "I'm done" ends the answer at once (the 15 s of silence never come): the next question.
      await second.getByRole('button', { name: "I'm done" }).click();
      await eventually(
        () => second.getByTestId('prompt-text').textContent(),
        (text) => expect(text).not.toBe(firstQuestion),
        30_000,
      );

      // Ending early goes to the summary.
      await second.getByRole('button', { name: 'End interview' }).click();
      await second.getByRole('button', { name: 'End now' }).click();
      await second.getByTestId('interview-summary').waitFor({ timeout: 60_000 });
    } finally {
      await second.close();
    }
  }, 240_000);
});
