import type { MicState } from '../audio/mic-capture';
import { LevelMeter, type LevelSubscribe } from './LevelMeter';
import './MicControl.css';

interface MicControlProps {
  mic: MicState;
  muted: boolean;
  subscribeLevel: LevelSubscribe;
  onToggleMute: () => void;
}

/**
 * One's own microphone as every live room shows it: its state in words, Mute/Unmute and the level. What a room says
 * about a broken or paused microphone is its own (a candidate can type instead, an interviewer cannot).
 */
export function MicControl({ mic, muted, subscribeLevel, onToggleMute }: MicControlProps) {
  const off = mic.status === 'error' || mic.status === 'stopped';
  return (
    <>
      <div className="voice-row">
        <span className="voice-row__label">
          <MicIcon muted={muted || off} />
          {micLabel(mic, muted)}
        </span>
        <button
          type="button"
          className="button button--secondary button--small mic-control__mute"
          onClick={onToggleMute}
          aria-pressed={muted}
          data-testid="mute-toggle"
        >
          {muted ? 'Unmute' : 'Mute'}
        </button>
      </div>
      <LevelMeter
        subscribe={subscribeLevel}
        muted={muted}
        size="small"
        label="Your microphone level"
        testId="mic-level"
      />
    </>
  );
}

function micLabel(mic: MicState, muted: boolean): string {
  if (mic.status === 'error' || mic.status === 'stopped') return 'Microphone off';
  if (mic.status === 'starting' || mic.status === 'idle') return 'Starting microphone…';
  if (mic.status === 'suspended') return 'Microphone paused';
  return muted ? 'Muted' : 'Microphone on';
}

function MicIcon({ muted }: { muted: boolean }) {
  return (
    <svg className="mic-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="7" y="2.5" width="6" height="10" rx="3" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path
        d="M4.5 9.5a5.5 5.5 0 0 0 11 0M10 15v2.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
      {muted && <path d="M3.5 3.5l13 13" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />}
    </svg>
  );
}
