/**
 * The tokens of a text joined by single spaces (lower case, no punctuation), so phrase patterns can be
 * matched with regular expressions whatever the punctuation or casing of the original, and a match can
 * be mapped back to character offsets in the original text.
 */
import type { Token } from './analyze';

export interface TokenText {
  joined: string;
  /** Start of each token in `joined`. */
  starts: number[];
}

export function tokenText(tokens: readonly Token[]): TokenText {
  const starts: number[] = [];
  let joined = '';
  for (const t of tokens) {
    if (joined.length > 0) joined += ' ';
    starts.push(joined.length);
    joined += t.lower;
  }
  return { joined, starts };
}

/** The token range [first, last] covering characters [a, b) of `joined`. */
export function tokenRange(tt: TokenText, a: number, b: number): [number, number] {
  let first = 0;
  while (first + 1 < tt.starts.length && tt.starts[first + 1] <= a) first++;
  let last = first;
  while (last + 1 < tt.starts.length && tt.starts[last + 1] < b) last++;
  return [first, last];
}

/** Every match of a global regular expression as token ranges, in order. */
export function matchTokens(tt: TokenText, re: RegExp): { first: number; last: number; text: string }[] {
  const out: { first: number; last: number; text: string }[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = g.exec(tt.joined); m; m = g.exec(tt.joined)) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    const [first, last] = tokenRange(tt, m.index, m.index + m[0].length);
    out.push({ first, last, text: m[0] });
  }
  return out;
}
