import { createHash } from 'node:crypto';
import { TokenVerifier, WebhookReceiver } from 'livekit-server-sdk';
import {
  mapWebhookEvent,
  UnconfiguredWebhookReceiver,
  verifyWebhook,
  WebhookRejectedError,
  type WebhookRejectionReason,
} from './livekit-webhooks';
import { signWebhook } from './testing/sign-webhook';
import { signWebhookForTests } from './index';

const apiKey = 'APIm0ckr00mT3st';
const apiSecret = 'a-long-random-livekit-api-secret-for-tests-0123456789';
const receiver = new WebhookReceiver(apiKey, apiSecret);

// Bodies as LiveKit posts them: protobuf JSON with camelCase names, int64 as strings, enums by name, defaults left out.
const ROOM = {
  sid: 'RM_hycBMAjmt6Ub',
  name: 'interview-8f14e45f',
  emptyTimeout: 300,
  departureTimeout: 20,
  maxParticipants: 2,
  creationTime: '1718000000',
  creationTimeMs: '1718000000412',
  enabledCodecs: [{ mime: 'audio/opus' }, { mime: 'audio/red' }, { mime: 'video/VP8' }, { mime: 'video/H264' }],
  numParticipants: 1,
  version: { unixMicro: '1718000003211034' },
};

const participantJoined = JSON.stringify({
  event: 'participant_joined',
  room: ROOM,
  participant: {
    sid: 'PA_ZsZzFQD4Gp8Z',
    identity: 'user-7',
    state: 'ACTIVE',
    joinedAt: '1718000003',
    joinedAtMs: '1718000003207',
    name: 'Ada Lovelace',
    version: 2,
    permission: { canSubscribe: true, canPublish: true, canPublishSources: ['MICROPHONE'] },
    metadata: '{"role":"candidate"}',
    attributes: { role: 'candidate' },
  },
  id: 'EV_7pQ9xWcHnVr2',
  createdAt: '1718000003',
});

const agentLeft = JSON.stringify({
  event: 'participant_left',
  room: ROOM,
  participant: {
    sid: 'PA_Kq2vR8nLx0Tb',
    identity: 'agent-8f14e45f',
    state: 'DISCONNECTED',
    joinedAt: '1718000004',
    name: 'Interviewer',
    version: 9,
    permission: { canSubscribe: true, canPublish: true, canPublishSources: ['MICROPHONE'], agent: false },
    metadata: '{"role":"agent"}',
    isPublisher: true,
    kind: 'AGENT',
    disconnectReason: 'CLIENT_INITIATED',
  },
  id: 'EV_mV4nBq8sTz1k',
  createdAt: '1718001220',
});

const micPublished = JSON.stringify({
  event: 'track_published',
  room: ROOM,
  participant: {
    sid: 'PA_ZsZzFQD4Gp8Z',
    identity: 'user-7',
    state: 'ACTIVE',
    name: 'Ada Lovelace',
    attributes: { role: 'candidate' },
  },
  track: {
    sid: 'TR_AMkq3Jc8PzVd',
    type: 'AUDIO',
    source: 'MICROPHONE',
    mimeType: 'audio/red',
    mid: '0',
    stream: 'camera',
  },
  id: 'EV_c8Hq2LzPn4Wd',
  createdAt: '1718000005',
});

const egressEnded = JSON.stringify({
  event: 'egress_ended',
  egressInfo: {
    egressId: 'EG_rR3sKkZt2Wq8',
    roomId: 'RM_hycBMAjmt6Ub',
    roomName: 'interview-8f14e45f',
    status: 'EGRESS_COMPLETE',
    startedAt: '1718000010512000000',
    endedAt: '1718001210937000000',
    updatedAt: '1718001211012000000',
    trackComposite: {
      roomName: 'interview-8f14e45f',
      audioTrackId: 'TR_AMkq3Jc8PzVd',
      fileOutputs: [{ fileType: 'OGG', filepath: '8f14e45f/candidate.ogg' }],
    },
    fileResults: [
      {
        filename: '8f14e45f/candidate.ogg',
        startedAt: '1718000010981000000',
        endedAt: '1718001210902000000',
        duration: '1199921000000',
        size: '9611264',
        location: '/out/8f14e45f/candidate.ogg',
      },
    ],
    sourceType: 'EGRESS_SOURCE_TYPE_SDK',
  },
  id: 'EV_Yb3kTq9mWx2c',
  createdAt: '1718001211',
});

