/**
 * Review load time: a finished 30-minute session (12 questions with a follow-up each, both voices recorded, every answer
 * assessed) opened in Chromium from the product's own server, until the waveform, every transcript line and every
 * question card are on screen.
 *
 *   node tools/scripts/run-ts.mjs apps/bench/src/review.bench.ts [--minutes 30] [--runs 7]
 *
 * Prints:
 *  - the first visit (a new browser profile) once the audio is mixed, as the background job does when an interview ends;
 *  - the first visit before that job has run (the review mixes both voices into one file and measures the waveform);
 *  - later openings in the same tab, p50 and max;
 *  - the review API alone (GET /api/interviews/:id/review), first and later, with the size of its JSON;
 *  - the time to the first byte of audio when the player seeks near the end (a range request).
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '@mockroom/server-config';
import { chromium, type Page } from 'playwright-core';
import { HttpSession } from './support/candidate';
import { fillLongSession } from './support/long-session';
import { startStack } from './support/stack';
import { argNumber, ms, summarize, table } from './support/stats';

const CHROMIUM = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].find((p) => p && existsSync(p));

async function main(): Promise<void> {
  const minutes = argNumber('minutes', 30);
  const runs = argNumber('runs', 7);
  if (!CHROMIUM) throw new Error('Chromium is not installed (apt-get install chromium)');
  const root = repoRoot(__dirname);
  const webRoot = join(root, 'apps/web/dist');
  if (!existsSync(join(webRoot, 'index.html'))) {
    console.log('building the web client…');
    const built = spawnSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.mts'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('the web client did not build');
  }

  const stack = await startStack({ worker: false, env: { MOCKROOM_WEB_ROOT: webRoot } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const candidate = new HttpSession(stack.baseUrl);
    await candidate.signUp('review');
    const tracks = await candidate.request<{ id: string; questionIds: string[]; role: string }[]>('GET', '/api/tracks');
    const track = tracks.find((t) => t.questionIds.length >= 12) ?? tracks[0];
    const questionIds = [...track.questionIds, ...tracks.flatMap((t) => t.questionIds)]
      .filter((id, i, all) => all.indexOf(id) === i)
      .slice(0, 12);
    const interviewId = await candidate.createInterview({ questionIds, maxFollowUps: 1 });
    console.log(`making a ${minutes}-minute session (flite voices, rubric engine)…`);
    const session = await fillLongSession({
      databaseUrl: stack.databaseUrl,
      mediaDir: join(stack.dataDir, 'media'),
      interviewId,
      questionIds,
      minutes,
    });
    console.log(
      `session: ${(session.durationMs / 60_000).toFixed(1)} min of audio, ${session.lines} transcript lines, ${session.questions} questions`,
    );

    const cookies = candidate
      .cookieHeader()
      .split('; ')
      .map((pair) => ({
        name: pair.slice(0, pair.indexOf('=')),
        value: pair.slice(pair.indexOf('=') + 1),
        url: stack.baseUrl,
      }));
    const mixPath = join(stack.dataDir, 'media', interviewId, 'session.wav');
    const reviewApi = async () => {
      const started = performance.now();
      const res = await fetch(`${stack.baseUrl}/api/interviews/${interviewId}/review`, {
        headers: { cookie: candidate.cookieHeader() },
      });
      const body = await res.text();
      if (!res.ok) throw new Error(`review: ${res.status} ${body.slice(0, 200)}`);
      return { ms: performance.now() - started, bytes: Buffer.byteLength(body) };
    };

    /** Opens the review in a page until the waveform, every line and every card are on screen. */
    const open = async (page: Page): Promise<number> => {
      const started = performance.now();
      await page.goto(`${stack.baseUrl}/interviews/${interviewId}`);
      await page.waitForFunction(
        ({ lines, questions }) => {
          // Runs in the page; this file is compiled without the DOM's types.
          const doc = (
            globalThis as unknown as {
              document: {
                querySelectorAll(selector: string): { length: number };
                querySelector(selector: string): unknown;
              };
            }
          ).document;
          return (
            doc.querySelectorAll('[data-testid="review-line"]').length >= lines &&
            doc.querySelectorAll('[data-testid="question-result"]').length === questions &&
            doc.querySelector('[data-testid="waveform"]') !== null
          );
        },
        { lines: session.lines, questions: session.questions },
        { timeout: 60_000, polling: 'raf' },
      );
      return performance.now() - started;
    };
    /** A first visit: a new browser profile, nothing cached. */
    const firstVisit = async (): Promise<number> => {
      const context = await browser.newContext();
      await context.addCookies(cookies);
      try {
        return await open(await context.newPage());
      } finally {
        await context.close();
      }
    };

    // As after a real interview: the background job mixed the audio when it ended (the review API makes the same mix).
    await reviewApi();
    const first = await firstVisit();
    const context = await browser.newContext();
    await context.addCookies(cookies);
    const page = await context.newPage();
    await open(page);
    const later: number[] = [];
    for (let i = 0; i < runs; i++) later.push(await open(page));
    await context.close();
    // The worst case: opened before the background mix has run, so the review makes it.
    await rm(mixPath, { force: true });
    const unmixed = await firstVisit();

    // The API alone: the first request after the mix is removed makes it again.
    await rm(mixPath, { force: true });
    const apiFirst = await reviewApi();
    const apiLater: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs * 3; i++) {
      const r = await reviewApi();
      apiLater.push(r.ms);
      bytes = r.bytes;
    }
    const seeks: number[] = [];
    const fileBytes = 44 + Math.round((session.durationMs / 1000) * 32_000);
    for (let i = 0; i < runs; i++) {
      const from = Math.floor(fileBytes * (0.5 + i / (2 * runs))) & ~1;
      const started = performance.now();
      const res = await fetch(`${stack.baseUrl}/api/interviews/${interviewId}/audio`, {
        headers: { cookie: candidate.cookieHeader(), range: `bytes=${from}-` },
      });
      const reader = res.body!.getReader();
      await reader.read();
      seeks.push(performance.now() - started);
      await reader.cancel();
    }

    const laterSummary = summarize(later);
    const apiSummary = summarize(apiLater);
    const seekSummary = summarize(seeks);
    console.log(
      table(
        ['what', 'first', 'later p50', 'later max'],
        [
          [
            `review page in Chromium, first visit (${minutes} min session, until waveform + ${session.lines} lines + ${session.questions} cards)`,
            ms(first),
            ms(laterSummary.p50),
            ms(laterSummary.max),
          ],
          ['the same, opened before the background mix ran (the review makes it)', ms(unmixed), '', ''],
          [
            `GET /review (JSON ${(bytes / 1024).toFixed(0)} KiB; first = mixing ${minutes} min of audio)`,
            ms(apiFirst.ms),
            ms(apiSummary.p50),
            ms(apiSummary.max),
          ],
          ['audio seek: first byte of a range request', '', ms(seekSummary.p50), ms(seekSummary.max)],
        ],
      ),
    );
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(`bench: ${error.stack ?? error.message}`);
  process.exit(2);
});
