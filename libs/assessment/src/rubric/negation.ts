/**
 * What an answer says is not so, not needed or not worth doing. A rubric point's words said under a denial ("there is
 * no need for a session store", "we do not need server-side validation", "sorting is not necessary", "I would skip the
 * tests", "metrics tools are overkill") are not the point made: they are its opposite. Two kinds of scope:
 *
 * - a denying word before the words it denies (*not, no, never, n't, cannot, without, skip, ignore, instead of, rather
 *   than*): it reaches the first content word a few light words later ("I would not bother checking…", "no need for a
 *   …") and the rest of that clause, up to a clause break or a turn ("but", "because", "so", "which"…);
 * - a dismissing predicate after its subject (*is not necessary, isn't needed, doesn't matter, is not worth it, is not a
 *   concern, is overkill, is unnecessary, is a bad idea, is nice to have, is a last resort, can be ignored*): it denies
 *   the clause's words before it.
 *
 * A denial inside a denial cancels ("never deploy without tests" asks for tests), and "not only", "not just" deny
 * nothing. Words after a weaker negator (*avoid, zero, needless*) are only kept out of positive matches, as before:
 * "to avoid a stampede" is about the stampede, not against it.
 */
import type { TextAnalysis, Token } from '../text/analyze';
import { NEGATORS, STOP_WORDS } from '../text/lexicon';
import { matchTokens, tokenText } from '../text/token-text';

export interface Polarity {
  /** Tokens kept out of positive matches: denied, or after any negator (1) — 0 otherwise. */
  negated: Uint8Array;
  /** For a denied token, the index of the word that denies it; -1 for the others. */
  deniedBy: Int32Array;
  /**
   * Denied as not mattering ("stampedes are not a concern", "ignore failure modes", "I would not worry about
   * partitions") rather than as not happening ("there is no race condition"): a problem dismissed, not prevented.
   */
  dismissed: Uint8Array;
}

/** Deniers that dismiss what follows rather than say it does not happen. */
const DISMISSING_DENIERS = new Set([
  'skip',
  'skips',
  'skipping',
  'skipped',
  'ignore',
  'ignores',
  'ignoring',
  'ignored',
]);
/** Light words that make a plain denial a dismissal: "not worry about", "not bother with". */
const DISMISSING_BRIDGES = new Set(['worry', 'worrying', 'bother', 'bothering', 'care', 'matter']);

const DENIERS = new Set([
  'not',
  'no',
  'never',
  'cannot',
  "can't",
  'cant',
  "don't",
  'dont',
  "doesn't",
  'doesnt',
  "didn't",
  'didnt',
  "isn't",
  'isnt',
  "aren't",
  'arent',
  "wasn't",
  'wasnt',
  "weren't",
  "won't",
  'wont',
  "wouldn't",
  'wouldnt',
  "shouldn't",
  'shouldnt',
  "needn't",
  'without',
  ...DISMISSING_DENIERS,
  'nor',
]);
/** Two-word deniers: "instead of X", "rather than X". */
const DENIER_PAIRS: [string, string][] = [
  ['instead', 'of'],
  ['rather', 'than'],
];
/** Light words a denial reaches across to its first content word: "not bother checking", "no real need for", "not spend time on". */
const BRIDGES = new Set([
  'bother',
  'bothering',
  'worry',
  'worrying',
  'care',
  'spend',
  'spending',
  'time',
  'point',
  'real',
  'add',
  'adding',
  'keep',
  'keeping',
  'set',
  'setting',
  'implement',
  'implementing',
  'doing',
  'putting',
  'accept',
  'accepting',
  'trust',
  'trusting',
  'design',
  'designing',
  'track',
  'tracking',
  'measure',
  'measuring',
  'build',
  'building',
  'tell',
  'telling',
  'introduce',
  'introducing',
  'run',
  'running',
  'consider',
  'considering',
  'rush',
  'require',
  'requires',
  'matter',
  'worth',
  'plan',
  'planning',
  'checking',
  'check',
  'write',
  'writing',
  'deal',
]);
/** Words that end a denial's reach: the clause turns. */
const TURNS = new Set([
  'but',
  'because',
  'since',
  'so',
  'which',
  'while',
  'whereas',
  'although',
  'though',
  'until',
  'unless',
  'if',
  'when',
  'instead',
  'rather',
  'except',
  'then',
  'yet',
  'as',
  'than',
]);
/** "not only X but Y", "not just X": nothing is denied. */
const NOT_A_DENIAL_AFTER = new Set(['only', 'just', 'merely', 'simply', 'that', 'necessarily']);

/** How far a denial reaches: to its first content word, and past it. */
const REACH_TO_CONTENT = 6;
const REACH_PAST_CONTENT = 6;
/** How far back a dismissing predicate reaches for its subject. */
const REACH_BACK = 8;

const COPULA =
  "(?:is|are|was|were|be|been|it's|that's|they're|isn't|isnt|aren't|arent|wasn't|wasnt|weren't|does|do|did|doesn't|doesnt|don't|dont|didn't|didnt|won't|wont|seems|seem)";