const egressFailed = JSON.stringify({
  event: 'egress_ended',
  egressInfo: {
    egressId: 'EG_b7LqW2xN9cVe',
    roomId: 'RM_hycBMAjmt6Ub',
    roomName: 'interview-8f14e45f',
    status: 'EGRESS_FAILED',
    startedAt: '1718000010512000000',
    endedAt: '1718000012003000000',
    error: 'track not found',
    errorCode: 404,
    fileResults: [{ filename: '8f14e45f/candidate.ogg' }],
  },
  id: 'EV_p2Rz6NcYq8Hm',
  createdAt: '1718000012',
});

async function rejection(promise: Promise<unknown>): Promise<WebhookRejectionReason> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookRejectedError);
    return (error as WebhookRejectedError).reason;
  }
  throw new Error('the webhook was accepted');
}

describe('signWebhookForTests', () => {
  it('signs like LiveKit: the API key as issuer, five minutes, and the base64 SHA-256 of the body', async () => {
    expect(signWebhookForTests).toBe(signWebhook);
    const token = await signWebhookForTests(apiKey, apiSecret, participantJoined);
    expect(token.split('.')).toHaveLength(3);
    const claims = await new TokenVerifier(apiKey, apiSecret).verify(token);
    expect(claims.iss).toBe(apiKey);
    expect(claims.sha256).toBe(createHash('sha256').update(participantJoined).digest('base64'));
    expect(claims.exp! - claims.nbf!).toBe(300);
    expect(claims).not.toHaveProperty('video');
    expect(claims).not.toHaveProperty('sub');
  });
});

