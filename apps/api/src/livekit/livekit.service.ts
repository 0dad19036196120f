import { ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import type { LiveKitJoin, MediaState, User } from '@mockroom/contracts';
import { InterviewRepository } from '@mockroom/server-database';
import { agentDispatchChannel, DEFAULT_TOKEN_TTL_SECONDS, LIVEKIT, LiveKitRooms, mintToken, type AgentDispatch, type LiveKitAppEvent, type LiveKitConfig } from '@mockroom/server-livekit';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { REDIS } from '@mockroom/server-queue';
import type IORedis from 'ioredis';
import { InterviewsService } from '../interviews/interviews.service';

const ROOM_PREFIX = 'mockroom-';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const roomName = (interviewId: string) => `${ROOM_PREFIX}${interviewId}`;

/** The interview a LiveKit room belongs to, or null for rooms that are not ours. */
export function interviewOfRoom(room: string): string | null {
  const id = room.startsWith(ROOM_PREFIX) ? room.slice(ROOM_PREFIX.length) : '';
  return UUID.test(id) ? id : null;
}

/**
 * LiveKit as the media transport: tokens for the people of an interview (behind our own authentication, with the least
 * grants their role needs), and the room's webhooks reflected in the interview's media state.
 */
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
    if (!config) throw new ConflictException('LiveKit is not configured on this server: audio goes over the built-in transport.');
    const { entity, access } = await this.interviews.findFor(user, interviewId);
    if (entity.status === 'completed' || entity.status === 'abandoned') throw new ConflictException('This interview has ended.');
    const role = access === 'candidate' ? 'candidate' : access === 'interviewer' && entity.interviewerKind === 'human' ? 'interviewer' : null;
    if (!role) throw new ConflictException('Only the people taking part in this interview can join its audio.');
    const room = roomName(entity.id);
    await this.rooms.ensureRoom(room, { emptyTimeoutSeconds: 300, maxParticipants: entity.interviewerKind === 'human' ? 2 : 1 });
    // The agent joins the room to carry its audio into the pipeline (joining twice changes nothing).
    const dispatch: AgentDispatch = { interviewId: entity.id, room };
    await this.redis.publish(agentDispatchChannel(this.app.redis.prefix), JSON.stringify(dispatch));
    const token = await mintToken({ apiKey: config.apiKey, apiSecret: config.apiSecret, room, identity: user.id, name: user.displayName, role });
    return { url: this.app.livekit?.publicUrl ?? config.url, room, identity: user.id, token, expiresAt: new Date(Date.now() + DEFAULT_TOKEN_TTL_SECONDS * 1000).toISOString() };
  }

  /** A verified webhook event: what it says about one of our rooms goes into that interview's media state. */
  async onEvent(event: LiveKitAppEvent): Promise<'applied' | 'ignored'> {
    if (event.type === 'ignored') return 'ignored';
    const interviewId = interviewOfRoom(event.room);
    if (!interviewId) return 'ignored';
    const at = (event.createdAt ?? new Date()).toISOString();
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
            [event.identity]: { ...previous, role: event.role, name: event.name, ...(joined ? { joinedAt: at, leftAt: undefined } : { leftAt: at }) },
          };
          break;
        }
        case 'track_published':
          break;
        case 'egress_ended':
          next.egress = { ...state.egress, [event.egressId]: { status: event.status, location: event.location, durationMs: event.durationMs, error: event.error, endedAt: at } };
          break;
      }
      return JSON.parse(JSON.stringify(next)) as MediaState; // drops the undefined fields
    });
    if (!updated) {
      this.logger.warn(`webhook ${event.type} for room ${event.room}: no such interview`);
      return 'ignored';
    }
    return 'applied';
  }

}
