/**
 * Word-level helpers for search and for matching a free-text question to a bank question:
 * stop words, a light stemmer and an IDF-weighted F-score similarity.
 */

export const STOP_WORDS = new Set([
  'a',
  'about',
  'after',
  'all',
  'also',
  'an',
  'and',
  'any',
  'are',
  'as',
  'at',
  'be',
  'been',
  'before',
  'being',
  'both',
  'but',
  'by',
  'can',
  'could',
  'did',
  'do',
  'does',
  'doing',
  'e',
  'each',
  'eg',
  'etc',
  'for',
  'from',
  'g',
  'had',
  'has',
  'have',
  'how',
  'i',
  'ie',
  'if',
  'in',
  'into',
  'is',
  'it',
  'its',
  'just',
  'may',
  'me',
  'might',
  'more',
  'most',
  'my',
  'no',
  'not',
  'of',
  'on',
  'one',
  'or',
  'other',
  'our',
  'out',
  'over',
  'own',
  'please',
  'same',
  'says',
  'say',
  'should',
  'so',
  'some',
  'such',
  'tell',
  'than',
  'that',
  'the',
  'their',
  'them',
  'then',
  'there',
  'these',
  'they',
  'this',
  'those',
  'through',
  'to',
  'us',
  'very',
  'vs',
  'was',
  'we',
  'were',
  'what',
  'when',
  'where',
  'which',
  'while',
  'who',
  'why',
  'will',
  'with',
  'would',
  'you',
  'your',
  'yours',
]);

/** Lower-cased word tokens (letters, digits, and inner +#./- as in "c++", "node.js", "n+1"). */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:[+#./-][\p{L}\p{N}]+)*\+*/gu) ?? []).map((w) =>
    w.replace(/['’]s$/u, ''),
  );
}

/** A deliberately small stemmer: plural and -ing/-ed endings, so "limits"/"limiting" meet "limit". */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is'))
    w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The content words of a text, stemmed, without stop words. */
export function contentTerms(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => !STOP_WORDS.has(w))
      .map(stem),
  );
}

/** Inverse document frequency of each term over a collection of term sets. */
export function inverseDocumentFrequency(documents: readonly Set<string>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of doc) df.set(term, (df.get(term) ?? 0) + 1);
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, Math.log(1 + n / count));
  return idf;
}

/**
 * How well a query's terms match a document's, in [0, 1]: an IDF-weighted F-score of precision (how
 * much of the query the document contains) and recall (how much of the document the query covers),
 * with β = 0.5 so precision counts more. A short but specific rewording ("Explain optimistic locking")
 * still matches its long original, while generic words ("design", "API") carry little weight.
 * Terms unknown to the collection get `unknownWeight`.
 */
export function weightedFScore(
  query: Set<string>,
  document: Set<string>,
  idf: ReadonlyMap<string, number>,
  unknownWeight: number,
  beta = 0.5,
): number {
  const weight = (t: string) => idf.get(t) ?? unknownWeight;
  let shared = 0;
  let queryWeight = 0;
  let documentWeight = 0;
  for (const t of query) {
    queryWeight += weight(t);
    if (document.has(t)) shared += weight(t);
  }
  for (const t of document) documentWeight += weight(t);
  if (shared === 0) return 0;
  const precision = shared / queryWeight;
  const recall = shared / documentWeight;
  const b2 = beta * beta;
  return ((1 + b2) * precision * recall) / (b2 * precision + recall);
}
