/** A run of text on a PDF page, from pdf.js: the origin of its baseline in PDF units (y grows upwards). */
export interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PageLayout {
  /** The page's lines in reading order; blank lines between blocks (columns, paragraphs). */
  lines: string[];
  /** Whether two columns were found and read one after the other. */
  columns: boolean;
}

/** Pieces of one line close enough to be one phrase (words, or a word split by kerning). */
interface Segment {
  text: string;
  x0: number;
  x1: number;
  fontSize: number;
}

/** Everything on one baseline, left to right. */
interface Row {
  y: number;
  fontSize: number;
  segments: Segment[];
}

interface Line {
  y: number;
  fontSize: number;
  text: string;
}

interface ColumnSplit {
  gapStart: number;
  gapEnd: number;
}

/**
 * Rebuilds a page's lines from pdf.js text items: items on one baseline (give or take a third of the font size) form
 * a row, sorted by x; pieces closer than about a letter's width join into one phrase.
 *
 * Two-column layouts (a sidebar of skills beside the experience) are found from a vertical gap that the text keeps
 * clear down the page (see `findColumns`). The page is then read in bands: a line that crosses the gap (a full-width
 * header, a section title across the page) closes the band above it; within a band the left column's lines come
 * first, then the right column's, so a sentence wrapped over several lines in one column stays whole.
 */
export function layoutPage(items: PositionedText[]): PageLayout {
  const usable = items.filter(
    (item) => item.text.trim() !== '' && [item.x, item.y, item.width, item.fontSize].every(Number.isFinite),
  );
  if (usable.length === 0) return { lines: [], columns: false };
  const rows = toRows(usable);
  const split = findColumns(rows);
  if (!split) return { lines: blocksToLines([rows.map(rowToLine)]), columns: false };

  const blocks: Line[][] = [];
  let spanning: Line[] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  const flushBand = () => {
    blocks.push(left, right);
    left = [];
    right = [];
  };
  for (const row of rows) {
    if (row.segments.some((segment) => side(segment, split) === 'crossing')) {
      flushBand();
      spanning.push(rowToLine(row));
      continue;
    }
    if (spanning.length > 0) {
      blocks.push(spanning);
      spanning = [];
    }
    const leftPart = row.segments.filter((segment) => side(segment, split) === 'left');
    const rightPart = row.segments.filter((segment) => side(segment, split) === 'right');
    if (leftPart.length > 0) left.push(rowToLine({ ...row, segments: leftPart }));
    if (rightPart.length > 0) right.push(rowToLine({ ...row, segments: rightPart }));
  }
  flushBand();
  blocks.push(spanning);
  return { lines: blocksToLines(blocks), columns: true };
}

/**
 * Looks for two columns: the emptiest strip, at least about a letter wide, in the middle 70% of the text's width
 * that at most a fifth of the rows cross (full-width headers may). It counts as a gutter only if:
 * - both sides hold at least three rows, and they run alongside each other (not one block above another);
 * - each side is at least 12% of the text's width (not a margin note);
 * - it is not a table or a list of dated jobs: when (nearly) every right row shares its baseline with a left row,
 *   and every left row with a right one or the right side is narrow (right-aligned dates), reading row by row is
 *   what keeps "Languages  TypeScript, Go" and "Staff engineer  2020–2024" together.
 */
