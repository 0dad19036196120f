/**
 * Speech analytics from the recogniser's timed segments: pace, talk time, fillers, long pauses,
 * hedging and the most-used words. Always computed locally, whichever engine scores the answer.
 */
import { analyze, type TextAnalysis } from '../text/analyze';
import { HEDGE_PHRASES, STOP_WORDS, TOP_WORD_EXCLUDE } from '../text/lexicon';
import type { SpeechAnalytics, TimedSegment } from '../types';

/** A gap between segments at least this long is a long pause. */
export const LONG_PAUSE_MS = 2_000;
export const TOP_WORDS = 5;

const HEDGES = HEDGE_PHRASES.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);

/** Hedging phrases in a text, longest match first ("i'm not sure" is not also counted as "not sure"). */
export function countHedges(analysis: TextAnalysis): { phrase: string; count: number }[] {
  const counts = new Map<string, number>();
  const words = analysis.tokens.map((t) => t.lower);
  for (let i = 0; i < words.length; i++) {
    for (const phrase of HEDGES) {
      if (i + phrase.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < phrase.length && ok; k++) if (words[i + k] !== phrase[k]) ok = false;
      if (!ok) continue;
      const key = phrase.join(' ').replace(/^im /, "i'm ");
      counts.set(key, (counts.get(key) ?? 0) + 1);
      i += phrase.length - 1;
      break;
    }
  }
  return sortCounts(counts, (phrase, count) => ({ phrase, count }));
}

export function topWords(analysis: TextAnalysis, n = TOP_WORDS): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of analysis.tokens) {
    if (
      t.isFiller ||
      STOP_WORDS.has(t.lower) ||
      TOP_WORD_EXCLUDE.has(t.lower) ||
      t.lower.length < 3 ||
      /^\d/.test(t.lower)
    )
      continue;
    counts.set(t.lower, (counts.get(t.lower) ?? 0) + 1);
  }
  return sortCounts(counts, (word, count) => ({ word, count })).slice(0, n);
}

function sortCounts<T>(counts: Map<string, number>, make: (key: string, count: number) => T): T[] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, c]) => make(k, c));
}

/** Total time covered by segments (overlaps counted once). */
export function talkTime(segments: readonly TimedSegment[]): number {
  const sorted = [...segments].filter((s) => s.endMs > s.startMs).sort((a, b) => a.startMs - b.startMs);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const s of sorted) {
    if (s.startMs > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = s.startMs;
      curEnd = s.endMs;
    } else if (s.endMs > curEnd) {
      curEnd = s.endMs;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/** Gaps of at least `LONG_PAUSE_MS` between the end of speech and the next segment. */
export function longPauses(
  segments: readonly TimedSegment[],
  minMs = LONG_PAUSE_MS,
): { startMs: number; durationMs: number }[] {
  const sorted = [...segments].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const out: { startMs: number; durationMs: number }[] = [];
  let lastEnd: number | null = null;
  for (const s of sorted) {
    if (lastEnd !== null && s.startMs - lastEnd >= minMs)
      out.push({ startMs: lastEnd, durationMs: s.startMs - lastEnd });
    lastEnd = lastEnd === null ? s.endMs : Math.max(lastEnd, s.endMs);
  }
  return out;
}

/**
 * Analytics for an answer. The words are the transcript's (falling back to the segments' text when the
 * transcript is empty); timing comes from the segments. Null without segments: pace and pauses need timing.
 */
export function speechAnalytics(
  transcript: string,
  segments: readonly TimedSegment[] | undefined,
  analysis?: TextAnalysis,
): SpeechAnalytics | null {
  if (!segments || segments.length === 0) return null;
  const text = transcript.trim().length > 0 ? transcript : segments.map((s) => s.text).join(' ');
  const a = analysis && analysis.text === text ? analysis : analyze(text);
  const talkTimeMs = talkTime(segments);
  const spokenWords = a.tokens.length;
  const wordsPerMinute = talkTimeMs > 0 ? Math.round((spokenWords / (talkTimeMs / 60_000)) * 10) / 10 : 0;
  return {
    wordsPerMinute,
    talkTimeMs,
    fillerCount: a.fillerCount,
    fillers: sortCounts(a.fillers, (word, count) => ({ word, count })),
    longPauses: longPauses(segments),
    hedges: countHedges(a),
    topWords: topWords(a),
  };
}
