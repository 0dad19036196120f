import {
  CATEGORY_LABELS,
  SCORE_DIMENSIONS,
  type AnswerScores,
  type Category,
  type CategoryProgress,
  type ProgressSession,
  type ScoreDimension,
} from '@mockroom/contracts';
import { formatDate, formatDateTime, score } from '../shared/format';

/** A line of the time chart: one of the four dimensions, or the overall score. */
export type SeriesKey = keyof AnswerScores;

/** The chart's series in drawing order: the dimensions first, the overall score last (on top). */
export const SERIES: readonly SeriesKey[] = [...SCORE_DIMENSIONS, 'overall'];

export const SERIES_LABELS: Record<SeriesKey, string> = {
  relevance: 'Relevance',
  depth: 'Depth',
  clarity: 'Clarity',
  correctness: 'Correctness',
  overall: 'Overall',
};

/** How many of the latest sessions the strongest and weakest dimensions are judged on. */
export const RECENT_SESSIONS = 5;

/** Changes smaller than this read as "no change" (they round to 0.0). */
const FLAT = 0.05;

export type Direction = 'up' | 'down' | 'flat';

export interface Change {
  /** `to - from`. */
  delta: number;
  direction: Direction;
  /** "▲ 1.2", "▼ 0.8", "– 0.0". */
  text: string;
  /** For screen readers: "up 1.2", "down 0.8", "no change". */
  spoken: string;
}

/** The change from one score to another, as shown beside it. */
export function change(from: number, to: number): Change {
  const delta = to - from;
  const direction: Direction = delta >= FLAT ? 'up' : delta <= -FLAT ? 'down' : 'flat';
  const size = score(Math.abs(delta));
  switch (direction) {
    case 'up':
      return { delta, direction, text: `▲ ${size}`, spoken: `up ${size}` };
    case 'down':
      return { delta, direction, text: `▼ ${size}`, spoken: `down ${size}` };
    default:
      return { delta, direction, text: '– 0.0', spoken: 'no change' };
  }
}

/** The mean of each score over the sessions, or null for none. */
export function meanScores(sessions: readonly ProgressSession[]): AnswerScores | null {
  if (sessions.length === 0) return null;
  const mean = (key: SeriesKey) => sessions.reduce((sum, session) => sum + session.scores[key], 0) / sessions.length;
  return {
    relevance: mean('relevance'),
    depth: mean('depth'),
    clarity: mean('clarity'),
    correctness: mean('correctness'),
    overall: mean('overall'),
  };
}

export interface DimensionMean {
  dimension: ScoreDimension;
  label: string;
  mean: number;
}

export interface Headline {
  sessions: number;
  first: number | null;
  latest: number | null;
  /** First to latest overall; null with fewer than two sessions. */
  change: Change | null;
  /** How many sessions the strongest and weakest dimensions are judged on (at most RECENT_SESSIONS). */
  recent: number;
  strongest: DimensionMean | null;
  weakest: DimensionMean | null;
  /** True when every dimension scores about the same, so neither stands out. */
  even: boolean;
}

/** The headline figures: how many sessions, first vs latest overall, strongest and weakest recent dimension. */
export function headline(sessions: readonly ProgressSession[], recentCount = RECENT_SESSIONS): Headline {
  const count = sessions.length;
  const first = count ? sessions[0].scores.overall : null;
  const latest = count ? sessions[count - 1].scores.overall : null;
  const recentSessions = sessions.slice(Math.max(0, count - recentCount));
  const means = meanScores(recentSessions);
  let strongest: DimensionMean | null = null;
  let weakest: DimensionMean | null = null;
  if (means) {
    // Ties go to the dimension listed first, so the result does not flicker between equals.
    for (const dimension of SCORE_DIMENSIONS) {
      const entry = { dimension, label: SERIES_LABELS[dimension], mean: means[dimension] };
      if (!strongest || entry.mean > strongest.mean) strongest = entry;
      if (!weakest || entry.mean < weakest.mean) weakest = entry;
    }
  }
  return {
    sessions: count,
    first,
    latest,
    change: count >= 2 && first !== null && latest !== null ? change(first, latest) : null,
    recent: recentSessions.length,
    strongest,
    weakest,
    even: strongest !== null && weakest !== null && strongest.mean - weakest.mean < FLAT,
  };
}

export interface CategoryRow {
  category: Category;
  label: string;
  answers: number;
  scores: AnswerScores;
  first: number;
  last: number;
  change: Change;
}

/** The categories weakest first (by mean overall); ties by fewer answers, then by name. */
export function rankCategories(categories: readonly CategoryProgress[]): CategoryRow[] {
  return categories
    .map((entry): CategoryRow => ({
      category: entry.category,
      label: CATEGORY_LABELS[entry.category] ?? entry.category,
      answers: entry.answers,
      scores: entry.scores,
      first: entry.first,
      last: entry.last,
      change: change(entry.first, entry.last),
    }))
    .sort(
      (a, b) => a.scores.overall - b.scores.overall || a.answers - b.answers || a.label.localeCompare(b.label, 'en'),
    );
}

/** The address of the bank filtered to a category, to practise it. */
export function practiseLink(category: Category): string {
  return `/questions?${new URLSearchParams({ category }).toString()}`;
}

function movement(label: string, from: number, to: number): string {
  const moved = change(from, to);
  if (moved.direction === 'flat') return `${label} stayed at ${score(to)}`;
  return `${label} went ${moved.direction} from ${score(from)} to ${score(to)}`;
}

/**
 * One or two sentences summing up the time chart for screen readers:
 * how many sessions, over which dates, and how each score moved from the first to the latest.
 */
export function trendSummary(sessions: readonly ProgressSession[], date: (iso: string) => string = formatDate): string {
  if (sessions.length === 0) return 'Scores over time: no scored sessions yet.';
  const first = sessions[0];
  const last = sessions[sessions.length - 1];
  if (sessions.length === 1) {
    const values = SERIES.map((key) => `${SERIES_LABELS[key].toLowerCase()} ${score(first.scores[key])}`);
    return `Scores out of 10 for 1 session on ${date(first.at)}: ${values.join(', ')}.`;
  }
  const overall = movement('Overall', first.scores.overall, last.scores.overall);
  const dimensions = SCORE_DIMENSIONS.map((key) =>
    movement(SERIES_LABELS[key].toLowerCase(), first.scores[key], last.scores[key]),
  );
  return (
    `Scores out of 10 across ${sessions.length} sessions, from ${date(first.at)} to ${date(last.at)}. ` +
    `${overall}; ${dimensions.join('; ')}.`
  );
}

/** What a point of the chart says about itself: "3 Feb 2025 · Backend mock — Depth: 6.5". */
export function pointTitle(
  session: ProgressSession,
  key: SeriesKey,
  date: (iso: string) => string = formatDateTime,
): string {
  return `${date(session.at)} · ${session.title} — ${SERIES_LABELS[key]}: ${score(session.scores[key])}`;
}
