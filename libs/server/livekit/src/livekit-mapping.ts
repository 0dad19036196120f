import {
  EgressStatus,
  ParticipantInfo_State,
  TrackSource,
  TrackType,
  type EgressInfo,
  type ParticipantInfo,
} from 'livekit-server-sdk';
import { type LiveKitRole, roleOf } from './livekit-roles';

/** Conversions from LiveKit's protobuf objects (bigint timestamps, numeric enums) to plain values. */

export type EgressState =
  'starting' | 'active' | 'ending' | 'complete' | 'failed' | 'aborted' | 'limit_reached' | 'unknown';

const EGRESS_STATES: Record<number, EgressState> = {
  [EgressStatus.EGRESS_STARTING]: 'starting',
  [EgressStatus.EGRESS_ACTIVE]: 'active',
  [EgressStatus.EGRESS_ENDING]: 'ending',
  [EgressStatus.EGRESS_COMPLETE]: 'complete',
  [EgressStatus.EGRESS_FAILED]: 'failed',
  [EgressStatus.EGRESS_ABORTED]: 'aborted',
  [EgressStatus.EGRESS_LIMIT_REACHED]: 'limit_reached',
};

export function egressState(status: EgressStatus): EgressState {
  return EGRESS_STATES[status] ?? 'unknown';
}

export type ParticipantState = 'joining' | 'joined' | 'active' | 'disconnected';
const PARTICIPANT_STATES: Record<number, ParticipantState> = {
  [ParticipantInfo_State.JOINING]: 'joining',
  [ParticipantInfo_State.JOINED]: 'joined',
  [ParticipantInfo_State.ACTIVE]: 'active',
  [ParticipantInfo_State.DISCONNECTED]: 'disconnected',
};

/** LiveKit's ParticipantInfo.Kind (the enum itself is not exported by the server SDK). */
export type ParticipantKind = 'standard' | 'ingress' | 'egress' | 'sip' | 'agent' | 'connector' | 'bridge' | 'unknown';
const PARTICIPANT_KINDS: Record<number, ParticipantKind> = {
  0: 'standard',
  1: 'ingress',
  2: 'egress',
  3: 'sip',
  4: 'agent',
  7: 'connector',
  8: 'bridge',
};

export type TrackSourceName = 'microphone' | 'camera' | 'screen_share' | 'screen_share_audio' | 'unknown';
const TRACK_SOURCES: Record<number, TrackSourceName> = {
  [TrackSource.MICROPHONE]: 'microphone',
  [TrackSource.CAMERA]: 'camera',
  [TrackSource.SCREEN_SHARE]: 'screen_share',
  [TrackSource.SCREEN_SHARE_AUDIO]: 'screen_share_audio',
};

export function trackSourceName(source: TrackSource): TrackSourceName {
  return TRACK_SOURCES[source] ?? 'unknown';
}

/** Seconds since the epoch (LiveKit's room and participant times); null when unset. */
export function fromSeconds(value: bigint | undefined): Date | null {
  return value ? new Date(Number(value) * 1000) : null;
}

/** Nanoseconds since the epoch (egress times); null when unset. */
export function fromNanos(value: bigint | undefined): Date | null {
  return value ? new Date(Number(value / 1_000_000n)) : null;
}

export interface LiveKitParticipant {
  sid: string;
  identity: string;
  name: string;
  /** Our role from the token's attributes/metadata; null for participants we did not mint a token for. */
  role: LiveKitRole | null;
  kind: ParticipantKind;
  state: ParticipantState;
  joinedAt: Date | null;
  /** The published microphone track, if any (what startParticipantAudioEgress records). */
  microphone: { trackSid: string; muted: boolean } | null;
}

export function toParticipant(info: ParticipantInfo): LiveKitParticipant {
  const mic = info.tracks.find((track) => track.type === TrackType.AUDIO && track.source === TrackSource.MICROPHONE);
  return {
    sid: info.sid,
    identity: info.identity,
    name: info.name,
    role: roleOf(info),
    kind: PARTICIPANT_KINDS[info.kind] ?? 'unknown',
    state: PARTICIPANT_STATES[info.state] ?? 'joining',
    joinedAt: info.joinedAtMs ? new Date(Number(info.joinedAtMs)) : fromSeconds(info.joinedAt),
    microphone: mic ? { trackSid: mic.sid, muted: mic.muted } : null,
  };
}

export interface LiveKitEgress {
  egressId: string;
  room: string;
  status: EgressState;
  startedAt: Date | null;
  endedAt: Date | null;
  /** Why the egress failed or was aborted, as LiveKit reports it; null otherwise. */
  error: string | null;
  /** The recorded file: requested path while running, final name and location once complete. */
  file: { filename: string; location: string | null; durationMs: number | null; sizeBytes: number | null } | null;
}

export function toEgress(info: EgressInfo): LiveKitEgress {
  const file = info.fileResults[0] ?? (info.result.case === 'file' ? info.result.value : undefined);
  return {
    egressId: info.egressId,
    room: info.roomName,
    status: egressState(info.status),
    startedAt: fromNanos(info.startedAt),
    endedAt: fromNanos(info.endedAt),
    error: info.error || null,
    file: file
      ? {
          filename: file.filename,
          location: file.location || null,
          durationMs: file.duration ? Number(file.duration / 1_000_000n) : null,
          sizeBytes: file.size ? Number(file.size) : null,
        }
      : null,
  };
}
