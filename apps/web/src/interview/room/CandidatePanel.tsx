import type { TurnPhase, VoiceActivity } from '@mockroom/contracts';
import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { TYPED_ANSWER_MAX_CHARS } from '@mockroom/contracts';
import './CandidatePanel.css';
import { Spinner } from '../../shared/ui/Spinner';
import type { MicState } from '../../shared/audio/mic-capture';
import type { LevelSubscribe } from '../../shared/ui/LevelMeter';
import { MicControl } from '../../shared/ui/MicControl';
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
  /** Typed answers instead of the microphone. */
  typing: boolean;
  canSendText: boolean;
  sendingText: boolean;
  onTypingChange: (typing: boolean) => void;
  onSendText: (text: string) => Promise<void>;
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

/** The candidate's side: microphone, mute, the answer's timer and pause cue, and "I'm done" (or the typed answer). */
export function CandidatePanel(props: CandidatePanelProps) {
  const { mic, muted, phase, activity } = props;
  const listening = phase === 'listening';
  const showCue = listening && activity !== null && !activity.speaking && activity.answerEndsInMs !== null;

  if (props.typing) return <TypedAnswer {...props} />;

  return (
    <section className="candidate-panel card" aria-label="Your microphone and answer">
      <div className="candidate-panel__mic">
        <MicControl mic={mic} muted={muted} subscribeLevel={props.subscribeLevel} onToggleMute={props.onToggleMute} />
        <div className="candidate-panel__mic-note">
          {mic.status === 'error' && mic.problem ? (
            <span className="candidate-panel__problem" role="alert" data-testid="mic-problem">
              <strong>{mic.problem.title}.</strong> {mic.problem.help}{' '}
              <button type="button" className="button button--link" onClick={props.onRetryMic}>
                Try again
              </button>{' '}
              or{' '}
              <button type="button" className="button button--link" onClick={() => props.onTypingChange(true)}>
                type your answers instead
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
          <span className="candidate-panel__phase-text" data-testid="turn-phase" data-phase={phase}>
            {props.started ? PHASE_TEXT[phase] : 'Press Start when you are ready'}
          </span>
        </p>
        <p className="candidate-panel__timer">
          <span className="candidate-panel__timer-label">This answer</span>
          <AnswerTimer startedAt={listening ? props.answerStartedAt : null} />
        </p>
        <div className="candidate-panel__cue">
          {showCue && activity && (
            <StillListening activity={activity} receivedAt={props.activityAt} silenceMs={props.silenceMs} />
          )}
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
        <button
          type="button"
          className="button button--link candidate-panel__switch"
          onClick={() => props.onTypingChange(true)}
          data-testid="type-instead"
        >
          Type instead
        </button>
      </div>
    </section>
  );
}

const TYPED_PHASE_TEXT: Record<TurnPhase, string> = {
  ...PHASE_TEXT,
  prompting: 'The interviewer is asking: you can type while you read',
  listening: 'Your turn: type your answer',
};

/** Typed answers: for a missing or broken microphone, a noisy room, or by choice. Assessed like spoken ones. */
function TypedAnswer(props: CandidatePanelProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const hintId = useId();
  const { phase, mic } = props;
  const micBroken = mic.status === 'error';

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (!text.trim()) {
      setError('Type your answer first.');
      return;
    }
    setError(null);
    try {
      await props.onSendText(text);
      setText('');
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : "Your answer couldn't be sent.");
    }
  }

  // Ctrl+Enter (or Cmd+Enter) sends; Enter alone is a new line.
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <section
      className="candidate-panel candidate-panel--typed card"
      aria-label="Your typed answer"
      data-testid="typed-answer"
    >
      <form className="typed-answer" onSubmit={(event) => void send(event)}>
        <div className="typed-answer__top">
          <label htmlFor={fieldId} className="typed-answer__label">
            Your answer
          </label>
          <span className="candidate-panel__phase-text" data-testid="turn-phase" data-phase={phase}>
            {props.started ? TYPED_PHASE_TEXT[phase] : 'Press Start when you are ready'}
          </span>
        </div>
        <textarea
          id={fieldId}
          className="input typed-answer__field"
          value={text}
          rows={6}
          maxLength={TYPED_ANSWER_MAX_CHARS}
          placeholder="Write it as you would say it: the approach, why, and the trade-offs."
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={hintId}
          data-testid="typed-answer-field"
        />
        <div className="typed-answer__actions">
          <span id={hintId} className="candidate-panel__shortcut">
            {micBroken ? 'No working microphone: your answers are typed. ' : ''}Scored like a spoken answer. Send with{' '}
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd>.
          </span>
          {!micBroken && (
            <button type="button" className="button button--link" onClick={() => props.onTypingChange(false)}>
              Answer by voice instead
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={!props.canSendText || props.sendingText}>
            {props.sendingText && <Spinner size="small" />}
            Send answer
          </button>
        </div>
        {error && (
          <p className="form-alert" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
