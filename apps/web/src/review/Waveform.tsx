import type { Speaker } from '@mockroom/contracts';
import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import './Waveform.css';
import { clock, spokenDuration } from '../shared/format';
import { barsPath, peakScale, resamplePeaks, seekKeyTarget, timeAtX } from './waveform-math';

interface WaveformProps {
  peaks: Record<Speaker, number[]>;
  bucketMs: number;
  durationMs: number;
  positionMs: number;
  /** Where each question starts, drawn as small ticks. */
  markers: { index: number; atMs: number }[];
  onSeek: (ms: number) => void;
}

/** Pixels per bar: the waveform is resampled to fit its width. */
const BAR_PX = 3;
const HEIGHT = 100;
const BASELINE = HEIGHT / 2;
const MAX_BAR = BASELINE - 2;

/**
 * The whole session's levels, the candidate's voice above the line and the interviewer's below; the part already
 * played is drawn strongly. It is the player's seek slider: click or drag to move, arrows step 5 s, Home and End jump.
 */
export function Waveform({ peaks, bucketMs, durationMs, positionMs, markers, onSeek }: WaveformProps) {
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const [width, setWidth] = useState(720);

  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const seekTo = (clientX: number) => {
    const element = box.current;
    if (!element) return;
    const rect = element.getBoundingClientRect();
    onSeek(timeAtX(clientX - rect.left, rect.width, durationMs));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || durationMs <= 0) return;
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    event.preventDefault();
    seekTo(event.clientX);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) seekTo(event.clientX);
  };
  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = seekKeyTarget(event.key, positionMs, durationMs);
    if (target === null) return;
    event.preventDefault();
    onSeek(target);
  };

  const position = Math.min(Math.max(0, positionMs), durationMs);
  const seconds = Math.floor(position / 1000);
  const total = Math.floor(durationMs / 1000);
  return (
    <div className="waveform-box">
      <div
        ref={box}
        className="review-waveform"
        data-testid="waveform"
        role="slider"
        tabIndex={0}
        aria-label="Position in the recording"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={seconds}
        aria-valuetext={`${spokenDuration(position)} of ${spokenDuration(durationMs)}`}
        aria-orientation="horizontal"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onLostPointerCapture={() => {
          dragging.current = false;
        }}
        onKeyDown={onKeyDown}
      >
        <WaveformDrawing
          peaks={peaks}
          bucketMs={bucketMs}
          durationMs={durationMs}
          positionMs={position}
          columns={Math.floor(width / BAR_PX)}
        />
        {durationMs > 0 &&
          markers.map((marker) => (
            <span
              key={marker.index}
              className="review-waveform__marker"
              style={{ left: `${(Math.min(marker.atMs, durationMs) / durationMs) * 100}%` }}
              aria-hidden="true"
            >
              Q{marker.index + 1}
            </span>
          ))}
      </div>
      <div className="review-waveform__scale" aria-hidden="true">
        <span>{clock(0)}</span>
        <span>{clock(durationMs)}</span>
      </div>
    </div>
  );
}

interface DrawingProps {
  peaks: Record<Speaker, number[]>;
  bucketMs: number;
  durationMs: number;
  positionMs: number;
  columns: number;
}

/** The drawing itself, on the recording's clock (one x unit is one millisecond, stretched to the width). */
const WaveformDrawing = memo(function WaveformDrawing({
  peaks,
  bucketMs,
  durationMs,
  positionMs,
  columns,
}: DrawingProps) {
  const clipId = `waveform-played-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const paths = useMemo(() => {
    const candidate = resamplePeaks(peaks.candidate ?? [], columns);
    const interviewer = resamplePeaks(peaks.interviewer ?? [], columns);
    const buckets = Math.max(peaks.candidate?.length ?? 0, peaks.interviewer?.length ?? 0);
    const columnMs = buckets > 0 ? (buckets * bucketMs) / Math.max(candidate.length, interviewer.length, 1) : 0;
    const scale = peakScale(candidate, interviewer);
    return {
      candidate: barsPath(candidate, columnMs, BASELINE - 1, MAX_BAR, 1, scale),
      interviewer: barsPath(interviewer, columnMs, BASELINE + 1, MAX_BAR, -1, scale),
    };
  }, [peaks, bucketMs, columns]);

  const width = Math.max(1, durationMs);
  return (
    <svg
      className="review-waveform__svg"
      viewBox={`0 0 ${width} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <clipPath id={clipId}>
          <rect x="0" y="0" width={positionMs} height={HEIGHT} />
        </clipPath>
      </defs>
      <rect className="review-waveform__played-bg" x="0" y="0" width={positionMs} height={HEIGHT} />
      <line
        className="review-waveform__baseline"
        x1="0"
        x2={width}
        y1={BASELINE}
        y2={BASELINE}
        vectorEffect="non-scaling-stroke"
      />
      <g className="review-waveform__rest">
        <path className="review-waveform__candidate" d={paths.candidate} />
        <path className="review-waveform__interviewer" d={paths.interviewer} />
      </g>
      <g className="review-waveform__played" clipPath={`url(#${clipId})`}>
        <path className="review-waveform__candidate" d={paths.candidate} />
        <path className="review-waveform__interviewer" d={paths.interviewer} />
      </g>
      <line
        className="review-waveform__playhead"
        x1={positionMs}
        x2={positionMs}
        y1="0"
        y2={HEIGHT}
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
});
