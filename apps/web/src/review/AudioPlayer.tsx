import type { ReviewAudio, Speaker } from '@mockroom/contracts';
import { useEffect, useId, useRef } from 'react';
import './AudioPlayer.css';
import { clock } from '../shared/format';
import type { Playback } from './playback';
import { usePlaybackState } from './use-playback';
import { Waveform } from './Waveform';

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;
const SKIP_MS = 10_000;

interface AudioPlayerProps {
  audio: ReviewAudio;
  playback: Playback;
  labels: Record<Speaker, string>;
  markers: { index: number; atMs: number }[];
}

/** The session's recording: play and pause, skip, speed, and the waveform to see and seek through it. */
export function AudioPlayer({ audio, playback, labels, markers }: AudioPlayerProps) {
  const element = useRef<HTMLAudioElement>(null);
  const speedId = useId();
  const state = usePlaybackState(playback);

  useEffect(() => {
    const media = element.current;
    if (!media) return;
    return playback.attach(media);
  }, [playback, audio.url]);

  useEffect(() => playback.setKnownDuration(audio.durationMs), [playback, audio.durationMs]);

  const { positionMs, durationMs, playing, rate, failed } = state;
  return (
    <div
      className="review-player card"
      data-testid="player"
      data-position-ms={Math.round(positionMs)}
      data-playing={playing}
    >
      <audio ref={element} preload="metadata" src={audio.url} data-testid="review-audio" />
      <div className="review-player__controls">
        <button
          type="button"
          className="review-player__play"
          aria-label={playing ? 'Pause' : 'Play'}
          onClick={() => playback.toggle()}
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        <button
          type="button"
          className="button button--ghost button--small review-player__skip"
          aria-label="Back 10 seconds"
          onClick={() => playback.skip(-SKIP_MS)}
        >
          <SkipIcon direction="back" />
        </button>
        <button
          type="button"
          className="button button--ghost button--small review-player__skip"
          aria-label="Forward 10 seconds"
          onClick={() => playback.skip(SKIP_MS)}
        >
          <SkipIcon direction="forward" />
        </button>
        <p className="review-player__time">
          <span className="visually-hidden">Position </span>
          <span data-testid="player-position">{clock(positionMs)}</span>
          <span aria-hidden="true"> / </span>
          <span className="visually-hidden"> of </span>
          <span>{clock(durationMs)}</span>
        </p>
        <div className="review-player__speed">
          <label htmlFor={speedId}>Speed</label>
          <select
            id={speedId}
            className="select select--small"
            value={String(rate)}
            onChange={(event) => playback.setRate(Number(event.target.value))}
          >
            {SPEEDS.map((speed) => (
              <option key={speed} value={String(speed)}>
                {speed}×
              </option>
            ))}
          </select>
        </div>
      </div>
      <Waveform
        peaks={audio.peaks}
        bucketMs={audio.bucketMs}
        durationMs={durationMs}
        positionMs={positionMs}
        markers={markers}
        onSeek={(ms) => playback.seek(ms)}
      />
      <ul className="review-legend" aria-label="Waveform colours">
        <li>
          <span className="review-legend__swatch review-legend__swatch--candidate" aria-hidden="true" />
          {labels.candidate}
          <span className="review-legend__where"> (above the line)</span>
        </li>
        <li>
          <span className="review-legend__swatch review-legend__swatch--interviewer" aria-hidden="true" />
          {labels.interviewer}
          <span className="review-legend__where"> (below the line)</span>
        </li>
      </ul>
      {failed && (
        <p className="form-alert review-player__error" role="alert">
          The recording couldn't be played here.{' '}
          <a href={audio.url} download>
            Download the recording
          </a>{' '}
          to listen to it.
        </p>
      )}
    </div>
  );
}

function PlayIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d="M8 5.5v13l10.5-6.5z" fill="currentColor" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" fill="currentColor" />
    </svg>
  );
}

function SkipIcon({ direction }: { direction: 'back' | 'forward' }) {
  const arrow = direction === 'back' ? 'M4 12a8 8 0 1 0 2.3-5.6M4 4v3.5h3.5' : 'M20 12a8 8 0 1 1-2.3-5.6M20 4v3.5h-3.5';
  return (
    <span className="review-player__skip-icon">
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          d={arrow}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span aria-hidden="true">10</span>
    </span>
  );
}
