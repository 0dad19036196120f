/**
 * Retakes the README's screenshots from the running product: a live interview with words on screen while the
 * candidate speaks, its review, the question bank and a question's page, and a coding round after a run. Chromium's fake microphone plays flite
 * speech, so the pages show what a real interview shows.
 *
 *   npm run screenshots            (writes docs/images/*.png)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@mockroom/server-config';
import { encodeWav, wavToPcm16k } from '@mockroom/speech';
import { chromium, type Page } from 'playwright-core';
import { startStack } from './support/stack';

const CHROMIUM = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].find((p) => p && existsSync(p));
const VIEWPORT = { width: 1280, height: 860 };
const QUESTIONS = ['authentication-sessions-end-to-end', 'rest-vs-graphql'];
const ANSWERS = [
  'Authentication starts with the user sending their email and password over HTTPS. The server hashes the password with bcrypt and compares it to the stored hash. ' +
    'Then it creates a session in Redis and sets the session id in an HTTP only, secure cookie. On every request the middleware reads the cookie and looks up the session.',
  'REST exposes resources at fixed endpoints and works well with HTTP caching. GraphQL has a single endpoint where the client asks for exactly the fields it needs. ' +
    'I would choose GraphQL when many clients need different shapes of the same data, and REST for simple, cacheable public APIs.',
];

/** Two heaps, as a candidate would write it in the editor (the shot shows its run against the examples). */
const CODING_ANSWER = `// Lower half in a max-heap, upper half in a min-heap; sizes differ by at most one.
class MedianFinder {
  constructor() {
    this.low = [];  // max-heap, as negated values
    this.high = []; // min-heap
  }

  add(num) {
    if (this.low.length === 0 || num <= -this.low[0]) push(this.low, -num);
    else push(this.high, num);
    if (this.low.length > this.high.length + 1) push(this.high, -pop(this.low));
    else if (this.high.length > this.low.length) push(this.low, -pop(this.high));
  }

  median() {
    if (this.low.length > this.high.length) return -this.low[0];
    return (-this.low[0] + this.high[0]) / 2;
  }
}

function push(heap, value) {
  heap.push(value);
  for (let i = heap.length - 1; i > 0; ) {
    const parent = (i - 1) >> 1;
    if (heap[parent] <= heap[i]) break;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
}

function pop(heap) {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0) {
    heap[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < heap.length && heap[l] < heap[m]) m = l;
      if (r < heap.length && heap[r] < heap[m]) m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i], heap[m]];
      i = m;
    }
  }
  return top;
}`;

function spoken(text: string, dir: string, name: string): Int16Array {
  const file = join(dir, `${name}.wav`);
  const run = spawnSync('flite', ['-voice', 'kal16', '-t', text, '-o', file]);
  if (run.status !== 0) throw new Error(`flite failed: ${run.stderr}`);
  return wavToPcm16k(readFileSync(file));
}

function silence(ms: number): Int16Array {
  return new Int16Array(16 * ms);
}

function join16(parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function shoot(page: Page, name: string, root: string): Promise<void> {
  const path = join(root, 'docs/images', `${name}.png`);
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
}

async function main(): Promise<void> {
  if (!CHROMIUM) throw new Error('Chromium is not installed (apt-get install chromium)');
  const root = repoRoot(__dirname);
  const webRoot = join(root, 'apps/web/dist');
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error('Build the web client first (npm run build).');
  const dir = await mkdtemp(join(tmpdir(), 'mockroom-screens-'));
  // The microphone: silence while the question is read, each answer, a pause that ends it.
  const mic = join(dir, 'mic.wav');
  writeFileSync(
    mic,
    encodeWav(
      join16([
        silence(9000),
        spoken(ANSWERS[0], dir, 'a1'),
        silence(6000),
        spoken(ANSWERS[1], dir, 'a2'),
        silence(30_000),
      ]),
      16_000,
    ),
  );

  const stack = await startStack({ worker: true, env: { MOCKROOM_WEB_ROOT: webRoot } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${mic}%noloop`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await page.goto(`${stack.baseUrl}/sign-up`);
    await page.fill('input[name="displayName"]', 'Alex Rivera');
    await page.fill('input[name="email"]', `alex.${Date.now()}@example.com`);
    await page.fill('input[name="password"]', 'a long screenshot password');
    await page.click('button:has-text("Create account")');
    await page.getByTestId('current-user').waitFor();

    // The bank and a question's page.
    await page.goto(`${stack.baseUrl}/questions`);
    await page
      .getByTestId('question-card')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => undefined);
    await shoot(page, 'question-bank', root);
    await page.goto(`${stack.baseUrl}/questions/${QUESTIONS[0]}`);
    await page.getByRole('link', { name: 'Practise this question' }).waitFor({ timeout: 30_000 });
    await shoot(page, 'question', root);

    // A live interview, caught while the candidate is speaking: final lines and the words being recognised.
    const id = await page.evaluate(async (questionIds) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch('/api/interviews', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ questionIds, maxFollowUps: 0, voice: 'server' }),
      });
      return ((await res.json()) as { id: string }).id;
    }, QUESTIONS);
    await page.goto(`${stack.baseUrl}/interviews/${id}`);
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.locator('[data-testid="segment"][data-speaker="candidate"]').first().waitFor({ timeout: 90_000 });
    await page
      .locator('[data-testid="segment-partial"][data-speaker="candidate"]')
      .first()
      .waitFor({ timeout: 30_000 });
    await shoot(page, 'live-interview', root);

    // The review once the interview is over.
    await page.getByTestId('interview-summary').waitFor({ timeout: 240_000 });
    await page.getByTestId('waveform').waitFor({ timeout: 60_000 });
    await page
      .getByTestId('question-result')
      .first()
      .getByTestId('rubric-covered')
      .first()
      .waitFor({ timeout: 60_000 });
    // The recording and the transcript under it, with the first question's card beside them.
    await page
      .getByTestId('waveform')
      .evaluate((element) =>
        (element as unknown as { scrollIntoView(options: unknown): void }).scrollIntoView({ block: 'start' }),
      );
    await page.evaluate(() => (globalThis as unknown as { scrollBy(x: number, y: number): void }).scrollBy(0, -90));
    await shoot(page, 'review', root);

    // A coding round: the editor beside the conversation, after a run against the examples.
    const coding = await page.evaluate(async () => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch('/api/interviews', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          questionIds: ['streaming-median-two-heaps'],
          maxFollowUps: 0,
          answerSilenceMs: 30_000,
          voice: 'browser',
        }),
      });
      return ((await res.json()) as { id: string }).id;
    });
    await page.goto(`${stack.baseUrl}/interviews/${coding}`);
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.getByTestId('code-panel').waitFor({ timeout: 60_000 });
    await page.getByTestId('code-editor').locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(CODING_ANSWER);
    await page.getByTestId('code-run').click();
    await page.locator('[data-testid="code-result"][data-status="done"]').waitFor({ timeout: 60_000 });
    // The run's results in view, under the end of the code.
    await page.getByTestId('code-result').scrollIntoViewIfNeeded();
    await shoot(page, 'coding-round', root);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
