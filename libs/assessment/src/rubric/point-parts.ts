/**
 * A rubric point as the parts a person listening for it would tick off one by one. "Middleware verification on each
 * request, with token refresh" is a core ("middleware verification on each request") and a detail ("token refresh");
 * "HTTPS to prevent token interception" is a core and its purpose; "…, and clock skew" adds a part of equal weight;
 * "fail open vs. fail closed" is two parts. Examples in parentheses ("Session store (Redis, database)") stand for
 * their part when the answer names them.
 *
 * Each part is matched on its own, in a span of a few words (a part's words scattered over a paragraph are not that
 * part): so a point is covered by what the answer says about it, its evidence is the words that say it, and a point
 * that is partly there can name exactly the part that is missing.
 */
import { termList } from '../text/analyze';
import { RUBRIC_META_STEMS } from '../text/lexicon';
import type { Corpus } from './corpus';
import type { WeightedTerm } from './weighted-term';

export type PartRole = 'label' | 'core' | 'also' | 'detail' | 'purpose';

/** How much each kind of part counts towards the point. */
export const PART_WEIGHTS: Record<PartRole, number> = { label: 0.25, core: 1, also: 1, detail: 0.5, purpose: 0.35 };

/** One way of saying a part: its terms must occur close together. */
export interface PartAlternative {
  terms: WeightedTerm[];
  total: number;
}

export interface PointPart {
  /** The part's own wording, for feedback ("token refresh"). */
  text: string;
  role: PartRole;
  weight: number;
  alternatives: PartAlternative[];
  /** Instances that stand for the part ("Redis" for a session store). */
  examples: PartAlternative[];
  /** A part that only names the question's subject ("the downsides" of "what are the downsides?"), read as a label. */
  given?: boolean;
}

interface Separator {
  re: RegExp;
  role: PartRole;
  /** Content terms the piece before it needs for the split to stand ("Plan for rollback" is one piece). */
  minLeft?: number;
}

// Checked at bracket depth 0, longest first. The role is that of the part after the separator.
const SEPARATORS: Separator[] = [
  { re: /^;\s*/, role: 'also' },
  { re: /^\s+[—–]\s+/, role: 'also' },
  { re: /^\s+-\s+/, role: 'also' },
  { re: /^,?\s+(?:vs\.?|versus)\s+/i, role: 'also' },
  { re: /^,\s+with\s+/i, role: 'detail' },
  { re: /^\s+with\s+/i, role: 'detail', minLeft: 2 },
  {
    re: /^,?\s+(?:to prevent|to avoid|to protect|to ensure|to reduce|so that|in order to|to keep|to stop)\s+/i,
    role: 'purpose',
  },
  { re: /^\s+for\s+/i, role: 'purpose', minLeft: 2 },
  { re: /^,\s+(?:which|where|while|so|but|even)\s+/i, role: 'detail' },
  { re: /^,?\s+and\s+/i, role: 'also' },
  { re: /^,\s+/, role: 'also' },
];

/** A label that says what the candidate does with its subject ("Defines availability:", "States the CAP theorem:"). */
const VERB_LABEL =
  /^(?:defines|states|explains|describes|names|clarifies|identifies|mentions|discusses|distinguishes|compares|contrasts|presents|gives|lists|outlines)\s+/i;

const EXAMPLE_LEAD = /\b(?:e\.g\.?|for example|such as|including|like)[,:]?\s+(.*)$/i;

interface Piece {
  text: string;
  role: PartRole;
  /** The separator before it, as written ('' for the first). */
  sep: string;
  minLeft: number;
}

/** Content terms of a piece, without examples or words about the candidate. */
function contentCount(text: string): number {
  return termList(takeExamples(text).main).filter((t) => !isMeta(t)).length;
}

/**
 * Splits at depth 0 into pieces, each with the role its separator gives it; then puts back splits that would leave
 * a piece with nothing to match ("Plan for rollback" stays one piece: "plan" alone is not the point).
 */
