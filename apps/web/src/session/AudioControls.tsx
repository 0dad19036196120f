import './AudioControls.css';
import type { MicState } from '../shared/audio/mic-capture';
import { describeTransport, type MediaTransport } from '../shared/audio/live-media';
import { LevelMeter, type LevelSubscribe } from '../shared/ui/LevelMeter';
import { MicControl } from '../shared/ui/MicControl';
import type { SessionStore, SessionState } from './live/session-store';
import type { RelayAudioStatus } from './live/relay-player';

interface AudioControlsProps {
  mic: MicState;
  muted: boolean;
  audio: RelayAudioStatus;
  media: MediaTransport;
  subscribeLevel: LevelSubscribe;
  subscribeRemoteLevel: LevelSubscribe;
  /** The other participant's name, for their voice's meter. */
  otherName: string;
  otherConnected: boolean;
  onToggleMute: () => void;
  onRetryMic: () => void;
  onResumeMic: () => void;
  onJoinAudio: () => void;
}

/** The audio controls wired to a session: both the console and the candidate's room use this. */
export function SessionAudioControls({
  session,
  state,
  otherName,
  otherConnected,
}: {
  session: SessionStore;
  state: SessionState;
  otherName: string;
  otherConnected: boolean;
}) {
  return (
    <AudioControls
      mic={state.mic}
      muted={state.muted}
      audio={state.audio}
      media={state.media}
      subscribeLevel={session.live.onLevel}
      subscribeRemoteLevel={session.onRemoteLevel}
      otherName={otherName}
      otherConnected={otherConnected}
      onToggleMute={() => session.live.setMuted(!state.muted)}
      onRetryMic={() => session.live.retryMic()}
      onResumeMic={() => session.live.resumeMic()}
      onJoinAudio={() => session.unlockAudio()}
    />
  );
}

/** This participant's microphone (on/mute, level, problems) and the other voice (level, "Join audio"). */
function AudioControls(props: AudioControlsProps) {
  const { mic, muted, audio } = props;
  return (
    <section className="session-audio card" aria-label="Audio">
      <div className="session-audio__side">
        <MicControl mic={mic} muted={muted} subscribeLevel={props.subscribeLevel} onToggleMute={props.onToggleMute} />
        {mic.status === 'error' && mic.problem ? (
          <p className="session-audio__problem" role="alert">
            <strong>{mic.problem.title}.</strong> {mic.problem.help}{' '}
            <button type="button" className="button button--link" onClick={props.onRetryMic}>
              Try again
            </button>
          </p>
        ) : mic.status === 'suspended' ? (
          <p className="session-audio__problem" role="alert">
            Your browser paused the microphone.{' '}
            <button type="button" className="button button--link" onClick={props.onResumeMic}>
              Turn on microphone
            </button>
          </p>
        ) : null}
      </div>

      <div className="session-audio__side">
        <div className="voice-row">
          <span className="voice-row__label">
            <SpeakerIcon />
            {props.otherConnected ? props.otherName : `${props.otherName} (not connected)`}
          </span>
          {audio === 'blocked' && (
            <button
              type="button"
              className="button button--primary button--small"
              onClick={props.onJoinAudio}
              data-testid="join-audio"
            >
              Join audio
            </button>
          )}
        </div>
        <LevelMeter
          subscribe={props.subscribeRemoteLevel}
          size="small"
          label={`${props.otherName}'s voice level`}
          testId="remote-level"
        />
        {audio === 'blocked' ? (
          <p className="session-audio__hint" role="status">
            Your browser is holding the sound back. Press Join audio to hear {props.otherName}.
          </p>
        ) : audio === 'unsupported' ? (
          <p className="session-audio__problem" role="alert">
            This browser can't play the other voice. Use a recent version of Chrome, Edge, Firefox or Safari.
          </p>
        ) : (
          <p className="session-audio__hint">Headphones keep your microphone from picking up their voice.</p>
        )}
        <p
          className="session-audio__hint"
          data-testid="audio-transport"
          data-via={props.media.via}
          data-room={props.media.room}
        >
          Audio: {describeTransport(props.media)}
        </p>
      </div>
    </section>
  );
}

function SpeakerIcon() {
  return (
    <svg className="mic-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M3.5 7.5h3l4-3.5v12l-4-3.5h-3z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
      <path
        d="M13.5 7a4 4 0 0 1 0 6M15.5 5a7 7 0 0 1 0 10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </svg>
  );
}
