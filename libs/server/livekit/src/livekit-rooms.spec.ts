import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ClaimGrants, TokenVerifier } from 'livekit-server-sdk';
import { LiveKitError, LiveKitNotConfiguredError, LiveKitRooms, toHttpUrl } from './livekit-rooms';

const apiKey = 'APIm0ckr00mT3st';
const apiSecret = 'a-long-random-livekit-api-secret-for-tests-0123456789';

interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

interface Reply {
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  delayMs?: number;
}

/**
 * A stand-in for LiveKit's server API on 127.0.0.1: records every request and answers with canned Twirp replies
 * (JSON with protobuf field names and default values, as LiveKit's Twirp server writes them).
 */
class FakeLiveKit {
  readonly requests: Recorded[] = [];
  private readonly replies = new Map<string, Reply[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | null = null;

  /** Queues the reply for the next call of `method` (`RoomService/CreateRoom`, `Egress/StopEgress`…). */
  reply(method: string, reply: Reply): this {
    const path = `/twirp/livekit.${method}`;
    this.replies.set(path, [...(this.replies.get(path) ?? []), reply]);
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '';
        this.requests.push({
          method: req.method ?? '',
          path,
          headers: req.headers,
          body: raw ? JSON.parse(raw) : undefined,
        });
        const reply = this.replies.get(path)?.shift() ?? {
          status: 404,
          json: {
            code: 'bad_route',
            msg: `no handler for path "${path}"`,
            meta: { twirp_invalid_route: `POST ${path}` },
          },
        };
        const send = () => {
          res.writeHead(reply.status, { 'Content-Type': reply.contentType ?? 'application/json' });
          res.end(reply.text ?? JSON.stringify(reply.json));
        };
        if (!reply.delayMs) return send();
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          send();
        }, reply.delayMs);
        this.timers.add(timer);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The grants of the token a request was signed with (verified with our secret). */
  async grants(request: Recorded): Promise<ClaimGrants> {
    const auth = request.headers.authorization ?? '';
    expect(auth).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    return new TokenVerifier(apiKey, apiSecret).verify(auth.slice('Bearer '.length));
  }
}

/** Method, path and content type of a Twirp JSON call. */
function expectTwirpCall(request: Recorded, method: string): void {
  expect(request.method).toBe('POST');
  expect(request.path).toBe(`/twirp/livekit.${method}`);
  expect(request.headers['content-type']).toBe('application/json;charset=UTF-8');
}

// Realistic LiveKit answers.
const ROOM = {
  sid: 'RM_hycBMAjmt6Ub',
  name: 'interview-8f14e45f',
  empty_timeout: 300,
  departure_timeout: 20,
  max_participants: 2,
  creation_time: '1718000000',
  creation_time_ms: '1718000000412',
  turn_password: '',
  enabled_codecs: [
    { mime: 'audio/opus', fmtp_line: '' },
    { mime: 'audio/red', fmtp_line: '' },
    { mime: 'video/VP8', fmtp_line: '' },
  ],
  metadata: '',
  num_participants: 0,
  num_publishers: 0,
  active_recording: false,
  version: { unix_micro: '1718000000412345', ticks: 0 },
};

const MIC_TRACK = {
  sid: 'TR_AMkq3Jc8PzVd',
  type: 'AUDIO',
  name: '',
  muted: false,
  width: 0,
  height: 0,
  simulcast: false,
  disable_dtx: false,
  source: 'MICROPHONE',
  layers: [],
  mime_type: 'audio/red',
  mid: '1',
  codecs: [{ mime_type: 'audio/red', mid: '1', cid: 'f3b2c1a0', layers: [] }],
  stereo: false,
  disable_red: false,
  encryption: 'NONE',
  stream: 'camera',
  audio_features: ['TF_AUTO_GAIN_CONTROL', 'TF_ECHO_CANCELLATION', 'TF_NOISE_SUPPRESSION'],
};

