/**
 * Word error rate: the word-level Levenshtein distance between a reference and a hypothesis,
 * divided by the number of reference words, after both are normalised the same way:
 * lower case; curly quotes straightened; hyphens and slashes split words ("real-time" and
 * "client/server" are two words each, as recognisers write them); letters and digits split
 * ("argon2" → "argon 2"); simple numbers spelt out (integers, decimals, ordinals, percentages,
 * thousands separators); other punctuation removed (apostrophes inside words kept); whitespace
 * collapsed; letters spelt one by one joined into one word ("h t t p" → "http").
 */

export interface WerResult {
  /** (substitutions + deletions + insertions) / referenceWords; with an empty reference, 0 for an empty hypothesis and 1 otherwise. */
  wer: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  referenceWords: number;
  hypothesisWords: number;
}

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: [number, string][] = [
  [1_000_000_000, 'billion'],
  [1_000_000, 'million'],
  [1_000, 'thousand'],
];
const ORDINAL_EXCEPTIONS: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

function below1000(n: number): string[] {
  const words: string[] = [];
  if (n >= 100) {
    words.push(ONES[Math.floor(n / 100)], 'hundred');
    n %= 100;
  }
  if (n >= 20) {
    words.push(TENS[Math.floor(n / 10)]);
    if (n % 10) words.push(ONES[n % 10]);
  } else if (n > 0 || words.length === 0) {
    words.push(ONES[n]);
  }
  return words;
}

/** "2024" → "two thousand twenty four"; "007" → "zero zero seven"; null when too long to be simple. */
export function numberToWords(digits: string): string | null {
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length > 1 && digits.startsWith('0'))
    return digits.length <= 12 ? [...digits].map((d) => ONES[Number(d)]).join(' ') : null;
  if (digits.length > 12) return null;
  let n = Number(digits);
  if (n === 0) return 'zero';
  const words: string[] = [];
  for (const [scale, name] of SCALES) {
    if (n >= scale) {
      words.push(...below1000(Math.floor(n / scale)), name);
      n %= scale;
    }
  }
  if (n > 0) words.push(...below1000(n));
  return words.join(' ');
}

function ordinal(words: string): string {
  const parts = words.split(' ');
  const last = parts[parts.length - 1];
  parts[parts.length - 1] = ORDINAL_EXCEPTIONS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return parts.join(' ');
}

/** The words of a text as WER compares them. */
export function normalizeWords(text: string): string[] {
  let t = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
  t = t.replace(/(\d),(?=\d{3}\b)/g, '$1'); // 1,000 → 1000
  t = t.replace(/(\d+)\.(\d+)/g, (_, a: string, b: string) => ` ${a} point ${[...b].join(' ')} `);
  t = t.replace(/%/g, ' percent ').replace(/&/g, ' and ');
  t = t.replace(/\b(\d+)(st|nd|rd|th)\b/g, (_, n: string) => {
    const words = numberToWords(n);
    return words ? ` ${ordinal(words)} ` : ` ${n} `;
  });
  t = t.replace(/[-\u2010-\u2015/\\]/g, ' ');
  t = t.replace(/([a-z])(\d)/g, '$1 $2').replace(/(\d)([a-z])/g, '$1 $2');
  t = t.replace(/[^a-z0-9'\s]/g, ' ');
  const words: string[] = [];
  for (let word of t.split(/\s+/)) {
    word = word.replace(/^'+|'+$/g, '');
    if (!word) continue;
    if (/^\d+$/.test(word)) {
      const spelt = numberToWords(word);
      if (spelt) {
        words.push(...spelt.split(' '));
        continue;
      }
    }
    words.push(word);
  }
  return joinSpelledLetters(words);
}

/**
 * Recognisers spell acronyms letter by letter ("h t t p s"); a run of two or more single letters
 * counts as one word ("https"), as ASR scoring usually does. "a" and "i" alone stay words.
 */
function joinSpelledLetters(words: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) out.push(run.join(''));
    else out.push(...run);
    run = [];
  };
  for (const word of words) {
    if (/^[a-z]$/.test(word)) run.push(word);
    else {
      flush();
      out.push(word);
    }
  }
  flush();
  return out;
}

export function normalizeText(text: string): string {
  return normalizeWords(text).join(' ');
}

export function wordErrorRate(reference: string, hypothesis: string): WerResult {
  const ref = normalizeWords(reference);
  const hyp = normalizeWords(hypothesis);
  const n = ref.length;
  const m = hyp.length;
  // cost[i][j]: edits turning ref[0..i) into hyp[0..j); kept whole for the backtrace.
  const width = m + 1;
  const cost = new Uint32Array((n + 1) * width);
  for (let i = 0; i <= n; i++) cost[i * width] = i;
  for (let j = 0; j <= m; j++) cost[j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const sub = cost[(i - 1) * width + j - 1] + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      const del = cost[(i - 1) * width + j] + 1;
      const ins = cost[i * width + j - 1] + 1;
      cost[i * width + j] = Math.min(sub, del, ins);
    }
  }
  let substitutions = 0;
  let deletions = 0;
  let insertions = 0;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = cost[i * width + j];
    if (i > 0 && j > 0 && here === cost[(i - 1) * width + j - 1] + (ref[i - 1] === hyp[j - 1] ? 0 : 1)) {
      if (ref[i - 1] !== hyp[j - 1]) substitutions++;
      i--;
      j--;
    } else if (i > 0 && here === cost[(i - 1) * width + j] + 1) {
      deletions++;
      i--;
    } else {
      insertions++;
      j--;
    }
  }
  const errors = substitutions + deletions + insertions;
  return {
    wer: n === 0 ? (m === 0 ? 0 : 1) : errors / n,
    substitutions,
    deletions,
    insertions,
    referenceWords: n,
    hypothesisWords: m,
  };
}
