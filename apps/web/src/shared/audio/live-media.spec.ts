import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { LiveKitJoin, ParticipantRole } from '@mockroom/contracts';
import { ApiError } from '../api/client';
import type { RoomAudio, RoomAudioHandlers, RoomAudioStatus } from './room-audio';
import { LiveMedia } from './live-media';

/** Stands in for LiveKit's room (the unit here is the decision logic around it). */
class MockRoom {
  static made: MockRoom[] = [];
  static connectResult: () => Promise<void> = () => Promise.resolve();
  readonly hook = { status: 'connecting', carrying: false, problem: null };
  closed = false;
  muted: boolean[] = [];
  join: LiveKitJoin | null = null;
  constructor(readonly handlers: RoomAudioHandlers) {
    MockRoom.made.push(this);
  }
  async connect(join: LiveKitJoin): Promise<void> {
    this.join = join;
    await MockRoom.connectResult();
    this.handlers.onStatus?.('connected', null);
  }
  async setMuted(muted: boolean): Promise<void> {
    this.muted.push(muted);
  }
  async unlock(): Promise<void> {}
  close(): void {
    this.closed = true;
  }
  status(status: RoomAudioStatus, problem: string | null = null): void {
    this.handlers.onStatus?.(status, problem);
  }
}

const mockLivekit = jest.fn<(id: string) => Promise<LiveKitJoin>>();

const JOIN: LiveKitJoin = {
  url: 'ws://livekit',
  room: 'mockroom-x',
  identity: 'u1',
  token: 'jwt',
  expiresAt: '2030-01-01T00:00:00Z',
};
const track = {} as MediaStreamTrack;

function media(livekit?: boolean) {
  const changes: { via: string; room: string; problem: string | null }[] = [];
  const back = jest.fn();
  const toRoom = jest.fn();
  const voices: ReadonlySet<ParticipantRole>[] = [];
  const m = new LiveMedia(
    'interview-1',
    { onChange: (t) => changes.push(t), onToRoom: toRoom, onBackToSocket: back, onVoices: (v) => voices.push(v) },
    {
      token: (id) => mockLivekit(id),
      roomAudio: async () => MockRoom as unknown as new (handlers: RoomAudioHandlers) => RoomAudio,
    },
    livekit,
  );
  return { m, changes, back, toRoom, voices };
}

function frames(m: InstanceType<typeof LiveMedia>, level: number, count: number): string[] {
  return Array.from({ length: count }, () => m.next(level, 20));
}

/** Lets pending promise callbacks run (the token request, the lazy import, the connection). */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('LiveMedia', () => {
  beforeEach(() => {
    MockRoom.made = [];
    MockRoom.connectResult = () => Promise.resolve();
    mockLivekit.mockReset();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('stays on the built-in transport, and makes no room, when the server has no LiveKit', async () => {
    mockLivekit.mockRejectedValue(new ApiError(409, 'LiveKit is not configured on this server'));
    const { m, changes } = media();
    m.start(() => track);
    await flush();
    expect(MockRoom.made).toHaveLength(0);
    expect(m.getTransport()).toEqual({ via: 'built-in', room: 'off', problem: null });
    expect(new Set(frames(m, 0, 100))).toEqual(new Set(['socket']));
    m.start(() => track); // asked again (the microphone restarted): still nothing
    await flush();
    expect(mockLivekit).toHaveBeenCalledTimes(1);
    expect(changes).toEqual([]);
  });

  it('does not even ask for a token when the interview says the server has no LiveKit (no 409 in the console)', async () => {
    const { m, changes } = media(false);
    m.start(() => track);
    await flush();
    expect(mockLivekit).not.toHaveBeenCalled();
    expect(MockRoom.made).toHaveLength(0);
    expect(m.getTransport()).toEqual({ via: 'built-in', room: 'off', problem: null });
    expect(changes).toEqual([]);
  });

  it('joins the room with the token and moves the audio there once the agent takes it, at a quiet moment', async () => {
    mockLivekit.mockResolvedValue(JOIN);
    const { m, voices, toRoom } = media();
    m.setMuted(true);
    m.start(() => track);
    await flush();
    const [room] = MockRoom.made;
    expect(room.join).toEqual(JOIN);
    expect(room.muted).toEqual([true]);
    expect(m.getTransport()).toMatchObject({ via: 'built-in', room: 'connected' });
    // Connected, but nobody takes the microphone yet: still the socket.
    expect(new Set(frames(m, 0, 60))).toEqual(new Set(['socket']));
    room.handlers.onCarrying?.(true);
    room.handlers.onVoices?.(new Set(['interviewer']));
    expect(voices[0].has('interviewer')).toBe(true);
    expect(frames(m, 0.8, 20).every((r) => r === 'socket')).toBe(true); // mid-sentence
    expect(toRoom).not.toHaveBeenCalled();
    frames(m, 0, 40);
    expect(m.viaRoom).toBe(true);
    expect(toRoom).toHaveBeenCalledTimes(1); // the server is told, once
    expect(m.getTransport().via).toBe('livekit');
    expect(frames(m, 0.8, 3)).toEqual(['room', 'room', 'room']);
  });

  it('brings the audio back to the socket at once when the room drops, and joins again later', async () => {
    jest.useFakeTimers();
    mockLivekit.mockResolvedValue(JOIN);
    const { m, back } = media();
    m.start(() => track);
    await flush();
    const [first] = MockRoom.made;
    first.handlers.onCarrying?.(true);
    frames(m, 0, 40);
    expect(m.viaRoom).toBe(true);

    first.status('failed', 'The audio room closed the connection.');
    expect(back).toHaveBeenCalledTimes(1);
    expect(first.closed).toBe(true);
    expect(m.getTransport()).toEqual({
      via: 'built-in',
      room: 'failed',
      problem: 'The audio room closed the connection.',
    });
    expect(m.next(0.8, 20)).toBe('socket');

    jest.advanceTimersByTime(5_000);
    await flush();
    await flush();
    expect(mockLivekit).toHaveBeenCalledTimes(2);
    expect(MockRoom.made).toHaveLength(2);
    expect(m.getTransport().room).toBe('connected');
  });

  it('reports a room it could not join, and tries once per back-off step', async () => {
    jest.useFakeTimers();
    mockLivekit.mockResolvedValue(JOIN);
    MockRoom.connectResult = () => Promise.reject(new Error('could not establish signal connection'));
    const { m, back } = media();
    m.start(() => track);
    await flush();
    expect(m.getTransport()).toEqual({
      via: 'built-in',
      room: 'failed',
      problem: 'could not establish signal connection',
    });
    expect(back).not.toHaveBeenCalled(); // it never left the socket
    jest.advanceTimersByTime(4_999);
    await flush();
    expect(mockLivekit).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    await flush();
    await flush();
    expect(mockLivekit).toHaveBeenCalledTimes(2);
    m.close();
    jest.advanceTimersByTime(60_000);
    await flush();
    expect(mockLivekit).toHaveBeenCalledTimes(2);
  });
});