const CANDIDATE = {
  sid: 'PA_ZsZzFQD4Gp8Z',
  identity: 'user-7',
  state: 'ACTIVE',
  tracks: [MIC_TRACK],
  metadata: '{"role":"candidate"}',
  joined_at: '1718000003',
  joined_at_ms: '1718000003207',
  name: 'Ada Lovelace',
  version: 4,
  permission: {
    can_subscribe: true,
    can_publish: true,
    can_publish_data: false,
    can_publish_sources: ['MICROPHONE'],
    hidden: false,
    recorder: false,
  },
  region: '',
  is_publisher: true,
  kind: 'STANDARD',
  attributes: { role: 'candidate' },
  disconnect_reason: 'UNKNOWN_REASON',
};

const AGENT = {
  ...CANDIDATE,
  sid: 'PA_Kq2vR8nLx0Tb',
  identity: 'agent-8f14e45f',
  state: 'JOINED',
  tracks: [],
  metadata: '{"role":"agent"}',
  joined_at: '1718000004',
  joined_at_ms: '0',
  name: 'Interviewer',
  is_publisher: false,
  kind: 'AGENT',
  attributes: { role: 'agent' },
};

function egressInfo(status: string, extra: Record<string, unknown> = {}) {
  return {
    egress_id: 'EG_rR3sKkZt2Wq8',
    room_id: 'RM_hycBMAjmt6Ub',
    room_name: 'interview-8f14e45f',
    source_type: 'EGRESS_SOURCE_TYPE_SDK',
    status,
    started_at: '0',
    ended_at: '0',
    updated_at: '1718000010512000000',
    details: '',
    error: '',
    error_code: 0,
    track_composite: {
      room_name: 'interview-8f14e45f',
      audio_track_id: 'TR_AMkq3Jc8PzVd',
      video_track_id: '',
      file_outputs: [{ file_type: 'OGG', filepath: '8f14e45f/candidate.ogg', disable_manifest: false }],
      stream_outputs: [],
      segment_outputs: [],
      image_outputs: [],
    },
    stream_results: [],
    file_results: [
      { filename: '8f14e45f/candidate.ogg', started_at: '0', ended_at: '0', duration: '0', size: '0', location: '' },
    ],
    segment_results: [],
    image_results: [],
    manifest_location: '',
    backup_storage_used: false,
    retry_count: 0,
    ...extra,
  };
}

