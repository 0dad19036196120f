/** A stretch of a line's text that covers a rubric point: `text.slice(start, end)`. */
export interface HighlightSpan {
  start: number;
  end: number;
  pointId: string;
}

/** A piece of a line's text: plain (no points) or covering one or more rubric points. */
export interface TextPiece {
  text: string;
  start: number;
  end: number;
  /** The points this piece covers, in the order their spans start; empty for plain text. */
  pointIds: string[];
}

/**
 * Cuts `text` into consecutive pieces so that each piece is either plain or covered by the same set of points.
 * Spans are clipped to the text; empty, inverted or non-numeric spans are dropped. Overlapping spans split into
 * pieces that list every point covering them, and neighbouring pieces with the same points are merged, so the
 * pieces never overlap and always join up to the whole text.
 */
export function splitHighlights(text: string, spans: readonly HighlightSpan[]): TextPiece[] {
  if (text.length === 0) return [];
  const clipped = spans
    .filter((span) => !Number.isNaN(span.start) && !Number.isNaN(span.end))
    .map((span) => ({
      start: clamp(span.start, text.length),
      end: clamp(span.end, text.length),
      pointId: span.pointId,
    }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  if (clipped.length === 0) return [{ text, start: 0, end: text.length, pointIds: [] }];

  const cuts = new Set<number>([0, text.length]);
  for (const span of clipped) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);

  const pieces: TextPiece[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const start = bounds[i];
    const end = bounds[i + 1];
    const pointIds: string[] = [];
    for (const span of clipped) {
      if (span.start <= start && span.end >= end && !pointIds.includes(span.pointId)) pointIds.push(span.pointId);
    }
    const previous = pieces[pieces.length - 1];
    if (previous && sameIds(previous.pointIds, pointIds)) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    } else {
      pieces.push({ text: text.slice(start, end), start, end, pointIds });
    }
  }
  return pieces;
}

function clamp(value: number, length: number): number {
  if (!Number.isFinite(value)) return value > 0 ? length : 0;
  return Math.min(length, Math.max(0, Math.floor(value)));
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