function findColumns(rows: Row[]): ColumnSplit | null {
  const segments = rows.flatMap((row) => row.segments);
  let textLeft = Infinity;
  let textRight = -Infinity;
  for (const s of segments) {
    textLeft = Math.min(textLeft, s.x0);
    textRight = Math.max(textRight, s.x1);
  }
  const span = textRight - textLeft;
  if (rows.length < 6 || span < 100) return null;

  // How many rows cover each slice of the width, in slices of about one unit (fewer on absurdly wide pages).
  const bins = Math.min(Math.ceil(span), 2000);
  const unit = span / bins;
  const delta = new Int32Array(bins + 1);
  for (const row of rows) {
    let coveredTo = -1;
    for (const s of row.segments) {
      const start = Math.max(coveredTo, Math.floor((s.x0 - textLeft) / unit));
      const end = Math.min(bins, Math.ceil((s.x1 - textLeft) / unit));
      if (end <= start) continue;
      delta[start]++;
      delta[end]--;
      coveredTo = end;
    }
  }
  const coverage = new Int32Array(bins);
  for (let b = 0, running = 0; b < bins; b++) coverage[b] = running += delta[b];

  const allowed = Math.floor(rows.length * 0.2);
  const minWidth = Math.max(8, median(segments.map((s) => s.fontSize))) / unit;
  const first = Math.floor(bins * 0.15);
  const last = Math.min(bins - 1, Math.ceil(bins * 0.85));
  // The emptiest strip wide enough: a line just poking into the gutter (a long e-mail address in the sidebar) must
  // not move the gutter's edge past it, or it would count as crossing.
  let best: { from: number; to: number } | null = null;
  for (let level = 0; level <= allowed && !best; level++) best = widestRun(coverage, first, last, level, minWidth);
  if (!best) return null;

  const split = { gapStart: textLeft + best.from * unit, gapEnd: textLeft + best.to * unit };
  const has = (row: Row, where: 'left' | 'right') => row.segments.some((s) => side(s, split) === where);
  const leftRows = rows.filter((row) => has(row, 'left'));
  const rightRows = rows.filter((row) => has(row, 'right'));
  if (leftRows.length < 3 || rightRows.length < 3) return null;

  // The two sides must run alongside each other, not one above the other (rows are sorted top to bottom).
  const leftTop = leftRows[0].y;
  const leftBottom = leftRows[leftRows.length - 1].y;
  const rightTop = rightRows[0].y;
  const rightBottom = rightRows[rightRows.length - 1].y;
  const alongside = Math.min(leftTop, rightTop) - Math.max(leftBottom, rightBottom);
  if (alongside <= 0 || alongside < 0.5 * Math.min(leftTop - leftBottom, rightTop - rightBottom)) return null;

  // Each side must be a column, not a margin note: at least 12% of the text's width.
  const rightWidth = textRight - split.gapEnd;
  if (split.gapStart - textLeft < span * 0.12 || rightWidth < span * 0.12) return null;

  // A table, or right-aligned dates beside job titles: read row by row.
  const shared = (row: Row) => has(row, 'left') && has(row, 'right');
  const rightShared = rightRows.filter(shared).length / rightRows.length;
  const leftShared = leftRows.filter(shared).length / leftRows.length;
  if (rightShared >= 0.8 && (leftShared >= 0.8 || rightWidth < span * 0.25)) return null;
  return split;
}

/** The widest run of bins in [first, last] covered by at most `level` rows, if at least `minWidth` bins wide. */
function widestRun(coverage: Int32Array, first: number, last: number, level: number, minWidth: number) {
  let best: { from: number; to: number } | null = null;
  for (let b = first; b <= last; b++) {
    if (coverage[b] > level) continue;
    let end = b;
    while (end + 1 <= last && coverage[end + 1] <= level) end++;
    if (end + 1 - b >= minWidth && (!best || end + 1 - b > best.to - best.from)) best = { from: b, to: end + 1 };
    b = end;
  }
  return best;
}

function side(segment: Segment, split: ColumnSplit): 'left' | 'right' | 'crossing' {
  if (segment.x1 <= split.gapStart + 1) return 'left';
  if (segment.x0 >= split.gapEnd - 1) return 'right';
  return 'crossing';
}

function toRows(items: PositionedText[]): Row[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { y: number; smallest: number; largest: number; items: PositionedText[] }[] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row && row.y - item.y <= Math.max(1, 0.35 * Math.min(row.smallest, item.fontSize))) {
      row.items.push(item);
      row.smallest = Math.min(row.smallest, item.fontSize);
      row.largest = Math.max(row.largest, item.fontSize);
    } else {
      rows.push({ y: item.y, smallest: item.fontSize, largest: item.fontSize, items: [item] });
    }
  }
  return rows.map((row) => ({
    y: row.y,
    fontSize: row.largest,
    segments: toSegments(row.items.sort((a, b) => a.x - b.x)),
  }));
}

function toSegments(items: PositionedText[]): Segment[] {
  const segments: Segment[] = [];
  for (const item of items) {
    const last = segments[segments.length - 1];
    const gap = last ? item.x - last.x1 : Infinity;
    if (last && gap < Math.max(last.fontSize, item.fontSize)) {
      // A visible space between pieces is a word break, unless one of them already has it.
      const space = gap > 0.15 * item.fontSize && !/\s$/.test(last.text) && !/^\s/.test(item.text);
      last.text += (space ? ' ' : '') + item.text;
      last.x1 = Math.max(last.x1, item.x + item.width);
      last.fontSize = Math.max(last.fontSize, item.fontSize);
    } else {
      segments.push({ text: item.text, x0: item.x, x1: item.x + Math.max(0, item.width), fontSize: item.fontSize });
    }
  }
  return segments;
}

function rowToLine(row: Row): Line {
  const text = row.segments
    .map((s) => s.text.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('  ');
  return { y: row.y, fontSize: row.fontSize, text };
}

/** Lines of each block, a blank line between blocks and wherever the vertical gap says a new paragraph starts. */
function blocksToLines(blocks: Line[][]): string[] {
  const lines: string[] = [];
  for (const block of blocks.filter((b) => b.length > 0)) {
    if (lines.length > 0) lines.push('');
    block.forEach((line, i) => {
      const previous = block[i - 1];
      if (previous && previous.y - line.y > 1.8 * Math.max(previous.fontSize, line.fontSize)) lines.push('');
      lines.push(line.text);
    });
  }
  return lines;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
