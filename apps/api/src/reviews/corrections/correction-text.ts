import type { TimedWord } from '@mockroom/contracts';
import { diffArrays } from 'diff';

/** Words too common to teach the recogniser anything. */
const COMMON = new Set(
  'a an the and or but so of to in on at for with from by as is are was were be been it its this that these those i we you they he she my our your their me us them not no yes do does did have has had will would can could should may might just very also then than there here what which who when where why how one two some any all more most'.split(
    ' ',
  ),
);

const tokens = (text: string) => text.split(/\s+/).filter(Boolean);
/** A token compared without case or the punctuation around it: "Cache," and "cache" are one word. */
const bare = (token: string) => token.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** A correction as stored: whitespace collapsed, trimmed. */
export function tidyCorrection(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** How a corrected line lines up with the one it replaces: runs of kept, removed and added tokens, in order. */
function alignment(before: string[], after: string[]) {
  return diffArrays(before, after, { comparator: (left, right) => bare(left) === bare(right) });
}

/**
 * Word times for the corrected line: a word kept keeps its time; the words that replace others share the time of
 * those they replace, evenly; words only added take the gap where they were put. Null when the line had no word
 * times (or they do not match its words): the review then places words in proportion along the line.
 */
export function realignWords(words: TimedWord[] | null, before: string, after: string): TimedWord[] | null {
  const old = tokens(before);
  const next = tokens(after);
  if (!words || words.length !== old.length || old.length === 0) return null;
  const result: TimedWord[] = [];
  let i = 0; // position in the old line
  let j = 0; // position in the new one
  const parts = alignment(old, next);
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    if (!part.added && !part.removed) {
      for (let k = 0; k < part.count; k++) result.push({ ...words[i + k], word: next[j + k] });
      i += part.count;
      j += part.count;
      continue;
    }
    if (part.removed) {
      const replacedBy = parts[p + 1]?.added ? parts[p + 1] : null;
      const from = words[i].startMs;
      const to = words[i + part.count - 1].endMs;
      i += part.count;
      if (replacedBy) {
        spread(next.slice(j, j + replacedBy.count), from, to, result);
        j += replacedBy.count;
        p++;
      }
      continue;
    }
    // Only added: into the gap between the words around it.
    const from = i > 0 ? words[i - 1].endMs : words[0].startMs;
    const to = i < words.length ? Math.max(from, words[i].startMs) : from;
    spread(next.slice(j, j + part.count), from, to, result);
    j += part.count;
  }
  return result;
}

function spread(added: string[], from: number, to: number, into: TimedWord[]): void {
  const each = added.length ? (to - from) / added.length : 0;
  added.forEach((word, k) =>
    into.push({ word, startMs: Math.round(from + k * each), endMs: Math.round(from + (k + 1) * each) }),
  );
}

/** The longest phrase taught as one term. */
const TERM_MAX_WORDS = 3;
/** Looks like a technical term: an acronym, inner capitals, digits ("SQL", "GraphQL", "OAuth2"). */
const TERM_LIKE = /[A-Z].*[A-Z]|\d/;

/**
 * What a correction teaches the recogniser about this candidate's vocabulary: the runs of words it brought in that
 * were not in the line before ("cache" for "cash", "Redis cluster" for "reddish"), split at common words, technical-looking
 * terms first.
 */
export function correctionTerms(before: string, after: string, max = 8): string[] {
  const old = tokens(before);
  const had = new Set(old.map(bare));
  const next = tokens(after);
  const terms: string[] = [];
  const add = (phrase: string) => {
    if (phrase.length >= 2 && !terms.some((t) => t.toLowerCase() === phrase.toLowerCase())) terms.push(phrase);
  };
  let j = 0;
  for (const part of alignment(old, next)) {
    if (part.removed) continue;
    if (part.added) {
      const chunk = next.slice(j, j + part.count);
      // A few words put right are a phrase the recogniser should know; a long stretch is a rewrite, taught word by word.
      const phrases = chunk.length <= 2 * TERM_MAX_WORDS;
      let run: string[] = [];
      const flush = () => {
        if (phrases && run.length <= TERM_MAX_WORDS) add(run.join(' '));
        else run.forEach(add);
        run = [];
      };
      for (const token of chunk) {
        const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
        if (!word || had.has(word.toLowerCase()) || COMMON.has(word.toLowerCase())) flush();
        else run.push(word);
        // A sentence's end ends a phrase too.
        if (/[.,;:!?]$/.test(token)) flush();
      }
      flush();
    }
    j += part.count;
  }
  const technical = terms.filter((t) => TERM_LIKE.test(t));
  return [...technical, ...terms.filter((t) => !TERM_LIKE.test(t))].slice(0, max);
}