describe('LiveKitRooms against a Twirp server', () => {
  const livekit = new FakeLiveKit();
  let url: string;
  let rooms: LiveKitRooms;

  beforeAll(async () => {
    url = await livekit.start();
    rooms = new LiveKitRooms({ url, apiKey, apiSecret });
  });
  afterAll(() => livekit.stop());
  beforeEach(() => {
    livekit.requests.length = 0;
  });

  it('ensureRoom calls CreateRoom with the room settings and a roomCreate token', async () => {
    livekit.reply('RoomService/CreateRoom', { status: 200, json: ROOM });
    const room = await rooms.ensureRoom('interview-8f14e45f', {
      emptyTimeoutSeconds: 300,
      maxParticipants: 2,
      departureTimeoutSeconds: 20,
    });

    expect(livekit.requests).toHaveLength(1);
    const [request] = livekit.requests;
    expectTwirpCall(request, 'RoomService/CreateRoom');
    expect(request.body).toEqual({
      name: 'interview-8f14e45f',
      emptyTimeout: 300,
      departureTimeout: 20,
      maxParticipants: 2,
    });
    const claims = await livekit.grants(request);
    expect(claims.iss).toBe(apiKey);
    expect(claims.video).toEqual({ roomCreate: true });
    expect(claims.exp! - claims.nbf!).toBe(600);

    expect(room).toEqual({
      sid: 'RM_hycBMAjmt6Ub',
      name: 'interview-8f14e45f',
      emptyTimeoutSeconds: 300,
      departureTimeoutSeconds: 20,
      maxParticipants: 2,
      numParticipants: 0,
      createdAt: new Date(1718000000412),
    });
  });

  it('ensureRoom leaves the departure timeout to LiveKit unless given', async () => {
    livekit.reply('RoomService/CreateRoom', { status: 200, json: { ...ROOM, departure_timeout: 20 } });
    await rooms.ensureRoom('interview-8f14e45f', { emptyTimeoutSeconds: 120, maxParticipants: 3 });
    expect(livekit.requests[0].body).toEqual({ name: 'interview-8f14e45f', emptyTimeout: 120, maxParticipants: 3 });
  });

  it('deleteRoom calls DeleteRoom (LiveKit asks for roomCreate) and reports a room that was already gone', async () => {
    livekit.reply('RoomService/DeleteRoom', { status: 200, json: {} });
    livekit.reply('RoomService/DeleteRoom', {
      status: 404,
      json: { code: 'not_found', msg: 'requested room does not exist' },
    });

    await expect(rooms.deleteRoom('interview-8f14e45f')).resolves.toBe(true);
    await expect(rooms.deleteRoom('interview-8f14e45f')).resolves.toBe(false);

    expect(livekit.requests).toHaveLength(2);
    for (const request of livekit.requests) {
      expectTwirpCall(request, 'RoomService/DeleteRoom');
      expect(request.body).toEqual({ room: 'interview-8f14e45f' });
      expect((await livekit.grants(request)).video).toEqual({ roomCreate: true });
    }
  });

  it('listParticipants calls ListParticipants with roomAdmin for that room and maps who is there', async () => {
    livekit.reply('RoomService/ListParticipants', { status: 200, json: { participants: [CANDIDATE, AGENT] } });
    const participants = await rooms.listParticipants('interview-8f14e45f');

    const [request] = livekit.requests;
    expectTwirpCall(request, 'RoomService/ListParticipants');
    expect(request.body).toEqual({ room: 'interview-8f14e45f' });
    expect((await livekit.grants(request)).video).toEqual({ roomAdmin: true, room: 'interview-8f14e45f' });

    expect(participants).toEqual([
      {
        sid: 'PA_ZsZzFQD4Gp8Z',
        identity: 'user-7',
        name: 'Ada Lovelace',
        role: 'candidate',
        kind: 'standard',
        state: 'active',
        joinedAt: new Date(1718000003207),
        microphone: { trackSid: 'TR_AMkq3Jc8PzVd', muted: false },
      },
      {
        sid: 'PA_Kq2vR8nLx0Tb',
        identity: 'agent-8f14e45f',
        name: 'Interviewer',
        role: 'agent',
        kind: 'agent',
        state: 'joined',
        joinedAt: new Date(1718000004 * 1000),
        microphone: null,
      },
    ]);
  });

  it('removeParticipant calls RemoveParticipant with roomAdmin for that room and reports someone already gone', async () => {
    livekit.reply('RoomService/RemoveParticipant', { status: 200, json: {} });
    livekit.reply('RoomService/RemoveParticipant', {
      status: 404,
      json: { code: 'not_found', msg: 'participant does not exist' },
    });

    await expect(rooms.removeParticipant('interview-8f14e45f', 'user-9')).resolves.toBe(true);
    await expect(rooms.removeParticipant('interview-8f14e45f', 'user-9')).resolves.toBe(false);

    for (const request of livekit.requests) {
      expectTwirpCall(request, 'RoomService/RemoveParticipant');
      expect(request.body).toEqual({ room: 'interview-8f14e45f', identity: 'user-9' });
      expect((await livekit.grants(request)).video).toEqual({ roomAdmin: true, room: 'interview-8f14e45f' });
    }
  });

  it('startParticipantAudioEgress finds the microphone track and records it alone to an Ogg file with roomRecord', async () => {
    livekit.reply('RoomService/GetParticipant', { status: 200, json: CANDIDATE });
    livekit.reply('Egress/StartTrackCompositeEgress', { status: 200, json: egressInfo('EGRESS_STARTING') });

    const egress = await rooms.startParticipantAudioEgress('interview-8f14e45f', 'user-7', '8f14e45f/candidate.ogg');

    expect(livekit.requests).toHaveLength(2);
    const [lookup, start] = livekit.requests;
    expectTwirpCall(lookup, 'RoomService/GetParticipant');
    expect(lookup.body).toEqual({ room: 'interview-8f14e45f', identity: 'user-7' });
    expect((await livekit.grants(lookup)).video).toEqual({ roomAdmin: true, room: 'interview-8f14e45f' });

    expectTwirpCall(start, 'Egress/StartTrackCompositeEgress');
    expect(start.body).toEqual({
      roomName: 'interview-8f14e45f',
      audioTrackId: 'TR_AMkq3Jc8PzVd',
      fileOutputs: [{ fileType: 'OGG', filepath: '8f14e45f/candidate.ogg' }],
    });
    expect((await livekit.grants(start)).video).toEqual({ roomRecord: true });

    expect(egress).toEqual({
      egressId: 'EG_rR3sKkZt2Wq8',
      room: 'interview-8f14e45f',
      status: 'starting',
      startedAt: null,
      endedAt: null,
      error: null,
      file: { filename: '8f14e45f/candidate.ogg', location: null, durationMs: null, sizeBytes: null },
    });
  });

  it('startParticipantAudioEgress skips the lookup when the track is known', async () => {
    livekit.reply('Egress/StartTrackCompositeEgress', {
      status: 200,
      json: egressInfo('EGRESS_ACTIVE', { started_at: '1718000010981000000' }),
    });
    const egress = await rooms.startParticipantAudioEgress('interview-8f14e45f', 'user-7', '8f14e45f/candidate.ogg', {
      audioTrackSid: 'TR_AMkq3Jc8PzVd',
    });
    expect(livekit.requests.map((r) => r.path)).toEqual(['/twirp/livekit.Egress/StartTrackCompositeEgress']);
    expect(egress).toMatchObject({ status: 'active', startedAt: new Date(1718000010981) });
  });

  it('startParticipantAudioEgress refuses when the participant has no microphone yet, or the file is not .ogg', async () => {
    livekit.reply('RoomService/GetParticipant', { status: 200, json: AGENT });
    const error = await rooms
      .startParticipantAudioEgress('interview-8f14e45f', 'agent-8f14e45f', 'x/agent.ogg')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveKitError);
    expect(error).toMatchObject({ operation: 'GetParticipant', status: 412, code: 'failed_precondition' });
    expect(livekit.requests.map((r) => r.path)).toEqual(['/twirp/livekit.RoomService/GetParticipant']);

    await expect(rooms.startParticipantAudioEgress('interview-8f14e45f', 'user-7', 'x/candidate.mp4')).rejects.toThrow(
      TypeError,
    );
    expect(livekit.requests).toHaveLength(1);
  });

  it('stopEgress calls StopEgress with roomRecord', async () => {
    livekit.reply('Egress/StopEgress', {
      status: 200,
      json: egressInfo('EGRESS_ENDING', { started_at: '1718000010981000000' }),
    });
    const egress = await rooms.stopEgress('EG_rR3sKkZt2Wq8');
    const [request] = livekit.requests;
    expectTwirpCall(request, 'Egress/StopEgress');
    expect(request.body).toEqual({ egressId: 'EG_rR3sKkZt2Wq8' });
    expect((await livekit.grants(request)).video).toEqual({ roomRecord: true });
    expect(egress).toMatchObject({ egressId: 'EG_rR3sKkZt2Wq8', status: 'ending' });
  });

  it('turns Twirp errors into LiveKitError with status, code and message', async () => {
    livekit.reply('RoomService/ListParticipants', {
      status: 404,
      json: { code: 'not_found', msg: 'requested room does not exist' },
    });
    const notFound = await rooms.listParticipants('interview-gone').catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(LiveKitError);
    expect(notFound).toMatchObject({
      operation: 'ListParticipants',
      status: 404,
      code: 'not_found',
      detail: 'requested room does not exist',
      notFound: true,
    });
    expect((notFound as Error).message).toBe(
      'LiveKit ListParticipants failed (404 not_found): requested room does not exist',
    );

    livekit.reply('Egress/StartTrackCompositeEgress', {
      status: 500,
      json: { code: 'internal', msg: 'egress not connected (redis required)' },
    });
    const internal = await rooms
      .startParticipantAudioEgress('interview-8f14e45f', 'user-7', 'a.ogg', { audioTrackSid: 'TR_AMkq3Jc8PzVd' })
      .catch((e: unknown) => e);
    expect(internal).toMatchObject({
      operation: 'StartTrackCompositeEgress',
      status: 500,
      code: 'internal',
      notFound: false,
    });

    livekit.reply('RoomService/CreateRoom', {
      status: 401,
      json: { code: 'unauthenticated', msg: 'invalid token: go-jose/go-jose: error in cryptographic primitive' },
    });
    await expect(rooms.ensureRoom('r', { emptyTimeoutSeconds: 60, maxParticipants: 2 })).rejects.toMatchObject({
      status: 401,
      code: 'unauthenticated',
    });

    // A proxy in front of LiveKit answering HTML.
    livekit.reply('RoomService/DeleteRoom', {
      status: 502,
      contentType: 'text/html',
      text: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    });
    const proxy = await rooms.deleteRoom('r').catch((e: unknown) => e);
    expect(proxy).toMatchObject({ operation: 'DeleteRoom', status: 502, code: null });
    expect((proxy as LiveKitError).detail).toContain('502 Bad Gateway');

    // A self-hosted server is asked once: no retries against other regions.
    expect(livekit.requests).toHaveLength(4);
  });

  it('reports a LiveKit that does not answer in time', async () => {
    const impatient = new LiveKitRooms({ url, apiKey, apiSecret }, { requestTimeoutSeconds: 0.2 });
    livekit.reply('RoomService/ListParticipants', { status: 200, json: { participants: [] }, delayMs: 2000 });
    await expect(impatient.listParticipants('interview-8f14e45f')).rejects.toMatchObject({
      operation: 'ListParticipants',
      status: 0,
      code: 'timeout',
    });
  });
});

