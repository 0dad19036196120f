/**
 * Date ranges as résumés write them: "Jan 2020 – Present", "2019-03 to 2021-11", "03/2019 - 11/2021",
 * "2018 – 2020", "Since 2022", "März 2019 – heute", "2020年4月〜現在".
 */

export interface DateRange {
  /** 'YYYY-MM' or 'YYYY'. */
  start: string | null;
  /** null when open-ended. */
  end: string | null;
  current: boolean;
  /** Where the range was found, to cut it out of the line. */
  index: number;
  length: number;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ['january', 'jan', 'januar', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'jänner']],
  [2, ['february', 'feb', 'febr', 'februar', 'février', 'fevrier', 'févr', 'fév', 'febrero', 'febbraio']],
  [3, ['march', 'mar', 'märz', 'maerz', 'mrz', 'mars', 'marzo']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'maggio']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre']],
  [11, ['november', 'nov', 'novembre', 'noviembre']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre']],
];
for (const [n, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = n;

const MONTH_WORD = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const PRESENT_WORD =
  "present|current|currently|now|today|to date|date|ongoing|heute|jetzt|aktuell|laufend|aujourd'hui|actuel|présent|en cours|presente|actualidad|actual|現在|至今|今";

/** One date: month name + year, year-month, month/year, Japanese year-month, or a bare year. */
const DATE = `(?:(?:${MONTH_WORD})\\.?,?\\s*(?:'\\d{2}|\\d{4})|\\d{4}[-/.](?:0?[1-9]|1[0-2])(?!\\d)|(?:0?[1-9]|1[0-2])[-/.]\\d{4}|\\d{4}\\s*年\\s*\\d{1,2}\\s*月|(?:19|20)\\d{2})`;
const SEPARATOR = `(?:\\s*(?:–|—|-|−|~|〜|～|→|->)\\s*|\\s+(?:to|until|till|bis|au|à|a|al|hasta)\\s+)`;
const END = `(?:${DATE}|${PRESENT_WORD})`;

const RANGE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${DATE})(?:${SEPARATOR}(${END})|\\s*(?:–|—|-|~|〜)(?=\\s*(?:$|[|,)·]|\\s{2})))?(?![\\p{L}\\p{N}])`,
  'iu',
);
const SINCE_RE = new RegExp(
  `(?<![\\p{L}])(?:since|from|seit|ab|depuis|desde|dès)\\s+(${DATE})(?![\\p{L}\\p{N}])`,
  'iu',
);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 'YYYY-MM' or 'YYYY' from one date as written; null for a present word. */
export function parseDate(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/\.$/, '');
  if (new RegExp(`^(?:${PRESENT_WORD})$`, 'iu').test(t)) return null;
  let m = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(t);
  if (m) return `${m[1]}-${pad(Number(m[2]))}`;
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (m) return `${m[1]}-${pad(Number(m[2]))}`;
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return `${m[2]}-${pad(Number(m[1]))}`;
  m = /^([\p{L}]+)\.?,?\s*('\d{2}|\d{4})$/u.exec(t);
  if (m && MONTHS[m[1]]) {
    const year = m[2].startsWith("'") ? 2000 + Number(m[2].slice(1)) : Number(m[2]);
    return `${year}-${pad(MONTHS[m[1]])}`;
  }
  m = /^(\d{4})$/.exec(t);
  return m ? m[1] : null;
}

function isPresent(text: string): boolean {
  return new RegExp(`^(?:${PRESENT_WORD})$`, 'iu').test(text.trim());
}

/** The first date range in a line, or null. A lone date is a range of its own. */
export function findDateRange(line: string): DateRange | null {
  const since = SINCE_RE.exec(line);
  const range = RANGE_RE.exec(line);
  if (since && (!range || since.index <= range.index)) {
    return { start: parseDate(since[1]), end: null, current: true, index: since.index, length: since[0].length };
  }
  if (!range) return null;
  const start = parseDate(range[1]);
  const endText = range[2];
  const openEnded = endText === undefined && /[–—\-~〜]\s*$/.test(range[0]);
  if (endText === undefined) {
    return { start, end: openEnded ? null : start, current: openEnded, index: range.index, length: range[0].length };
  }
  const present = isPresent(endText);
  return {
    start,
    end: present ? null : parseDate(endText),
    current: present,
    index: range.index,
    length: range[0].length,
  };
}

/** Months since year 0; a bare year counts from its middle (so "2018 – 2020" is two years). */
function toMonth(date: string): number {
  const [y, m] = date.split('-').map(Number);
  return y * 12 + ((m || 7) - 1);
}

function isYearOnly(date: string): boolean {
  return /^\d{4}$/.test(date);
}

/** [start, end) in months: a month-precision end month is worked in full; a lone date counts a little. */
function span(r: { start: string; end: string | null; current: boolean }, now: number): [number, number] {
  const start = toMonth(r.start);
  if (r.current) return [start, Math.max(start, now)];
  if (r.end === null || r.end === r.start) return [start, start + (isYearOnly(r.start) ? 6 : 1)];
  const end = toMonth(r.end) + (isYearOnly(r.end) ? 0 : 1);
  return [start, Math.max(start, end)];
}

/** Total years covered by the ranges, overlaps counted once; null without a dated range. */
export function yearsCovered(
  ranges: { start: string | null; end: string | null; current: boolean }[],
  asOf: string,
): number | null {
  const now = toMonth(asOf) + 1;
  const spans = ranges
    .filter((r): r is { start: string; end: string | null; current: boolean } => r.start !== null)
    .map((r) => span(r, now))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (spans.length === 0) return null;
  let total = 0;
  let [curStart, curEnd] = spans[0];
  for (const [s, e] of spans.slice(1)) {
    if (s <= curEnd) curEnd = Math.max(curEnd, e);
    else {
      total += curEnd - curStart;
      [curStart, curEnd] = [s, e];
    }
  }
  total += curEnd - curStart;
  return Math.round((total / 12) * 10) / 10;
}

/** The current month as 'YYYY-MM'. */
export function currentMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
}
