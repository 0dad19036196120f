import type { ProgressSession } from '@mockroom/contracts';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import './ScoreTrendChart.css';
import { formatDateTime, score } from '../shared/format';
import {
  clamp,
  indexTicks,
  labelCapacity,
  linearScale,
  linePath,
  percentOf,
  spread,
  ticks,
  type Margins,
  type Point,
} from './chart-geometry';
import { pointTitle, SERIES, SERIES_LABELS, trendSummary, type SeriesKey } from './progress-stats';
import { useElementWidth } from './use-element-width';

// Hand-drawn SVG rather than a chart library: these charts are simple, and the bundle stays small.

const FALLBACK_WIDTH = 640;
const HEIGHT = 300;
const MARGINS: Margins = { top: 16, right: 24, bottom: 52, left: 56 };
const GRID = ticks(0, 10, 2.5);
const X_LABEL_WIDTH = 72;

const AXIS_DATE = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' });
const AXIS_DATE_WITH_YEAR = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: '2-digit' });

function axisDate(iso: string, withYear: boolean): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (withYear ? AXIS_DATE_WITH_YEAR : AXIS_DATE).format(date);
}

function yearOf(iso: string): number {
  return new Date(iso).getFullYear();
}

const interviewLink = (session: ProgressSession) => `/interviews/${encodeURIComponent(session.id)}`;

/** A small sample of a series' line for its legend entry (the same colour and dash as in the chart). */
function Swatch({ series }: { series: SeriesKey }) {
  return (
    <svg
      className="progress-legend__swatch"
      viewBox="0 0 28 12"
      width="28"
      height="12"
      aria-hidden="true"
      focusable="false"
    >
      <line className={`progress-series progress-series--${series}`} x1="1" y1="6" x2="27" y2="6" />
      <circle className={`progress-point progress-point--${series}`} cx="14" cy="6" r={series === 'overall' ? 4 : 3} />
    </svg>
  );
}

/**
 * Each score dimension and the overall score across the finished sessions, oldest first, on a 0–10 scale.
 * The legend shows and hides series; every point links to its interview; the numbers are also in a table.
 */
export function ScoreTrendChart({ sessions }: { sessions: ProgressSession[] }) {
  const frame = useRef<HTMLDivElement>(null);
  const width = Math.max(280, useElementWidth(frame, FALLBACK_WIDTH));
  const [hidden, setHidden] = useState<ReadonlySet<SeriesKey>>(() => new Set());
  const summary = useMemo(() => trendSummary(sessions), [sessions]);

  const plot = { left: MARGINS.left, right: width - MARGINS.right, top: MARGINS.top, bottom: HEIGHT - MARGINS.bottom };
  const y = linearScale([0, 10], [plot.bottom, plot.top]);
  const xs = spread(sessions.length, plot.left + 12, plot.right - 12);
  const labelled = indexTicks(sessions.length, labelCapacity(plot.right - plot.left, X_LABEL_WIDTH));
  const withYear = sessions.length > 0 && yearOf(sessions[0].at) !== yearOf(sessions[sessions.length - 1].at);
  const visible = SERIES.filter((key) => !hidden.has(key));
  const pointsOf = (key: SeriesKey): Point[] =>
    sessions.map((session, index) => ({ x: xs[index], y: y(clamp(session.scores[key], 0, 10)) }));

  function toggle(key: SeriesKey) {
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  return (
    <div className="progress-chart">
      <div className="progress-legend" role="group" aria-label="Show or hide scores">
        {SERIES.map((key) => (
          <button
            key={key}
            type="button"
            className={`progress-legend__item${key === 'overall' ? ' progress-legend__item--overall' : ''}`}
            aria-pressed={!hidden.has(key)}
            onClick={() => toggle(key)}
          >
            <Swatch series={key} />
            {SERIES_LABELS[key]}
          </button>
        ))}
      </div>

      <div className="progress-chart__frame" ref={frame}>
        <svg
          className="progress-chart__svg"
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={summary}
          data-testid="progress-chart"
        >
          <g className="progress-chart__grid">
            {GRID.map((tick) => (
              <g key={tick}>
                <line
                  x1={plot.left}
                  x2={plot.right}
                  y1={y(tick)}
                  y2={y(tick)}
                  className={tick === 0 ? 'progress-chart__baseline' : undefined}
                />
                <text x={plot.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" className="progress-chart__tick">
                  {tick}
                </text>
              </g>
            ))}
          </g>

          <g className="progress-chart__x-axis">
            {labelled.map((index) => (
              <g key={sessions[index].id}>
                <line
                  x1={xs[index]}
                  x2={xs[index]}
                  y1={plot.bottom}
                  y2={plot.bottom + 5}
                  className="progress-chart__tick-mark"
                />
                <text x={xs[index]} y={plot.bottom + 19} textAnchor="middle" className="progress-chart__tick">
                  {axisDate(sessions[index].at, withYear)}
                </text>
              </g>
            ))}
          </g>

          <text
            className="progress-chart__axis-title"
            transform={`translate(16 ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            Score (0–10)
          </text>
          <text
            className="progress-chart__axis-title"
            x={(plot.left + plot.right) / 2}
            y={HEIGHT - 6}
            textAnchor="middle"
          >
            Session date
          </text>

          {visible.map((key) => {
            const points = pointsOf(key);
            return (
              <g key={key} className={`progress-chart__series progress-chart__series--${key}`}>
                {points.length > 1 && (
                  <path d={linePath(points)} className={`progress-series progress-series--${key}`} />
                )}
                {points.map((point, index) => (
                  <circle
                    key={sessions[index].id}
                    cx={point.x}
                    cy={point.y}
                    r={key === 'overall' ? 5 : 3.5}
                    className={`progress-point progress-point--${key}`}
                  />
                ))}
              </g>
            );
          })}
        </svg>

        {/* Pointer targets over the points: the chart itself is one image; keyboard and screen-reader users get the table's links. */}
        <div className="progress-chart__hotspots" aria-hidden="true">
          {visible.flatMap((key) =>
            pointsOf(key).map((point, index) => {
              const session = sessions[index];
              return (
                <Link
                  key={`${key}-${session.id}`}
                  to={interviewLink(session)}
                  tabIndex={-1}
                  className={`progress-chart__hotspot progress-chart__hotspot--${key}`}
                  style={percentOf(point, width, HEIGHT)}
                  title={pointTitle(session, key)}
                />
              );
            }),
          )}
        </div>
      </div>

      {visible.length === 0 && (
        <p className="progress-chart__note">Every score is hidden. Choose one above to show it.</p>
      )}

      <details className="progress-chart__data">
        <summary>Show the scores as a table</summary>
        <div className="progress-table__scroll">
          <table className="progress-table">
            <caption className="visually-hidden">Scores per session, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Session</th>
                {SERIES.map((key) => (
                  <th key={key} scope="col" className="progress-table__numeric">
                    {SERIES_LABELS[key]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td className="progress-table__date">
                    <time dateTime={session.at}>{formatDateTime(session.at)}</time>
                  </td>
                  <th scope="row">
                    <Link to={interviewLink(session)}>{session.title}</Link>
                  </th>
                  {SERIES.map((key) => (
                    <td
                      key={key}
                      className={`progress-table__numeric${key === 'overall' ? ' progress-table__overall' : ''}`}
                    >
                      {score(session.scores[key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
