import { useId } from 'react';
import { fraction, mmss, runTitle, STEP_MS, type Span, type Tick } from './replay';

const GLYPHS = { passed: '✓', failed: '✗', pending: '…' } as const;

interface ReplayTimelineProps {
  span: Span;
  ticks: Tick[];
  atMs: number;
  /** The run shown at this moment (its tick stands out). */
  currentRunId: string | null;
  onMove: (ms: number) => void;
}

const percent = (offset: number) => `${(offset * 100).toFixed(3)}%`;

/** The question's coding time: snapshots as small ticks, runs as ✓/✗ marks to jump to, and the slider. */
export function ReplayTimeline({ span, ticks, atMs, currentRunId, onMove }: ReplayTimelineProps) {
  const sliderId = useId();
  const runs = ticks.filter((tick) => tick.run !== null);
  return (
    <div className="code-replay__timeline">
      <div className="code-replay__position">
        <label htmlFor={sliderId} className="code-replay__label">
          Code at
        </label>
        <span className="code-replay__time" data-testid="code-replay-time">
          {mmss(atMs)}
        </span>
      </div>
      {runs.length > 0 && (
        <ol className="code-replay__runs" aria-label="Runs">
          {runs.map(({ run, kind, offset }) =>
            run ? (
              <li key={run.id} className="code-replay__run-mark" style={{ left: percent(offset) }}>
                <button
                  type="button"
                  className={`code-replay__run-tick code-replay__run-tick--${kind}`}
                  title={runTitle(run)}
                  aria-label={runTitle(run)}
                  aria-current={run.id === currentRunId ? 'true' : undefined}
                  data-testid="code-replay-tick"
                  data-run-id={run.id}
                  onClick={() => onMove(run.atMs)}
                >
                  <span aria-hidden="true">{GLYPHS[kind as keyof typeof GLYPHS]}</span>
                </button>
              </li>
            ) : null,
          )}
        </ol>
      )}
      <div className="code-replay__track-box">
        <div className="code-replay__track" aria-hidden="true">
          <span className="code-replay__played" style={{ width: percent(fraction(atMs, span)) }} />
          {ticks.map((tick, i) => (
            <span
              key={i}
              className={`code-replay__tick code-replay__tick--${tick.kind}`}
              style={{ left: percent(tick.offset) }}
            />
          ))}
        </div>
        <input
          id={sliderId}
          type="range"
          className="code-replay__slider"
          min={span.startMs}
          max={span.endMs}
          step={STEP_MS}
          value={Math.min(span.endMs, Math.max(span.startMs, atMs))}
          aria-valuetext={mmss(atMs)}
          data-testid="code-replay-slider"
          onChange={(event) => onMove(Number(event.target.value))}
        />
      </div>
      <div className="code-replay__scale" aria-hidden="true">
        <span>{mmss(span.startMs)}</span>
        <span>{mmss(span.endMs)}</span>
      </div>
    </div>
  );
}