function splitTopLevel(text: string): Piece[] {
  const raw: Piece[] = [];
  let depth = 0;
  let start = 0;
  let role: PartRole = 'core';
  let sep = '';
  let minLeft = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const rest = text.slice(i);
    for (const separator of SEPARATORS) {
      const m = separator.re.exec(rest);
      if (!m) continue;
      raw.push({ text: text.slice(start, i), role, sep, minLeft });
      role = separator.role;
      sep = m[0];
      minLeft = separator.minLeft ?? 1;
      start = i + m[0].length;
      i = start - 1;
      break;
    }
  }
  raw.push({ text: text.slice(start), role, sep, minLeft });

  const pieces: Piece[] = [];
  for (const piece of raw) {
    const previous = pieces[pieces.length - 1];
    const own = contentCount(piece.text);
    if (previous && (own === 0 || contentCount(previous.text) < piece.minLeft)) {
      previous.text = `${previous.text}${piece.sep}${piece.text}`;
      continue;
    }
    pieces.push({ ...piece });
  }
  return pieces;
}

/** Rubric wording about what the candidate does, beyond the lexicon's ("Decides what happens when …"). */
const PART_META_STEMS = new Set(['decid', 'happen', 'rather']);

function isMeta(term: string): boolean {
  return RUBRIC_META_STEMS.has(term) || PART_META_STEMS.has(term);
}

/** Content terms with their weights; words about the candidate ("explains", "clearly") dropped unless nothing else is left. */
function weighted(text: string, corpus: Corpus, factor = 1): WeightedTerm[] {
  const named = new Set(termList((text.match(/\b[A-Z]{2,}\b/g) ?? []).join(' ')));
  const all = termList(text);
  const kept = all.filter((t) => !isMeta(t) || named.has(t));
  const out = new Map<string, number>();
  for (const term of kept.length ? kept : all) out.set(term, Math.max(out.get(term) ?? 0, corpus.idf(term) * factor));
  return [...out].map(([term, weight]) => ({ term, weight }));
}

function alternative(terms: WeightedTerm[]): PartAlternative {
  return { terms, total: terms.reduce((s, t) => s + t.weight, 0) };
}

/** "bcrypt/argon2", "JWT or random string": ways of saying the same part (only short ones: a long clause is one way). */
function alternativesOf(text: string, corpus: Corpus): PartAlternative[] {
  const pieces = text.split(/\s*\/\s*|\s+or\s+/i);
  const short = pieces.length > 1 && pieces.every((piece) => piece.trim().split(/\s+/).length <= 4);
  return (short ? pieces : [text])
    .map((piece) => weighted(piece, corpus))
    .filter((terms) => terms.length > 0)
    .map(alternative);
}

/** The examples of a piece ("(Redis, database)", "e.g. Kafka or RabbitMQ"), and the piece without them. */
function takeExamples(text: string): { main: string; examples: string[] } {
  const examples: string[] = [];
  let main = text.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    examples.push(inner);
    return ' ';
  });
  const lead = EXAMPLE_LEAD.exec(main);
  if (lead && lead.index > 0) {
    examples.push(lead[1]);
    main = main.slice(0, lead.index);
  }
  const items = examples
    .flatMap((e) =>
      e.replace(/^(?:e\.g\.?|for example|such as|i\.e\.?)[,:]?\s*/i, '').split(/\s*[,/]\s*|\s+or\s+|\s+and\s+/i),
    )
    .map((e) => e.trim())
    .filter(Boolean);
  return { main, examples: items };
}

