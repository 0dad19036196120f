import {
  concatPcm,
  createTestDatabase,
  silence,
  speakSentences,
  TestDatabase,
  uniqueEmail,
} from '@mockroom/server-testing';
import { QuestionBank } from '@mockroom/question-bank';
import { encodeWav } from '@mockroom/speech';
import { TokenVerifier } from 'livekit-server-sdk';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchWithMic } from './support/chromium';
import { eventually } from './support/eventually';
import { RunningProduct, startProduct, tempDir } from './support/product';

/**
 * With LiveKit configured, the browser joins the interview's room with a token from our API, and the media agent is
 * sent there too. No LiveKit server can run here, so a local endpoint stands in for one at its edge: it answers the
 * server API, takes note of every signalling connection (path and token) and refuses it, as an unreachable or broken
 * LiveKit would. The interview must carry on over the built-in transport, say so on screen, and still hear the
 * candidate; the tokens the browser and the agent presented must carry the grants of their roles for this room only.
 */
const API_KEY = 'APIe2eL1veK1tF4llback';
const API_SECRET = 'an-e2e-livekit-secret-that-is-long-enough-0123456789';
const QUESTION = 'rest-vs-graphql';

interface Attempt {
  path: string;
  token: string;
  origin: string | undefined;
}

/** Browsers put the token in the query; LiveKit's native SDK (the agent's) sends it as a bearer token. */
function tokenOf(req: IncomingMessage): string {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams.get('access_token');
  return query ?? req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
}

describe('LiveKit configured but unreachable: the browser falls back to the built-in transport', () => {
  let db: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  let livekit: Server;
  const attempts: Attempt[] = [];
  const twirp: string[] = [];
  let answer: string;

  beforeAll(async () => {
    livekit = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (path.startsWith('/twirp/')) {
        twirp.push(path);
        let raw = '';
        req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        req.on('end', () => {
          const body = raw ? (JSON.parse(raw) as { name?: string }) : {};
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              sid: 'RM_e2e',
              name: body.name ?? '',
              empty_timeout: 300,
              max_participants: 1,
              creation_time: '1718000000',
            }),
          );
        });
        return;
      }
      // The client asks here why its connection was refused.
      res.writeHead(503, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
      res.end('media server unavailable');
    });
    livekit.on('upgrade', (req, socket) => {
      attempts.push({ path: (req.url ?? '').split('?')[0], token: tokenOf(req), origin: req.headers.origin });
      socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    await new Promise<void>((resolve) => livekit.listen(0, '127.0.0.1', resolve));
    const { port } = livekit.address() as AddressInfo;

    const bank = QuestionBank.load();
    answer = bank
      .get(QUESTION)!
      .sampleAnswer!.split(/(?<=[.!?])\s+/)
      .slice(0, 2)
      .join(' ');
    const wavPath = join(tempDir('lk-mic'), 'answer.wav');
    writeFileSync(wavPath, encodeWav(concatPcm(silence(5000), speakSentences(answer), silence(20_000)), 16_000));

    db = await createTestDatabase('e2e_livekit');
    product = await startProduct({
      DATABASE_URL: db.url,
      MOCKROOM_DATA_DIR: tempDir('livekit'),
      LIVEKIT_URL: `ws://127.0.0.1:${port}`,
      LIVEKIT_API_KEY: API_KEY,
      LIVEKIT_API_SECRET: API_SECRET,
    });
    browser = await launchWithMic(wavPath);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await db?.drop();
    await new Promise((resolve) => livekit?.close(resolve));
  });

  it('asks for a token, tries the room, then carries on over the socket and says so', async () => {
    await page.goto(`${product.url}/sign-up`);
    await page.fill('input[name="displayName"]', 'Lia Fallback');
    await page.fill('input[name="email"]', uniqueEmail('livekit'));
    await page.fill('input[name="password"]', 'a long fallback password');
    await page.click('button:has-text("Create account")');
    await page.getByTestId('current-user').waitFor();
    const { id, userId } = await page.evaluate(
      async (questionIds) => {
        const session = await (await fetch('/api/auth/session')).json();
        const res = await fetch('/api/interviews', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ questionIds, maxFollowUps: 0, answerSilenceMs: 3000, voice: 'server' }),
        });
        return { id: (await res.json()).id as string, userId: session.user.id as string };
      },
      [QUESTION],
    );

    const tokenRequests: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith(`/api/interviews/${id}/livekit`)) tokenRequests.push(response.status());
    });
    await page.goto(`${product.url}/interviews/${id}`);
    await page.getByRole('button', { name: 'Start interview' }).click();

    // The browser got a token from us and presented it to LiveKit's signalling endpoint.
    await eventually(
      async () => tokenRequests,
      (statuses) => expect(statuses).toContain(201),
    );
    const fromBrowser = await eventually(
      async () => attempts.filter((a) => a.origin === product.url),
      (list) => expect(list.length).toBeGreaterThan(0),
    );
    expect(fromBrowser[0].path).toMatch(/^\/rtc(\/v1)?$/);
    const claims = await new TokenVerifier(API_KEY, API_SECRET).verify(fromBrowser[0].token);
    expect(claims.sub).toBe(userId);
    expect(claims.video).toMatchObject({
      room: `mockroom-${id}`,
      roomJoin: true,
      canPublish: true,
      canSubscribe: true,
      canPublishData: false,
    });
    expect(claims.video?.roomAdmin).toBeFalsy();
    expect(claims.video?.roomRecord).toBeFalsy();
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(600);
    expect(twirp).toContain('/twirp/livekit.RoomService/CreateRoom');

    // The page says the room could not be used, and the audio goes over the built-in transport.
    const transport = page.getByTestId('audio-transport');
    await eventually(
      () => transport.getAttribute('data-room'),
      (room) => expect(room).toBe('failed'),
    );
    expect(await transport.getAttribute('data-via')).toBe('built-in');
    expect(await transport.textContent()).toMatch(/Audio: built-in \(LiveKit unavailable/);
    await eventually(
      () =>
        page.evaluate(
          () => (window as unknown as { __mockroomAudio?: { framesSent: number } }).__mockroomAudio?.framesSent ?? 0,
        ),
      (n) => expect(n).toBeGreaterThan(100),
    );

    // The candidate is heard all the same: the answer is transcribed and the interview completes.
    const candidateSegments = page.locator('[data-testid="segment"][data-speaker="candidate"]');
    await eventually(
      () => candidateSegments.count(),
      (n) => expect(n).toBeGreaterThan(0),
      60_000,
    );
    await page.getByTestId('interview-summary').waitFor({ timeout: 90_000 });

    // The media agent was sent to the room as well, with the agent's grants for this room.
    const fromAgent = await eventually(
      async () => {
        const tokens = await Promise.all(
          attempts
            .filter((a) => a.origin !== product.url)
            .map((a) => new TokenVerifier(API_KEY, API_SECRET).verify(a.token)),
        );
        return tokens.filter((t) => t.video?.room === `mockroom-${id}`);
      },
      (list) => expect(list.length).toBeGreaterThan(0),
      30_000,
    );
    expect(fromAgent[0].sub).toBe(`agent-${id}`);
    expect(fromAgent[0].kind).toBe('agent');
    expect(fromAgent[0].video?.roomAdmin).toBeFalsy();
  }, 240_000);
});
