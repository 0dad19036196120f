/**
 * Finding a quote in a transcript when the quote comes from elsewhere (a model): exact first, then
 * ignoring case and punctuation, then allowing a word or two to differ. Returns real character offsets,
 * or null when the quote is not in the transcript (an invented quote is dropped, never shown).
 */
import type { EvidenceSpan } from '../types';
import { tokenize } from './analyze';

export function findQuote(transcript: string, quote: string | null | undefined): EvidenceSpan | null {
  if (!quote) return null;
  const q = quote
    .trim()
    .replace(/^["“'‘]+|["”'’.…]+$/g, '')
    .trim();
  if (q.length === 0) return null;
  const exact = transcript.indexOf(q);
  if (exact >= 0) return { quote: q, start: exact, end: exact + q.length };

  const tTokens = tokenize(transcript);
  const qWords = tokenize(q).map((t) => t.lower);
  if (qWords.length === 0 || tTokens.length === 0) return null;
  const tWords = tTokens.map((t) => t.lower);

  // Same words in the same order (case, punctuation and spacing ignored).
  for (let i = 0; i + qWords.length <= tWords.length; i++) {
    let ok = true;
    for (let k = 0; k < qWords.length && ok; k++) if (tWords[i + k] !== qWords[k]) ok = false;
    if (ok) return span(transcript, tTokens[i].start, tTokens[i + qWords.length - 1].end);
  }

  // Nearly the same: at least 80% of the quote's words, in a window of about its length (4+ words only).
  if (qWords.length < 4) return null;
  const need = Math.ceil(qWords.length * 0.8);
  const width = qWords.length + 2;
  let best: { i: number; j: number; hits: number } | null = null;
  for (let i = 0; i < tWords.length; i++) {
    if (!qWords.includes(tWords[i])) continue;
    const window = tWords.slice(i, i + width);
    let hits = 0;
    let pos = 0;
    let last = i;
    for (const w of qWords) {
      const at = window.indexOf(w, pos);
      if (at >= 0) {
        hits++;
        pos = at + 1;
        last = i + at;
      }
    }
    if (hits >= need && (!best || hits > best.hits)) best = { i, j: last, hits };
  }
  return best ? span(transcript, tTokens[best.i].start, tTokens[best.j].end) : null;
}

function span(transcript: string, start: number, end: number): EvidenceSpan {
  return { quote: transcript.slice(start, end), start, end };
}