/** The parts of one rubric point (at least one). */
export function pointParts(text: string, corpus: Corpus): PointPart[] {
  const trimmed = text.trim().replace(/[.;]+$/, '');
  const pieces: Piece[] = [];
  const colon = topLevelColon(trimmed);
  if (colon > 0) {
    const left = trimmed.slice(0, colon).trim();
    const right = trimmed.slice(colon + 1).trim();
    const rest = splitTopLevel(right);
    if (VERB_LABEL.test(left) && left.split(/\s+/).length <= 4) {
      // "Defines availability: every request receives a response": the term and its definition are one part (naming
      // the term is not defining it).
      rest[0] = { ...rest[0], text: `${left.replace(VERB_LABEL, '')} ${rest[0].text}`, role: 'core' };
      pieces.push(...rest);
    } else {
      // "Security: sensitive operations stay server-side": a short label names the area; what follows is the point.
      if (left.split(/\s+/).length <= 4) pieces.push({ text: left, role: 'label', sep: '', minLeft: 1 });
      else pieces.push(...splitTopLevel(left));
      pieces.push(...rest.map((p, i) => (i === 0 ? { ...p, role: 'also' as PartRole, sep: ': ' } : p)));
    }
  } else {
    pieces.push(...splitTopLevel(trimmed));
  }

  const parts: PointPart[] = [];
  for (const piece of pieces) {
    const { main, examples } = takeExamples(piece.text);
    const alternatives = alternativesOf(main, corpus);
    const exampleAlternatives = examples
      .map((e) => weighted(e, corpus))
      .filter((terms) => terms.length > 0)
      .map(alternative);
    if (alternatives.length === 0) {
      // Nothing but examples or meta words: the examples join the previous part.
      if (exampleAlternatives.length && parts.length) parts[parts.length - 1].examples.push(...exampleAlternatives);
      continue;
    }
    // The first substantive part is the core, whatever its separator said ("Label: detail" starts its detail there).
    const role: PartRole =
      piece.role === 'label' ? 'label' : parts.every((p) => p.role === 'label') ? 'core' : piece.role;
    parts.push({ text: tidyPart(main), role, weight: PART_WEIGHTS[role], alternatives, examples: exampleAlternatives });
  }
  // A point that is only a label ("Security") or whose words are all meta: its terms are the point.
  if (!parts.some((p) => p.role !== 'label')) {
    const { main, examples } = takeExamples(trimmed);
    const terms = weighted(main, corpus);
    return [
      {
        text: tidyPart(main),
        role: 'core',
        weight: PART_WEIGHTS.core,
        alternatives: [alternative(terms.length ? terms : weighted(trimmed, corpus))],
        examples: examples
          .map((e) => weighted(e, corpus))
          .filter((t) => t.length > 0)
          .map(alternative),
      },
    ];
  }
  return parts;
}

/** What naming the question's own subject earns in a part that says more than it (see `discountGiven`). */
export const GIVEN_TERM_FACTOR = 0.35;
/** A part whose own words (beyond the question's) carry less than this share of its weight only names the subject. */
const GIVEN_PART_SHARE = 0.4;

/**
 * The question's own words ("normalization" in "Describe database normalization…") are given: repeating them is not
 * making a point about them. In a part that has other words too ("first normal form: atomic values"), they weigh
 * `GIVEN_TERM_FACTOR` of their weight, so a vague answer that restates the subject does not meet the part. A part that
 * is mostly the question's words ("the pessimistic failure modes" of "what are the failure modes?", "synchronous code")
 * is read as a label of the point, and the point is met by its other parts (deadlocks, lock timeouts); an example that
 * is only the question's words ("(pessimistic)") stands for nothing. A point made of nothing but the question's words
 * keeps them as they are.
 */
export function discountGiven(
  parts: readonly PointPart[],
  given: ReadonlySet<string>,
  factor = GIVEN_TERM_FACTOR,
): PointPart[] {
  const ownShare = (alt: PartAlternative) =>
    alt.terms.filter((t) => !given.has(t.term)).reduce((s, t) => s + t.weight, 0) / Math.max(alt.total, 1e-9);
  const discount = (alt: PartAlternative): PartAlternative => {
    if (!alt.terms.some((t) => given.has(t.term)) || alt.terms.every((t) => given.has(t.term))) return alt;
    return alternative(alt.terms.map((t) => (given.has(t.term) ? { term: t.term, weight: t.weight * factor } : t)));
  };
  const namesOnly = (part: PointPart) =>
    part.role !== 'label' && part.alternatives.every((alt) => ownShare(alt) < GIVEN_PART_SHARE);
  const substantive = parts.filter((p) => p.role !== 'label' && !namesOnly(p));
  let coreSeen = false;
  return parts.map((part) => {
    const examples = part.examples.filter((e) => !e.terms.every((t) => given.has(t.term))).map(discount);
    if (substantive.length > 0 && namesOnly(part)) {
      return {
        ...part,
        role: 'label' as PartRole,
        weight: PART_WEIGHTS.label,
        alternatives: part.alternatives.map(discount),
        examples,
        given: true,
      };
    }
    let role = part.role;
    // The first part that says something beyond the question is the point's core.
    if (role !== 'label' && !coreSeen) {
      role = 'core';
      coreSeen = true;
    }
    return { ...part, role, weight: PART_WEIGHTS[role], alternatives: part.alternatives.map(discount), examples };
  });
}

/** The first colon outside brackets, or -1. */
function topLevelColon(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ':' && depth === 0 && /\s/.test(text[i + 1] ?? '')) return i;
  }
  return -1;
}

function tidyPart(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:and|with|or|the|a|an)\s+/i, '')
    .replace(/[,;:.\s]+$/, '');
}
