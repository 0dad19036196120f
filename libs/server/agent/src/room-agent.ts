import { AUDIO_FRAME_MS, AUDIO_SAMPLE_RATE } from '@mockroom/contracts';
import {
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  type AudioFrame,
  type RemoteParticipant,
  type RemoteTrack,
} from '@livekit/rtc-node';
import { AgentLink } from './agent-link';
import { ParticipantAudioPipe } from './audio-pipe';
import { InterviewerVoice } from './interviewer-voice';

/** The interviewer's voice goes into the room at LiveKit's own rate (prompts at other rates are resampled). */
const VOICE_SAMPLE_RATE = 48_000;

export interface RoomAgentOptions {
  /** LiveKit's URL and a token with the agent's grants for this interview's room. */
  livekitUrl: string;
  token: string;
  /** The API the audio goes to, and the credential for this interview. */
  apiUrl: string;
  credential: string;
  interviewId: string;
  /** Publish the AI interviewer's voice in the room (AI interviews with the server's voice). */
  voice?: boolean;
  log?: (message: string) => void;
  /** The room closed or dropped the agent for good (LiveKit ends empty rooms). */
  onDisconnected?: () => void;
}

/**
 * The agent in one interview's LiveKit room: subscribes to each participant's microphone and feeds it, with the
 * participant's role as the speaker, into the API's transcription pipeline through its own AgentLink; in an AI
 * interview it also publishes the interviewer's voice as an audio track.
 */
export class RoomAgent {
  private readonly room = new Room();
  private readonly followed = new Map<string, { link: AgentLink; stream: AudioStream }>();
  private voice: { link: AgentLink; speaker: InterviewerVoice; source: AudioSource } | null = null;
  private stopped = false;

  constructor(private readonly options: RoomAgentOptions) {}

  async start(): Promise<void> {
    this.room.on(
      RoomEvent.TrackSubscribed,
      (track: RemoteTrack, _publication: unknown, participant: RemoteParticipant) => {
        if (track.kind !== TrackKind.KIND_AUDIO) return;
        this.follow(track, participant).catch((error: Error) =>
          this.options.log?.(`audio of ${participant.identity}: ${error.message}`),
        );
      },
    );
    this.room.on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) => this.unfollow(track.sid ?? ''));
    this.room.on(RoomEvent.Disconnected, () => {
      void this.stop().catch(() => undefined);
      this.options.onDisconnected?.();
    });
    await this.room.connect(this.options.livekitUrl, this.options.token, { autoSubscribe: true, dynacast: false });
    if (this.options.voice) await this.startVoice();
  }

  private async startVoice(): Promise<void> {
    const source = new AudioSource(VOICE_SAMPLE_RATE, 1);
    const track = LocalAudioTrack.createAudioTrack('interviewer', source);
    await this.room.localParticipant!.publishTrack(
      track,
      new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE, dtx: false }),
    );
    const link = new AgentLink(this.options.apiUrl, this.options.credential, this.options.interviewId);
    const output = {
      sampleRate: VOICE_SAMPLE_RATE,
      captureFrame: (f: AudioFrame) => source.captureFrame(f),
      clearQueue: () => source.clearQueue(),
      waitForPlayout: () => source.waitForPlayout(),
    };
    const candidateHere = () =>
      [...this.room.remoteParticipants.values()].some((p) => p.attributes.role === 'candidate');
    const speaker = new InterviewerVoice(link, output, this.options.log, candidateHere);
    this.room.on(RoomEvent.ParticipantConnected, () => speaker.audienceChanged());
    this.room.on(RoomEvent.ParticipantDisconnected, () => speaker.audienceChanged());
    this.voice = { link, speaker, source };
    await speaker.start(this.options.interviewId);
    this.options.log?.('speaking as the interviewer');
  }

  private async follow(track: RemoteTrack, participant: RemoteParticipant): Promise<void> {
    const role = participant.attributes.role;
    const speaker = role === 'interviewer' ? 'interviewer' : role === 'candidate' ? 'candidate' : null;
    const sid = track.sid ?? '';
    if (!speaker || !sid || this.followed.has(sid)) return;
    const link = new AgentLink(this.options.apiUrl, this.options.credential, this.options.interviewId);
    const stream = new AudioStream(track, {
      sampleRate: AUDIO_SAMPLE_RATE,
      numChannels: 1,
      frameSizeMs: AUDIO_FRAME_MS,
    });
    this.followed.set(sid, { link, stream });
    await link.open(this.options.interviewId, speaker, `lk-${sid.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 56)}`);
    const pipe = new ParticipantAudioPipe((seq, frame) => link.send(seq, frame));
    this.options.log?.(`following ${speaker} ${participant.identity}`);
    for await (const frame of stream) pipe.push(frame);
    pipe.end();
    this.unfollow(sid);
  }

  private unfollow(sid: string): void {
    const entry = this.followed.get(sid);
    if (!entry) return;
    this.followed.delete(sid);
    entry.link.close();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const sid of [...this.followed.keys()]) this.unfollow(sid);
    if (this.voice) {
      this.voice.speaker.stop();
      this.voice.link.close();
      await this.voice.source.close();
      this.voice = null;
    }
    await this.room.disconnect();
  }
}
