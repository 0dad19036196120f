/**
 * The Porter (1980) stemmer, so "idempotent"/"idempotency", "cached"/"caching", "indexes"/"indexed"
 * meet at one stem. Results are memoised: the vocabulary of interview answers is small.
 */

const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

function isConsonant(w: string, i: number): boolean {
  const c = w[i];
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
  if (c === 'y') return i === 0 ? true : !isConsonant(w, i - 1);
  return true;
}

/** m: the number of VC sequences in `w` (its first `len` letters). */
function measure(w: string, len = w.length): number {
  let n = 0;
  let i = 0;
  while (i < len && isConsonant(w, i)) i++;
  while (i < len) {
    while (i < len && !isConsonant(w, i)) i++;
    if (i >= len) break;
    while (i < len && isConsonant(w, i)) i++;
    n++;
  }
  return n;
}

function hasVowel(w: string, len = w.length): boolean {
  for (let i = 0; i < len; i++) if (!isConsonant(w, i)) return true;
  return false;
}

function endsDoubleConsonant(w: string): boolean {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

/** *o: ends consonant-vowel-consonant, the last not w, x or y. */
function endsCvc(w: string, len = w.length): boolean {
  if (len < 3) return false;
  const c = w[len - 1];
  return (
    isConsonant(w, len - 3) &&
    !isConsonant(w, len - 2) &&
    isConsonant(w, len - 1) &&
    c !== 'w' &&
    c !== 'x' &&
    c !== 'y'
  );
}

function replaceSuffix(w: string, suffixes: readonly (readonly [string, string])[], minMeasure: number): string {
  for (const [suffix, replacement] of suffixes) {
    if (w.endsWith(suffix)) {
      const stemLen = w.length - suffix.length;
      return measure(w, stemLen) > minMeasure ? w.slice(0, stemLen) + replacement : w;
    }
  }
  return w;
}

const STEP2: readonly (readonly [string, string])[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
];
const STEP3: readonly (readonly [string, string])[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];
const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

function porter(word: string): string {
  let w = word;
  if (w.length <= 2) return w;
  const startsWithY = w[0] === 'y';
  if (startsWithY) w = `Y${w.slice(1)}`;

  // Step 1a
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('ss')) {
    /* keep */
  } else if (w.endsWith('s')) w = w.slice(0, -1);

  // Step 1b
  let extra = false;
  if (w.endsWith('eed')) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w, w.length - 2)) {
    w = w.slice(0, -2);
    extra = true;
  } else if (w.endsWith('ing') && hasVowel(w, w.length - 3)) {
    w = w.slice(0, -3);
    extra = true;
  }
  if (extra) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (endsDoubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && endsCvc(w)) w += 'e';
  }

  // Step 1c
  if (w.endsWith('y') && hasVowel(w, w.length - 1)) w = `${w.slice(0, -1)}i`;

  // Steps 2 and 3
  w = replaceSuffix(w, STEP2, 0);
  w = replaceSuffix(w, STEP3, 0);

  // Step 4
  for (const suffix of STEP4) {
    if (w.endsWith(suffix)) {
      const stemLen = w.length - suffix.length;
      if (measure(w, stemLen) > 1) {
        if (suffix !== 'ion' || w[stemLen - 1] === 's' || w[stemLen - 1] === 't') w = w.slice(0, stemLen);
      }
      break;
    }
  }

  // Step 5
  if (w.endsWith('e')) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !endsCvc(w, w.length - 1))) w = w.slice(0, -1);
  }
  if (measure(w) > 1 && endsDoubleConsonant(w) && w.endsWith('l')) w = w.slice(0, -1);

  return startsWithY ? `y${w.slice(1)}` : w;
}

/** The Porter stem of a lower-case word; words with digits or symbols are returned as they are. */
export function stem(word: string): string {
  const cached = memo.get(word);
  if (cached !== undefined) return cached;
  const result = /^[a-z]+$/.test(word) ? porter(word) : word;
  if (memo.size < MEMO_LIMIT) memo.set(word, result);
  return result;
}
