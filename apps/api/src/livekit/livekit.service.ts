import { ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import type { LiveKitJoin, MediaState, User } from '@mockroom/contracts';
import { InterviewRepository } from '@mockroom/server-database';
import {
  agentDispatchChannel,
  DEFAULT_TOKEN_TTL_SECONDS,
  LIVEKIT,
  LiveKitRooms,
  mintToken,
  type AgentDispatch,
  type LiveKitAppEvent,
  type LiveKitConfig,
} from '@mockroom/server-livekit';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { REDIS } from '@mockroom/server-queue';
import type IORedis from 'ioredis';
import { InterviewsService } from '../interviews/interviews.service';
import { isUUID } from 'class-validator';

const ROOM_PREFIX = 'mockroom-';

export const roomName = (interviewId: string) => `${ROOM_PREFIX}${interviewId}`;

/** The interview a LiveKit room belongs to, or null for rooms that are not ours. */
export function interviewOfRoom(room: string): string | null {
  const id = room.startsWith(ROOM_PREFIX) ? room.slice(ROOM_PREFIX.length) : '';
  return isUUID(id) ? id : null;
}

/**
 * LiveKit as the media transport: tokens for the people of an interview (behind our own authentication, with the least
 * grants their role needs), and the room's webhooks reflected in the interview's media state.
 */
/** Longer than a webhook signature's life (LiveKit's tokens default to 5 minutes) and than its retries. */
const WEBHOOK_REPLAY_WINDOW_S = 15 * 60;

@Injectable()
export class LiveKitService {
  private readonly logger = new Logger(LiveKitService.name);

  constructor(
    @Inject(LIVEKIT) private readonly config: LiveKitConfig | null,
    private readonly rooms: LiveKitRooms,
    private readonly interviews: InterviewsService,
    private readonly repository: InterviewRepository,
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) private readonly app: AppConfig,
  ) {}

  async join(user: User, interviewId: string): Promise<LiveKitJoin> {
    const config = this.config;
    if (!config)
      throw new ConflictException('LiveKit is not configured on this server: audio goes over the built-in transport.');
    const { entity, access } = await this.interviews.findFor(user, interviewId);
    if (entity.status === 'completed' || entity.status === 'abandoned')
      throw new ConflictException('This interview has ended.');
    const role =
      access === 'candidate'
        ? 'candidate'
        : access === 'interviewer' && entity.interviewerKind === 'human'
          ? 'interviewer'
          : null;
    if (!role) throw new ConflictException('Only the people taking part in this interview can join its audio.');
    const room = roomName(entity.id);
    await this.rooms.ensureRoom(room, {
      emptyTimeoutSeconds: 300,
      maxParticipants: entity.interviewerKind === 'human' ? 2 : 1,
    });
    // The agent joins the room to carry its audio into the pipeline (joining twice changes nothing).
    const dispatch: AgentDispatch = {
      interviewId: entity.id,
      room,
      voice: entity.interviewerKind === 'ai' && entity.plan.voice === 'server',
    };
    await this.redis.publish(agentDispatchChannel(this.app.redis.prefix), JSON.stringify(dispatch));
    const token = await mintToken({
      apiKey: config.apiKey,
      apiSecret: config.apiSecret,
      room,
      identity: user.id,
      name: user.displayName,
      role,
    });
    return {
      url: this.app.livekit?.publicUrl ?? config.url,
      room,
      identity: user.id,
      token,
      expiresAt: new Date(Date.now() + DEFAULT_TOKEN_TTL_SECONDS * 1000).toISOString(),
    };
  }

  /** A verified webhook event: what it says about one of our rooms goes into that interview's media state. */
  /**
   * A signed webhook, once per event id: a signature stays valid for minutes, so a captured request replayed in that
   * time (or LiveKit delivering one twice) is acknowledged and changes nothing. A failure forgets the id, so LiveKit's
   * retry is applied.
   */
  async onEvent(event: LiveKitAppEvent): Promise<'applied' | 'ignored' | 'duplicate'> {
    if (!event.id) return this.apply(event);
    const key = `${this.app.redis.prefix}:livekit:webhook:${event.id}`;
    if ((await this.redis.set(key, '1', 'EX', WEBHOOK_REPLAY_WINDOW_S, 'NX')) === null) return 'duplicate';
    try {
      return await this.apply(event);
    } catch (error) {
      await this.redis.del(key).catch(() => undefined);
      throw error;
    }
  }

  private async apply(event: LiveKitAppEvent): Promise<'applied' | 'ignored'> {
    if (event.type === 'ignored') return 'ignored';
    const interviewId = interviewOfRoom(event.room);
    if (!interviewId) return 'ignored';
    const at = (event.createdAt ?? new Date()).toISOString();
    if (event.type === 'track_published') return this.recordTrack(interviewId, event, at);
    const updated = await this.repository.updateMediaState(interviewId, (state): MediaState => {
      const next: MediaState = { ...state, room: event.room };
      switch (event.type) {
        case 'room_started':
          next.roomStartedAt = at;
          delete next.roomFinishedAt;
          break;
        case 'room_finished':
          next.roomFinishedAt = at;
          break;
        case 'participant_joined':
        case 'participant_left': {
          const previous = state.participants?.[event.identity];
          const joined = event.type === 'participant_joined';
          next.participants = {
            ...state.participants,
            [event.identity]: {
              ...previous,
              role: event.role,
              name: event.name,
              ...(joined ? { joinedAt: at, leftAt: undefined } : { leftAt: at }),
            },
          };
          break;
        }
        case 'egress_ended':
          next.egress = {
            ...state.egress,
            [event.egressId]: {
              ...state.egress?.[event.egressId],
              status: event.status,
              location: event.location,
              durationMs: event.durationMs,
              error: event.error,
              endedAt: at,
            },
          };
          break;
      }
      return withoutUndefined(next);
    });
    if (!updated) {
      this.logger.warn(`webhook ${event.type} for room ${event.room}: no such interview`);
      return 'ignored';
    }
    return 'applied';
  }

  /**
   * A participant published their microphone: LiveKit egress records it to its own file (the original audio, beside
   * the recording the pipeline keeps from the agent's feed). The track is claimed under the row's lock first, so a
   * webhook delivered twice starts one recording.
   */
  private async recordTrack(
    interviewId: string,
    event: Extract<LiveKitAppEvent, { type: 'track_published' }>,
    at: string,
  ): Promise<'applied' | 'ignored'> {
    const role = event.role === 'candidate' || event.role === 'interviewer' ? event.role : null;
    if (event.source !== 'microphone' || !role) return 'ignored';
    let claimed = false;
    const updated = await this.repository.updateMediaState(interviewId, (state) => {
      if (state.tracks?.[event.trackSid]) return state;
      claimed = true;
      return {
        ...state,
        room: event.room,
        tracks: { ...state.tracks, [event.trackSid]: { identity: event.identity, role, publishedAt: at } },
      };
    });
    if (!updated) return 'ignored';
    const options = this.app.livekit;
    if (!claimed || !options?.egress) return 'applied';
    const filepath = `${options.egressPath}/${interviewId}/${role}-${event.trackSid.replace(/[^A-Za-z0-9_-]/g, '')}.ogg`;
    let started: { egressId: string; status: string } | null = null;
    let failure = '';
    try {
      started = await this.rooms.startParticipantAudioEgress(event.room, event.identity, filepath, {
        audioTrackSid: event.trackSid,
      });
    } catch (error) {
      // No egress service, or it refused: the session goes on (the pipeline keeps its own recording); say why.
      failure = (error as Error).message;
      this.logger.warn(`recording of ${role} ${event.identity} in ${event.room} not started: ${failure}`);
    }
    await this.repository.updateMediaState(interviewId, (state) => {
      const track = state.tracks?.[event.trackSid];
      if (!track) return state;
      if (!started) return { ...state, tracks: { ...state.tracks, [event.trackSid]: { ...track, error: failure } } };
      const { egressId, status } = started;
      return {
        ...state,
        tracks: { ...state.tracks, [event.trackSid]: { ...track, egressId } },
        egress: {
          ...state.egress,
          [egressId]: {
            status,
            location: null,
            durationMs: null,
            error: null,
            ...state.egress?.[egressId],
            role,
            identity: event.identity,
            startedAt: at,
          },
        },
      };
    });
    return 'applied';
  }
}

/** The state as JSON keeps it: fields set to undefined are dropped. */
function withoutUndefined(state: MediaState): MediaState {
  return JSON.parse(JSON.stringify(state)) as MediaState;
}
