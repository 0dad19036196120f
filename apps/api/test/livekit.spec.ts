import type { HumanSession, LiveKitJoin } from '@mockroom/contracts';
import { signWebhookForTests } from '@mockroom/server-livekit';
import { TokenVerifier } from 'livekit-server-sdk';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * LiveKit as the transport, at its contract: the API mints room tokens behind our own authentication and creates the
 * room through LiveKit's server API (a local HTTP endpoint answers as LiveKit does), and signed webhooks change the
 * session's media state while tampered or unsigned ones are refused and change nothing.
 */
const API_KEY = 'APIm0ckr00mApiT3st';
const API_SECRET = 'an-api-test-livekit-secret-0123456789abcdef';

interface Call {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

describe('LiveKit transport (contract)', () => {
  let t: TestApp;
  let livekit: Server;
  const calls: Call[] = [];

  beforeAll(async () => {
    livekit = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        calls.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
        if (req.url === '/twirp/livekit.Egress/StartTrackCompositeEgress') {
          if (body.audioTrackId === 'TR_no_egress') {
            res.writeHead(503, { 'Content-Type': 'application/json' });
            res.end(JSON.stringify({ code: 'unavailable', msg: 'no egress workers available' }));
            return;
          }
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(
            JSON.stringify({
              egress_id: `EG_${String(body.audioTrackId)}`,
              room_name: body.roomName,
              status: 'EGRESS_STARTING',
            }),
          );
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            sid: 'RM_test',
            name: body.name,
            empty_timeout: body.empty_timeout ?? body.emptyTimeout ?? 300,
            max_participants: 2,
            creation_time: '1718000000',
          }),
        );
      });
    });
    await new Promise<void>((resolve) => livekit.listen(0, '127.0.0.1', resolve));
    const { port } = livekit.address() as AddressInfo;
    t = await startTestApp({
      LIVEKIT_URL: `ws://127.0.0.1:${port}`,
      LIVEKIT_API_KEY: API_KEY,
      LIVEKIT_API_SECRET: API_SECRET,
    });
  });

  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => livekit?.close(resolve));
  });

  async function account(name: string, role?: string) {
    const browser = new TestBrowser(t.baseUrl);
    expect(
      (await browser.signUp(uniqueEmail(name.toLowerCase().replace(/\W+/g, '-')), 'correct horse battery', name, role))
        .status,
    ).toBe(201);
    return browser;
  }

  async function humanSession() {
    const interviewer = await account('Lee Interviewer', 'interviewer');
    const candidate = await account('Kim Candidate');
    const session = (await interviewer.post('/api/sessions', { questionIds: ['rest-vs-graphql'] }))
      .body as HumanSession;
    await candidate.post(`/api/invitations/${session.invitePath!.split('/').pop()}/accept`);
    return { interviewer, candidate, id: session.interview.id };
  }

  it('gives each participant a short-lived token for this room only, with their role, after creating the room', async () => {
    const { interviewer, candidate, id } = await humanSession();
    const res = await candidate.post(`/api/interviews/${id}/livekit`);
    expect(res.status).toBe(201);
    const join = res.body as LiveKitJoin;
    expect(join).toMatchObject({ url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:/), room: `mockroom-${id}` });

    const claims = await new TokenVerifier(API_KEY, API_SECRET).verify(join.token);
    expect(claims.sub).toBe(join.identity);
    expect(claims.video).toMatchObject({
      room: `mockroom-${id}`,
      roomJoin: true,
      canSubscribe: true,
      canPublish: true,
      canPublishData: false,
    });
    expect(claims.video?.roomAdmin).toBeFalsy();
    expect(claims.video?.roomCreate).toBeFalsy();
    expect(claims.video?.roomRecord).toBeFalsy();
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(600);
    expect(JSON.stringify(claims)).toContain('candidate');

    const create = calls.find(
      (c) => c.path === '/twirp/livekit.RoomService/CreateRoom' && c.body.name === `mockroom-${id}`,
    );
    expect(create).toBeDefined();
    const admin = await new TokenVerifier(API_KEY, API_SECRET).verify(create!.authorization!.replace(/^Bearer /, ''));
    expect(admin.video?.roomCreate).toBe(true);

    const lead = (await interviewer.post(`/api/interviews/${id}/livekit`)).body as LiveKitJoin;
    expect(JSON.stringify(await new TokenVerifier(API_KEY, API_SECRET).verify(lead.token))).toContain('interviewer');

    const stranger = await account('Stranger');
    expect((await stranger.post(`/api/interviews/${id}/livekit`)).status).toBe(403);
    expect((await candidate.post(`/api/interviews/${id}/livekit`, undefined, { csrf: false })).status).toBe(403);
  });

  async function postWebhook(body: string, authorization?: string) {
    const res = await fetch(`${t.baseUrl}/api/livekit/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/webhook+json', ...(authorization ? { authorization } : {}) },
      body,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('reflects signed webhooks in the session and refuses tampered or unsigned ones', async () => {
    const { interviewer, id } = await humanSession();
    const room = `mockroom-${id}`;
    const joined = JSON.stringify({
      event: 'participant_joined',
      room: { sid: 'RM_test', name: room },
      participant: {
        sid: 'PA_1',
        identity: 'user-kim',
        name: 'Kim Candidate',
        state: 'ACTIVE',
        metadata: '{"role":"candidate"}',
        attributes: { role: 'candidate' },
      },
      id: 'EV_1',
      createdAt: '1718000003',
    });
    const media = async () => ((await interviewer.get(`/api/sessions/${id}`)).body as HumanSession).media;

    // Unsigned, signed with another secret, or tampered after signing: 401, nothing changes.
    expect((await postWebhook(joined)).status).toBe(401);
    expect(
      (
        await postWebhook(
          joined,
          await signWebhookForTests(API_KEY, 'some-other-secret-that-is-long-enough-000', joined),
        )
      ).status,
    ).toBe(401);
    const signature = await signWebhookForTests(API_KEY, API_SECRET, joined);
    expect((await postWebhook(joined.replace('Kim Candidate', 'Mallory'), signature)).status).toBe(401);
    expect(await media()).toEqual({});

    const accepted = await postWebhook(joined, signature);
    expect(accepted).toEqual({ status: 200, body: { result: 'applied' } });
    expect((await media()).participants).toEqual({
      'user-kim': { role: 'candidate', name: 'Kim Candidate', joinedAt: new Date(1718000003000).toISOString() },
    });

    // The candidate leaves; the "joined" request replayed while its signature is still valid changes nothing.
    const left = JSON.stringify({
      ...JSON.parse(joined),
      event: 'participant_left',
      id: 'EV_1b',
      createdAt: '1718000004',
    });
    expect((await postWebhook(left, await signWebhookForTests(API_KEY, API_SECRET, left))).body).toEqual({
      result: 'applied',
    });
    const afterLeaving = await media();
    expect(afterLeaving.participants?.['user-kim']).toMatchObject({ leftAt: new Date(1718000004000).toISOString() });
    expect(await postWebhook(joined, signature)).toEqual({ status: 200, body: { result: 'duplicate' } });
    expect(await media()).toEqual(afterLeaving);

    const egress = JSON.stringify({
      event: 'egress_ended',
      egressInfo: {
        egressId: 'EG_1',
        roomId: 'RM_test',
        roomName: room,
        status: 'EGRESS_COMPLETE',
        fileResults: [
          { filename: `${id}/candidate.ogg`, location: `/recordings/${id}/candidate.ogg`, duration: '61000000000' },
        ],
      },
      id: 'EV_2',
      createdAt: '1718000070',
    });
    expect((await postWebhook(egress, await signWebhookForTests(API_KEY, API_SECRET, egress))).body).toEqual({
      result: 'applied',
    });
    const finished = JSON.stringify({
      event: 'room_finished',
      room: { sid: 'RM_test', name: room },
      id: 'EV_3',
      createdAt: '1718000100',
    });
    expect((await postWebhook(finished, await signWebhookForTests(API_KEY, API_SECRET, finished))).body).toEqual({
      result: 'applied',
    });
    const state = await media();
    expect(state.egress?.EG_1).toMatchObject({
      status: 'complete',
      location: `/recordings/${id}/candidate.ogg`,
      durationMs: 61000,
    });
    expect(state.roomFinishedAt).toBe(new Date(1718000100000).toISOString());

    // Rooms that are not ours are acknowledged and ignored.
    const other = JSON.stringify({
      event: 'room_started',
      room: { sid: 'RM_x', name: 'someone-else' },
      id: 'EV_4',
      createdAt: '1718000100',
    });
    expect((await postWebhook(other, await signWebhookForTests(API_KEY, API_SECRET, other))).body).toEqual({
      result: 'ignored',
    });
  });

  it("records each participant's microphone through egress once, when its track is published", async () => {
    const { interviewer, id } = await humanSession();
    const room = `mockroom-${id}`;
    const media = async () => ((await interviewer.get(`/api/sessions/${id}`)).body as HumanSession).media;
    const published = (eventId: string, trackSid: string, source: string, role = 'candidate', identity = 'user-kim') =>
      JSON.stringify({
        event: 'track_published',
        room: { sid: 'RM_test', name: room },
        participant: { sid: `PA_${identity}`, identity, name: role, state: 'ACTIVE', attributes: { role } },
        track: { sid: trackSid, type: 'AUDIO', source, name: 'microphone' },
        id: eventId,
        createdAt: '1718000005',
      });
    const send = async (body: string) => postWebhook(body, await signWebhookForTests(API_KEY, API_SECRET, body));
    const egressCalls = () =>
      calls.filter((c) => c.path === '/twirp/livekit.Egress/StartTrackCompositeEgress' && c.body.roomName === room);

    expect((await send(published('EV_10', 'TR_mic1', 'MICROPHONE'))).body).toEqual({ result: 'applied' });
    expect(egressCalls()).toHaveLength(1);
    const [call] = egressCalls();
    expect(call.body).toEqual({
      roomName: room,
      audioTrackId: 'TR_mic1',
      fileOutputs: [{ fileType: 'OGG', filepath: `mockroom/${id}/candidate-TR_mic1.ogg` }],
    });
    const grants = await new TokenVerifier(API_KEY, API_SECRET).verify(call.authorization!.replace(/^Bearer /, ''));
    expect(grants.video).toEqual({ roomRecord: true });

    // LiveKit delivers webhooks at least once: the same track again starts nothing.
    expect((await send(published('EV_11', 'TR_mic1', 'MICROPHONE'))).body).toEqual({ result: 'applied' });
    // A camera, or a participant without a role of ours (the agent), is not recorded.
    expect((await send(published('EV_12', 'TR_cam', 'CAMERA'))).body).toEqual({ result: 'ignored' });
    expect((await send(published('EV_13', 'TR_agent', 'MICROPHONE', 'agent', `agent-${id}`))).body).toEqual({
      result: 'ignored',
    });
    expect(egressCalls()).toHaveLength(1);

    // The interviewer's microphone gets its own recording; one egress refusing does not fail the webhook.
    expect((await send(published('EV_14', 'TR_no_egress', 'MICROPHONE', 'interviewer', 'user-lee'))).body).toEqual({
      result: 'applied',
    });
    expect(egressCalls()).toHaveLength(2);

    let state = await media();
    expect(state.tracks).toEqual({
      TR_mic1: {
        identity: 'user-kim',
        role: 'candidate',
        publishedAt: new Date(1718000005000).toISOString(),
        egressId: 'EG_TR_mic1',
      },
      TR_no_egress: {
        identity: 'user-lee',
        role: 'interviewer',
        publishedAt: new Date(1718000005000).toISOString(),
        error: expect.stringContaining('no egress workers available'),
      },
    });
    expect(state.egress).toEqual({
      EG_TR_mic1: {
        status: 'starting',
        location: null,
        durationMs: null,
        error: null,
        role: 'candidate',
        identity: 'user-kim',
        startedAt: new Date(1718000005000).toISOString(),
      },
    });

    const ended = JSON.stringify({
      event: 'egress_ended',
      egressInfo: {
        egressId: 'EG_TR_mic1',
        roomName: room,
        status: 'EGRESS_COMPLETE',
        fileResults: [
          {
            filename: `mockroom/${id}/candidate-TR_mic1.ogg`,
            location: `/out/mockroom/${id}/candidate-TR_mic1.ogg`,
            duration: '42000000000',
          },
        ],
      },
      id: 'EV_15',
      createdAt: '1718000050',
    });
    expect((await send(ended)).body).toEqual({ result: 'applied' });
    state = await media();
    expect(state.egress?.EG_TR_mic1).toEqual({
      status: 'complete',
      location: `/out/mockroom/${id}/candidate-TR_mic1.ogg`,
      durationMs: 42000,
      error: null,
      role: 'candidate',
      identity: 'user-kim',
      startedAt: new Date(1718000005000).toISOString(),
      endedAt: new Date(1718000050000).toISOString(),
    });
  });
});
