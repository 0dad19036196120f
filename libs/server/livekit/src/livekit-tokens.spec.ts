import { type ClaimGrants, TokenVerifier } from 'livekit-server-sdk';
import { roleOf } from './livekit-roles';
import { DEFAULT_TOKEN_TTL_SECONDS, GRANTS_BY_ROLE, mintToken } from './livekit-tokens';

const apiKey = 'APIm0ckr00mT3st';
const apiSecret = 'a-long-random-livekit-api-secret-for-tests-0123456789';
const verifier = new TokenVerifier(apiKey, apiSecret);

/** The claims exactly as they travel in the JWT. */
function rawClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** LiveKit's own check when someone connects to `room` with a token: a join grant that names that room. */
function admits(claims: ClaimGrants, room: string): boolean {
  return claims.video?.roomJoin === true && claims.video.room === room;
}

const ADMIN_GRANTS = [
  'roomAdmin',
  'roomCreate',
  'roomRecord',
  'roomList',
  'ingressAdmin',
  'recorder',
  'agent',
  'hidden',
  'destinationRoom',
];

describe('mintToken', () => {
  it('gives a candidate their microphone, listening, and nothing else, in one room', async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = await mintToken({
      apiKey,
      apiSecret,
      room: 'interview-8f14e45f',
      identity: 'user-7',
      name: 'Ada Lovelace',
      role: 'candidate',
    });
    const claims = await verifier.verify(token);

    expect(claims.video).toEqual({
      roomJoin: true,
      room: 'interview-8f14e45f',
      canPublish: true,
      canPublishSources: ['microphone'],
      canSubscribe: true,
      canPublishData: false,
      canUpdateOwnMetadata: false,
    });
    for (const grant of ADMIN_GRANTS) expect(claims.video).not.toHaveProperty(grant);
    expect(claims).not.toHaveProperty('kind');
    expect(claims).not.toHaveProperty('sip');
    expect(claims.sub).toBe('user-7');
    expect(claims.name).toBe('Ada Lovelace');
    expect(claims.iss).toBe(apiKey);
    expect(JSON.parse(claims.metadata!)).toEqual({ role: 'candidate' });
    expect(claims.attributes).toEqual({ role: 'candidate' });
    expect(roleOf(claims)).toBe('candidate');

    expect(claims.exp! - claims.nbf!).toBe(DEFAULT_TOKEN_TTL_SECONDS);
    expect(DEFAULT_TOKEN_TTL_SECONDS).toBe(600);
    expect(claims.nbf!).toBeGreaterThanOrEqual(before);
    expect(claims.nbf!).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
  });

  it('gives a human interviewer exactly what a candidate gets (no admin: the API removes people and records)', async () => {
    const token = await mintToken({
      apiKey,
      apiSecret,
      room: 'interview-8f14e45f',
      identity: 'user-9',
      name: 'Grace Hopper',
      role: 'interviewer',
    });
    const claims = await verifier.verify(token);
    expect(claims.video).toEqual({
      roomJoin: true,
      room: 'interview-8f14e45f',
      canPublish: true,
      canPublishSources: ['microphone'],
      canSubscribe: true,
      canPublishData: false,
      canUpdateOwnMetadata: false,
    });
    for (const grant of ADMIN_GRANTS) expect(claims.video).not.toHaveProperty(grant);
    expect(claims.attributes).toEqual({ role: 'interviewer' });
    expect(roleOf(claims)).toBe('interviewer');
  });

  it('marks the AI interviewer as an agent that may speak and listen, visible so its voice reaches the candidate', async () => {
    const token = await mintToken({
      apiKey,
      apiSecret,
      room: 'interview-8f14e45f',
      identity: 'agent-8f14e45f',
      name: 'Interviewer',
      role: 'agent',
    });
    const claims = await verifier.verify(token);
    expect(claims.video).toEqual({
      roomJoin: true,
      room: 'interview-8f14e45f',
      canPublish: true,
      canPublishSources: ['microphone'],
      canSubscribe: true,
      canPublishData: false,
      canUpdateOwnMetadata: false,
    });
    expect(claims.kind).toBe('agent');
    // Not hidden (LiveKit never announces a hidden participant's tracks) and no worker-registration `agent` grant.
    for (const grant of ADMIN_GRANTS) expect(claims.video).not.toHaveProperty(grant);
    expect(claims.sub).toBe('agent-8f14e45f');
    expect(JSON.parse(claims.metadata!)).toEqual({ role: 'agent' });
    expect(roleOf(claims)).toBe('agent');
  });

  it('matches GRANTS_BY_ROLE, sends track sources as LiveKit names, and never alters the table', async () => {
    const snapshot = JSON.stringify(GRANTS_BY_ROLE);
    for (const role of ['candidate', 'interviewer', 'agent'] as const) {
      const first = rawClaims(
        await mintToken({ apiKey, apiSecret, room: 'r1', identity: `${role}-1`, name: role, role }),
      );
      const second = rawClaims(
        await mintToken({ apiKey, apiSecret, room: 'r1', identity: `${role}-1`, name: role, role }),
      );
      const { canPublishSources, ...rest } = GRANTS_BY_ROLE[role].video;
      expect(first['video']).toEqual({
        ...rest,
        canPublishSources: canPublishSources.map(() => 'microphone'),
        room: 'r1',
      });
      expect(second['video']).toEqual(first['video']);
      expect(first['kind']).toBe(GRANTS_BY_ROLE[role].kind);
    }
    expect(JSON.stringify(GRANTS_BY_ROLE)).toBe(snapshot);
    expect(Object.isFrozen(GRANTS_BY_ROLE.candidate.video)).toBe(true);
    expect(Object.isFrozen(GRANTS_BY_ROLE.agent.video.canPublishSources)).toBe(true);
  });

  it('names one room: the token does not admit its holder to another', async () => {
    const token = await mintToken({
      apiKey,
      apiSecret,
      room: 'interview-a',
      identity: 'user-7',
      name: 'Ada',
      role: 'candidate',
    });
    const claims = await verifier.verify(token);
    expect(admits(claims, 'interview-a')).toBe(true);
    expect(admits(claims, 'interview-b')).toBe(false);
    expect(admits(claims, '')).toBe(false);
  });

  it('honours a custom lifetime', async () => {
    const token = await mintToken({
      apiKey,
      apiSecret,
      room: 'r',
      identity: 'u',
      name: 'U',
      role: 'candidate',
      ttlSeconds: 90,
    });
    const claims = await verifier.verify(token);
    expect(claims.exp! - claims.nbf!).toBe(90);
  });

  it('is rejected when verified with another secret or another API key', async () => {
    const token = await mintToken({ apiKey, apiSecret, room: 'r', identity: 'u', name: 'U', role: 'candidate' });
    await expect(
      new TokenVerifier(apiKey, 'some-other-secret-of-the-same-kind-0123456789').verify(token),
    ).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
    await expect(new TokenVerifier('APIsomeoneElse', apiSecret).verify(token)).rejects.toMatchObject({
      code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
    });

    const forged = await mintToken({
      apiKey,
      apiSecret: 'attacker-secret-attacker-secret-attacker',
      room: 'r',
      identity: 'u',
      name: 'U',
      role: 'candidate',
    });
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  });

  it('refuses incomplete or unknown input', async () => {
    const base = { apiKey, apiSecret, room: 'r', identity: 'u', name: 'U', role: 'candidate' as const };
    await expect(mintToken({ ...base, identity: '' })).rejects.toThrow(/identity/);
    await expect(mintToken({ ...base, room: '' })).rejects.toThrow(/room/);
    await expect(mintToken({ ...base, apiSecret: '' })).rejects.toThrow(/secret/);
    await expect(mintToken({ ...base, role: 'admin' as never })).rejects.toThrow(/unknown LiveKit role/);
    await expect(mintToken({ ...base, ttlSeconds: 0 })).rejects.toThrow(RangeError);
    await expect(mintToken({ ...base, ttlSeconds: 1.5 })).rejects.toThrow(RangeError);
    await expect(mintToken({ ...base, ttlSeconds: 7 * 24 * 3600 })).rejects.toThrow(RangeError);
  });
});

describe('roleOf', () => {
  it('reads the role attribute, then the metadata, and ignores anything else', () => {
    expect(roleOf({ attributes: { role: 'agent' }, metadata: '{"role":"candidate"}' })).toBe('agent');
    expect(roleOf({ attributes: {}, metadata: '{"role":"interviewer"}' })).toBe('interviewer');
    expect(roleOf({ attributes: { role: 'admin' }, metadata: '{"role":"owner"}' })).toBeNull();
    expect(roleOf({ metadata: 'not json' })).toBeNull();
    expect(roleOf({ metadata: '"candidate"' })).toBeNull();
    expect(roleOf({})).toBeNull();
  });
});