const ADVERBS =
  '(?: (?:really|strictly|even|actually|basically|mostly|just|simply|usually|pretty|all that|that|very|much|always|generally|largely|completely|totally|entirely|ever|anymore|honestly|necessarily))*';
/** "… is not necessary", "… doesn't matter", "… isn't really a concern": the predicate needs its negation. */
const NEGATED_PREDICATE = new RegExp(
  `\\b${COPULA}(?: not| never)?${ADVERBS} (?:necessary|needed|required|important|essential|a concern|an issue|a problem|a priority|worth it|worth the \\S+|worth \\S+ing|a thing|relevant|matter|matters|helpful|useful|a big deal)\\b`,
);
/** "… is overkill", "… are a bad idea", "… is nice to have", "… can be ignored": dismissive as it stands. */
const DISMISSING_PREDICATE = new RegExp(
  `\\b(?:${COPULA}${ADVERBS} (?:unnecessary|overkill|optional|obsolete|pointless|irrelevant|bureaucracy|a bad idea|bad practice|a bad practice|an anti pattern|an antipattern|a waste|wasted effort|nice to have|a last resort|overrated|not needed|not required)|(?:can|could|should|may) (?:safely |just |simply )?be (?:ignored|skipped|dropped|ruled out|left out))\\b`,
);

const CLAUSE_BREAK = /[,.;:!?()[\]—–]/;

const cache = new WeakMap<TextAnalysis, Polarity>();

function isContent(t: Token): boolean {
  return !t.isFunction && !t.isFiller && !STOP_WORDS.has(t.lower);
}

function denierAt(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (DENIERS.has(t.lower)) {
    const next = tokens[i + 1];
    if (next && NOT_A_DENIAL_AFTER.has(next.lower)) return 0;
    return 1;
  }
  for (const [a, b] of DENIER_PAIRS) if (t.lower === a && tokens[i + 1]?.lower === b) return 2;
  return 0;
}

/** The polarity of every token of an answer (computed once per analysis). */
export function polarity(a: TextAnalysis): Polarity {
  const hit = cache.get(a);
  if (hit) return hit;
  const { tokens, text } = a;
  const n = tokens.length;
  const negated = new Uint8Array(n);
  const deniedBy = new Int32Array(n).fill(-1);
  const dismissed = new Uint8Array(n);
  // A clause ends at punctuation, and in a spoken answer at a pause between two of its segments.
  const breakBefore = (i: number) =>
    i > 0 &&
    (CLAUSE_BREAK.test(text.slice(tokens[i - 1].end, tokens[i].start)) || a.pauses?.has(tokens[i].start) === true);

  // Denials before what they deny.
  for (let i = 0; i < n; i++) {
    const width = denierAt(tokens, i);
    if (width === 0) continue;
    let j = i + width;
    let reachedContent = -1;
    let dismissing = DISMISSING_DENIERS.has(tokens[i].lower);
    for (; j < n; j++) {
      if (breakBefore(j) || TURNS.has(tokens[j].lower)) break;
      // A denial inside a denial cancels: "never deploy without tests".
      if (denierAt(tokens, j) > 0) {
        j = j + denierAt(tokens, j);
        break;
      }
      const t = tokens[j];
      if (reachedContent < 0) {
        if (j - i > REACH_TO_CONTENT) break;
        if (DISMISSING_BRIDGES.has(t.lower)) dismissing = true;
        if (!isContent(t) || BRIDGES.has(t.lower)) continue;
        reachedContent = j;
      } else if (j - reachedContent > REACH_PAST_CONTENT) break;
      deniedBy[j] = i;
      if (dismissing) dismissed[j] = 1;
    }
    i = Math.max(i, j - 1);
  }

  // Dismissing predicates after their subject.
  const tt = tokenText(tokens);
  const predicates = [
    ...matchTokens(tt, NEGATED_PREDICATE).filter((m) => /\b(?:not|never)\b|n't\b|nt\b/.test(m.text)),
    ...matchTokens(tt, DISMISSING_PREDICATE),
  ];
  for (const p of predicates) {
    for (let j = p.first - 1; j >= 0 && p.first - j <= REACH_BACK; j--) {
      if (TURNS.has(tokens[j].lower)) break;
      if (isContent(tokens[j]) && deniedBy[j] < 0) {
        deniedBy[j] = p.first;
        dismissed[j] = 1;
      }
      if (breakBefore(j)) break;
    }
  }

  for (let i = 0; i < n; i++) if (deniedBy[i] >= 0 || weaklyNegated(tokens, i)) negated[i] = 1;
  const out = { negated, deniedBy, dismissed };
  cache.set(a, out);
  return out;
}

/** The older, narrower reading: a negator within 3 tokens before, with only function words or fillers between. */
function weaklyNegated(tokens: readonly Token[], index: number): boolean {
  for (let k = index - 1; k >= Math.max(0, index - 4); k--) {
    const t = tokens[k];
    if (NEGATORS.has(t.lower)) return tokens[k + 1]?.lower !== 'only';
    if (!t.isFunction && !t.isFiller) return false;
  }
  return false;
}
