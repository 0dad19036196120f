import type { InterviewStatus, Prompt, TurnState } from '@mockroom/contracts';
import './InterviewerPanel.css';
import { Spinner } from '../../shared/ui/Spinner';
import { promptKindLabel } from '../../shared/format';
import type { PlaybackState } from '../live/prompt-player';

interface InterviewerPanelProps {
  status: InterviewStatus;
  turn: TurnState;
  prompt: Prompt | null;
  playback: PlaybackState;
  waitingForAudio: boolean;
  wrappingUp: boolean;
  canAct: boolean;
  starting: boolean;
  /** Why the interview cannot start as things are (no working microphone), or null. */
  startBlocked: string | null;
  onTypeInstead: () => void;
  interviewerName: string;
  onStart: () => void;
  onReplay: () => void;
  onUnblock: () => void;
  onSkipAudio: () => void;
}

/** What the interviewer is doing, in a few words. */
function activityText(now: {
  speaking: boolean;
  wrappingUp: boolean;
  waitingForAudio: boolean;
  phase: TurnState['phase'];
  notStarted: boolean;
}): string {
  if (now.speaking) return 'Speaking';
  if (now.wrappingUp) return 'Preparing your summary…';
  if (now.waitingForAudio) return 'Getting ready to speak…';
  if (now.notStarted) return 'Ready when you are';
  switch (now.phase) {
    case 'thinking':
      return 'Thinking…';
    case 'listening':
      return 'Listening';
    case 'done':
      return 'Wrapping up…';
    default:
      return 'Waiting';
  }
}

function Waveform({ active }: { active: boolean }) {
  return (
    <span className={`waveform${active ? ' waveform--active' : ''}`} aria-hidden="true">
      <span />
      <span />
      <span />
      <span />
      <span />
    </span>
  );
}

/** What the interviewer is saying: the prompt in large type, whether it is being spoken, and a way to hear it again. */
export function InterviewerPanel(props: InterviewerPanelProps) {
  const { status, turn, prompt, playback, waitingForAudio, wrappingUp, canAct, starting, interviewerName } = props;
  const speaking = playback.status === 'playing' && prompt !== null && playback.seq === prompt.seq;
  const blocked = playback.status === 'blocked';
  const notStarted = status === 'created';

  const activity = activityText({ speaking, wrappingUp, waitingForAudio, phase: turn.phase, notStarted });

  return (
    <section className="interviewer-panel card" aria-labelledby="interviewer-heading">
      <div className="interviewer-panel__top">
        <h2 id="interviewer-heading" className="interviewer-panel__who">
          <span className="interviewer-panel__avatar" aria-hidden="true">
            AI
          </span>
          <span>
            <span className="interviewer-panel__name">{interviewerName}</span>
            <span className="interviewer-panel__activity">
              <Waveform active={speaking} />
              {activity}
              {(turn.phase === 'thinking' || turn.phase === 'done' || waitingForAudio || wrappingUp) && !speaking && (
                <Spinner size="small" />
              )}
            </span>
          </span>
        </h2>
        {prompt && (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={props.onReplay}
            disabled={speaking}
          >
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
              <path
                d="M4 10a6 6 0 1 0 2-4.5M4 3v3.5h3.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
            Replay
          </button>
        )}
      </div>

      {notStarted ? (
        <div className="interviewer-panel__start">
          <p className="interviewer-panel__kind">Before you start</p>
          <p className="interviewer-panel__intro">
            The interviewer asks {turn.questionCount === 1 ? 'one question' : `${turn.questionCount} questions`} out
            loud and may follow up. Answer in your own words; when you've finished, press <kbd>Enter</kbd> or “I'm
            done”, or simply pause.
          </p>
          <button
            type="button"
            className="button button--primary button--large"
            onClick={props.onStart}
            disabled={!canAct || starting || props.startBlocked !== null}
          >
            {starting && <Spinner size="small" />}
            Start interview
          </button>
          {props.startBlocked ? (
            <p className="interviewer-panel__hint" role="alert" data-testid="start-blocked">
              {props.startBlocked}{' '}
              <button type="button" className="button button--link" onClick={props.onTypeInstead}>
                Type my answers
              </button>
            </p>
          ) : (
            !canAct && <p className="interviewer-panel__hint">Connecting to the interview…</p>
          )}
        </div>
      ) : (
        <div className="interviewer-panel__prompt">
          <p className="interviewer-panel__kind" data-testid="prompt-kind">
            {prompt ? promptKindLabel(prompt.kind, prompt.questionIndex, turn.questionCount) : 'Interviewer'}
          </p>
          {prompt?.lead && (
            <p className="interviewer-panel__lead" data-testid="prompt-lead">
              {prompt.lead}
            </p>
          )}
          <p className="interviewer-panel__text" data-testid="prompt-text">
            {prompt?.text ?? 'The interviewer is about to start…'}
          </p>
        </div>
      )}

      {blocked && (
        <div className="interviewer-panel__notice" role="alert">
          <p>Your browser paused the interviewer's voice until you click.</p>
          <div className="interviewer-panel__notice-actions">
            <button type="button" className="button button--primary button--small" onClick={props.onUnblock}>
              Play the question
            </button>
            <button type="button" className="button button--ghost button--small" onClick={props.onSkipAudio}>
              I've read it
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
