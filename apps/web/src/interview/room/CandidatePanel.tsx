import type { TurnPhase, VoiceActivity } from '@mockroom/contracts';
import { useEffect, useState } from 'react';
import type { MicState } from '../audio/mic-capture';
import { LevelMeter, type LevelSubscribe } from '../LevelMeter';
import { AnswerTimer } from './AnswerTimer';
import { StillListening } from './StillListening';

interface CandidatePanelProps {
  subscribeLevel: LevelSubscribe;
  mic: MicState;
  muted: boolean;
  phase: TurnPhase;
  started: boolean;
  answerStartedAt: number | null;
  activity: VoiceActivity | null;
  activityAt: number;
  silenceMs: number;
  canFinish: boolean;
  doneSent: boolean;
  onToggleMute: () => void;
  onDone: () => void;
  onRetryMic: () => void;
  onResumeMic: () => void;
}

const PHASE_TEXT: Record<TurnPhase, string> = {
  waiting: 'Waiting to start',
  prompting: 'The interviewer is asking',
  listening: 'Your turn: answer out loud',
  thinking: 'The interviewer is considering your answer',
  done: 'The interview is wrapping up',
};

/** "You're muted" when the candidate talks into a muted microphone. */
function MutedWhileTalking({ subscribe, muted }: { subscribe: LevelSubscribe; muted: boolean }) {
  const [talking, setTalking] = useState(false);
  useEffect(() => {
    if (!muted) {
      setTalking(false);
      return;
    }
    let loud = 0;
    let shown = false;
    return subscribe((_level, raw) => {
      loud = raw > 0.45 ? Math.min(loud + 1, 50) : Math.max(loud - 1, 0);
      const next = loud > 10 || (shown && loud > 0);
      if (next !== shown) {
        shown = next;
        setTalking(next);
      }
    });
  }, [subscribe, muted]);
  if (!talking) return null;
  return <span className="candidate-panel__muted-hint">You're muted: unmute to be heard.</span>;
}

/** The candidate's side: microphone, mute, the answer's timer and pause cue, and "I'm done". */
export function CandidatePanel(props: CandidatePanelProps) {
  const { mic, muted, phase, activity } = props;
  const listening = phase === 'listening';
  const showCue = listening && activity !== null && !activity.speaking && activity.answerEndsInMs !== null;

  return (
    <section className="candidate-panel card" aria-label="Your microphone and answer">
      <div className="candidate-panel__mic">
        <div className="candidate-panel__mic-top">
          <span className="candidate-panel__label">
            <MicIcon muted={muted || mic.status === 'error'} />
            {micLabel(mic, muted)}
          </span>
          <button type="button" className="button button--secondary button--small candidate-panel__mute" onClick={props.onToggleMute}>
            {muted ? 'Unmute' : 'Mute'}
          </button>
        </div>
        <LevelMeter subscribe={props.subscribeLevel} muted={muted} size="small" label="Your microphone level" testId="mic-level" />
        <div className="candidate-panel__mic-note">
          {mic.status === 'error' && mic.problem ? (
            <span className="candidate-panel__problem" role="alert">
              <strong>{mic.problem.title}.</strong> {mic.problem.help}{' '}
              <button type="button" className="button button--link" onClick={props.onRetryMic}>
                Try again
              </button>
            </span>
          ) : mic.status === 'suspended' ? (
            <span className="candidate-panel__problem" role="alert">
              Your browser paused the microphone.{' '}
              <button type="button" className="button button--link" onClick={props.onResumeMic}>
                Turn on microphone
              </button>
            </span>
          ) : (
            <MutedWhileTalking subscribe={props.subscribeLevel} muted={muted} />
          )}
        </div>
      </div>

      <div className="candidate-panel__turn">
        <p className="candidate-panel__phase">
          <span className={`phase-dot phase-dot--${phase}`} aria-hidden="true" />
          <span className="phase-code" data-testid="turn-phase">
            {phase}
          </span>
          <span className="candidate-panel__phase-text">{props.started ? PHASE_TEXT[phase] : 'Press Start when you are ready'}</span>
        </p>
        <p className="candidate-panel__timer">
          <span className="candidate-panel__timer-label">This answer</span>
          <AnswerTimer startedAt={listening ? props.answerStartedAt : null} />
        </p>
        <div className="candidate-panel__cue">
          {showCue && activity && <StillListening activity={activity} receivedAt={props.activityAt} silenceMs={props.silenceMs} />}
        </div>
      </div>

      <div className="candidate-panel__done">
        <button
          type="button"
          className="button button--primary button--large candidate-panel__done-button"
          onClick={props.onDone}
          disabled={!props.canFinish}
          aria-keyshortcuts="Enter"
        >
          I'm done
        </button>
        <span className="candidate-panel__shortcut">
          {props.doneSent && listening ? (
            'Finishing your answer…'
          ) : (
            <>
              or press <kbd>Enter</kbd>
            </>
          )}
        </span>
      </div>
    </section>
  );
}

function micLabel(mic: MicState, muted: boolean): string {
  if (mic.status === 'error') return 'Microphone off';
  if (mic.status === 'starting' || mic.status === 'idle') return 'Starting microphone…';
  if (mic.status === 'suspended') return 'Microphone paused';
  if (mic.status === 'stopped') return 'Microphone off';
  return muted ? 'Muted' : 'Microphone on';
}

function MicIcon({ muted }: { muted: boolean }) {
  return (
    <svg className="mic-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="7" y="2.5" width="6" height="10" rx="3" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M4.5 9.5a5.5 5.5 0 0 0 11 0M10 15v2.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      {muted && <path d="M3.5 3.5l13 13" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />}
    </svg>
  );
}