describe('verifyWebhook', () => {
  it('accepts a signed participant_joined and maps it with the role from the token metadata', async () => {
    const event = await verifyWebhook(
      receiver,
      participantJoined,
      await signWebhookForTests(apiKey, apiSecret, participantJoined),
    );
    expect(event.event).toBe('participant_joined');
    expect(mapWebhookEvent(event)).toEqual({
      type: 'participant_joined',
      id: 'EV_7pQ9xWcHnVr2',
      createdAt: new Date(1718000003 * 1000),
      room: 'interview-8f14e45f',
      identity: 'user-7',
      name: 'Ada Lovelace',
      role: 'candidate',
      kind: 'standard',
      participantSid: 'PA_ZsZzFQD4Gp8Z',
    });
  });

  it('accepts a signed egress_ended and maps where the file went', async () => {
    const event = await verifyWebhook(receiver, egressEnded, await signWebhookForTests(apiKey, apiSecret, egressEnded));
    expect(mapWebhookEvent(event)).toEqual({
      type: 'egress_ended',
      id: 'EV_Yb3kTq9mWx2c',
      createdAt: new Date(1718001211 * 1000),
      egressId: 'EG_rR3sKkZt2Wq8',
      room: 'interview-8f14e45f',
      status: 'complete',
      location: '/out/8f14e45f/candidate.ogg',
      filename: '8f14e45f/candidate.ogg',
      durationMs: 1_199_921,
      error: null,
    });
  });

  it('maps a failed egress with its error and no location', async () => {
    const event = await verifyWebhook(
      receiver,
      egressFailed,
      await signWebhookForTests(apiKey, apiSecret, egressFailed),
    );
    expect(mapWebhookEvent(event)).toMatchObject({
      type: 'egress_ended',
      egressId: 'EG_b7LqW2xN9cVe',
      status: 'failed',
      location: null,
      filename: '8f14e45f/candidate.ogg',
      durationMs: null,
      error: 'track not found',
    });
  });

  it('maps an agent leaving, a microphone being published, and ignores the rest', async () => {
    const left = mapWebhookEvent(
      await verifyWebhook(receiver, agentLeft, await signWebhookForTests(apiKey, apiSecret, agentLeft)),
    );
    expect(left).toMatchObject({
      type: 'participant_left',
      identity: 'agent-8f14e45f',
      role: 'agent',
      kind: 'agent',
      room: 'interview-8f14e45f',
    });

    const published = mapWebhookEvent(
      await verifyWebhook(receiver, micPublished, await signWebhookForTests(apiKey, apiSecret, micPublished)),
    );
    expect(published).toMatchObject({
      type: 'track_published',
      identity: 'user-7',
      role: 'candidate',
      trackSid: 'TR_AMkq3Jc8PzVd',
      source: 'microphone',
    });

    const finished = JSON.stringify({
      event: 'room_finished',
      room: ROOM,
      id: 'EV_f1',
      createdAt: '1718001300',
      roomEndReason: 'DEPARTURE_TIMEOUT',
    });
    expect(
      mapWebhookEvent(await verifyWebhook(receiver, finished, await signWebhookForTests(apiKey, apiSecret, finished))),
    ).toEqual({
      type: 'room_finished',
      id: 'EV_f1',
      createdAt: new Date(1718001300 * 1000),
      room: 'interview-8f14e45f',
      roomSid: 'RM_hycBMAjmt6Ub',
    });

    const started = JSON.stringify({
      event: 'egress_started',
      egressInfo: { egressId: 'EG_x', status: 'EGRESS_STARTING' },
      id: 'EV_s1',
      createdAt: '1718000010',
    });
    expect(
      mapWebhookEvent(await verifyWebhook(receiver, started, await signWebhookForTests(apiKey, apiSecret, started))),
    ).toMatchObject({
      type: 'ignored',
      event: 'egress_started',
      id: 'EV_s1',
    });
  });

  it('accepts the header with a Bearer prefix and a Buffer body', async () => {
    const token = await signWebhookForTests(apiKey, apiSecret, participantJoined);
    await expect(verifyWebhook(receiver, Buffer.from(participantJoined), `Bearer ${token}`)).resolves.toMatchObject({
      event: 'participant_joined',
    });
  });

  it('rejects a body that is not the one that was signed', async () => {
    const token = await signWebhookForTests(apiKey, apiSecret, participantJoined);
    const tampered = participantJoined.replace(
      '"metadata":"{\\"role\\":\\"candidate\\"}"',
      '"metadata":"{\\"role\\":\\"interviewer\\"}"',
    );
    expect(tampered).not.toBe(participantJoined);
    expect(await rejection(verifyWebhook(receiver, tampered, token))).toBe('body_mismatch');
    // Same JSON, different bytes: the signature covers the raw body, so re-serialised JSON does not pass either.
    expect(
      await rejection(verifyWebhook(receiver, JSON.stringify(JSON.parse(participantJoined), null, 2), token)),
    ).toBe('body_mismatch');
    expect(await rejection(verifyWebhook(receiver, egressEnded, token))).toBe('body_mismatch');
  });

  it('rejects a missing or garbage Authorization header', async () => {
    expect(await rejection(verifyWebhook(receiver, participantJoined, undefined))).toBe('missing_authorization');
    expect(await rejection(verifyWebhook(receiver, participantJoined, ''))).toBe('missing_authorization');
    expect(await rejection(verifyWebhook(receiver, participantJoined, 'Bearer '))).toBe('missing_authorization');
    expect(await rejection(verifyWebhook(receiver, participantJoined, 'garbage'))).toBe('invalid_token');
    expect(await rejection(verifyWebhook(receiver, participantJoined, 'Basic dXNlcjpwYXNz'))).toBe('invalid_token');
    expect(
      await rejection(verifyWebhook(receiver, participantJoined, 'eyJhbGciOiJub25lIn0.eyJzaGEyNTYiOiJ4In0.')),
    ).toBe('invalid_token');
  });

  it('rejects a signature made with another secret or for another API key', async () => {
    const wrongSecret = await signWebhookForTests(
      apiKey,
      'not-our-secret-not-our-secret-not-our-secret',
      participantJoined,
    );
    expect(await rejection(verifyWebhook(receiver, participantJoined, wrongSecret))).toBe('bad_signature');
    const otherKey = await signWebhookForTests('APIsomeoneElse', apiSecret, participantJoined);
    expect(await rejection(verifyWebhook(receiver, participantJoined, otherKey))).toBe('invalid_token');
  });

  it('rejects an expired signature', async () => {
    const expired = await signWebhookForTests(apiKey, apiSecret, participantJoined, { ttlSeconds: -60 });
    const error = await verifyWebhook(receiver, participantJoined, expired).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookRejectedError);
    expect((error as WebhookRejectedError).reason).toBe('expired');
    expect((error as WebhookRejectedError).message).toMatch(/expired/);
  });

  it('rejects a signed body that is not a webhook event', async () => {
    for (const body of [
      'not json at all',
      '{}',
      '[1,2,3]',
      '{"event":42}',
      '{"event":"room_started","createdAt":"soon"}',
    ]) {
      expect(await rejection(verifyWebhook(receiver, body, await signWebhookForTests(apiKey, apiSecret, body)))).toBe(
        'malformed_body',
      );
    }
  });

  it('refuses everything when LiveKit is not configured', async () => {
    const token = await signWebhookForTests(apiKey, apiSecret, participantJoined);
    expect(await rejection(verifyWebhook(new UnconfiguredWebhookReceiver(), participantJoined, token))).toBe(
      'not_configured',
    );
  });
});