describe('LiveKitRooms without a server', () => {
  it('reports a LiveKit that cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const rooms = new LiveKitRooms({ url: `ws://127.0.0.1:${port}`, apiKey, apiSecret });
    const error = await rooms.listParticipants('r').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveKitError);
    expect(error).toMatchObject({ operation: 'ListParticipants', status: 0, code: 'unavailable' });
    expect((error as Error).message).toMatch(/unreachable.*ECONNREFUSED/);
  });

  it('throws a clear error on every call when LiveKit is not configured', async () => {
    const rooms = new LiveKitRooms(null);
    expect(rooms.configured).toBe(false);
    await expect(rooms.ensureRoom('r', { emptyTimeoutSeconds: 60, maxParticipants: 2 })).rejects.toThrow(
      LiveKitNotConfiguredError,
    );
    await expect(rooms.deleteRoom('r')).rejects.toThrow(
      /LiveKit is not configured, cannot DeleteRoom: set LIVEKIT_URL/,
    );
    await expect(rooms.listParticipants('r')).rejects.toThrow(LiveKitNotConfiguredError);
    await expect(rooms.removeParticipant('r', 'u')).rejects.toThrow(LiveKitNotConfiguredError);
    await expect(rooms.startParticipantAudioEgress('r', 'u', 'u.ogg')).rejects.toThrow(LiveKitNotConfiguredError);
    await expect(rooms.stopEgress('EG_1')).rejects.toThrow(LiveKitNotConfiguredError);
  });
});

describe('toHttpUrl', () => {
  it('turns the client URL into the server API base', () => {
    expect(toHttpUrl('ws://localhost:7880')).toBe('http://localhost:7880');
    expect(toHttpUrl('wss://livekit.example.com')).toBe('https://livekit.example.com');
    expect(toHttpUrl('wss://livekit.example.com/')).toBe('https://livekit.example.com');
    expect(toHttpUrl('https://livekit.example.com:8443')).toBe('https://livekit.example.com:8443');
    expect(toHttpUrl('WSS://LiveKit.Example.com')).toBe('https://livekit.example.com');
    expect(() => toHttpUrl('livekit.example.com')).toThrow(TypeError);
    expect(() => toHttpUrl('ftp://livekit.example.com')).toThrow(/ws:\/\/, wss:\/\//);
  });
});
