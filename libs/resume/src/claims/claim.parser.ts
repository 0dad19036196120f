/**
 * Claims: a bullet or sentence that opens with an action verb and states an outcome (a number, or
 * an ownership/leadership phrase). Each is split into the verb phrase, what it was done to and the
 * metric, so a question can quote the claim without quoting a whole garbled bullet.
 */
import type { ClaimKind, ResumeClaim } from '../types';
import { squash, words } from '../text/normalise-text.util';
import { stableHash } from '../text/stable-hash.util';
import type { SkillLexicon } from '../lexicon/skill-lexicon.matcher';
import { IMPROVEMENT_METRICS, findMetric, type MetricMatch, type MetricType } from './claim-metric.parser';
import { VERB_FORMS, type VerbInfo } from './claim-verbs.data';

export interface ClaimSplit {
  verb: VerbInfo;
  /** Past-tense verb phrase and its complement, trailing clauses and the metric removed: "cut p95 latency of the checkout API". */
  phrase: string;
  /** Verb and direct object: "cut p95 latency". */
  action: string;
  /** What it was done to: "the checkout API". */
  object: string | null;
  /** The direct object alone ("p95 latency"), when there is one. */
  directObject: string | null;
  metric: string | null;
  metricType: MetricType | null;
  /** The metric is part of the phrase ("saved $1.2M …"), so a question must not repeat it. */
  metricInPhrase: boolean;
  /**
   * The claim with its metric where the sentence put it, short enough to say: "cut p95 latency of the
   * checkout API by 40%", or a main part and a result clause ("led a team of 6 engineers" / "cutting
   * delivery failures by 70%"); null when the metric cannot be quoted that way.
   */
  spoken: { main: string; clause: string | null } | null;
  ownership: boolean;
  leadership: boolean;
  /** The split reads naturally enough to quote in a question. */
  clean: boolean;
}

export interface ClaimContext {
  organisation: string | null;
  roleTitle: string | null;
}

const LEAD_IN = /^(?:(?:I|we)\s+(?:have\s+|had\s+)?|I've\s+|we've\s+)/i;
const ADVERB = /^(?:[\p{L}-]+ly|together with [^,]+,)\s+/iu;
const OWNERSHIP =
  /\b(?:end[- ]to[- ]end|e2e|from scratch|from the ground up|ground[- ]up|single[- ]handedly|solely|sole (?:owner|engineer|developer|maintainer)|on my own|by myself|ownership of|as (?:the )?(?:owner|tech lead|lead engineer|dri)|zero to one|0 to 1|primary owner|independently)\b/i;
const LEADERSHIP =
  /\b(?:(?:team|squad|group|pod|crew|guild|chapter) of\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen)\s+(?:[\p{L}-]+\s+)?(?:engineers|developers|people|reports|direct reports|interns|contractors)|tech(?:nical)? lead|team lead|(?:led|leading|lead)\s+(?:a|the|our|my)?\s*(?:\p{L}+\s+)?(?:team|squad|guild|chapter|pod))\b/iu;
const TITLE_AFTER_LEAD = /^(?:engineer|developer|architect|role|position|of\b)/i;

/** Words that end the part of a sentence worth quoting: means, results and side clauses. */
const CLAUSE_BREAK = new RegExp(
  String.raw`\s*[,;:(]|\s+[-–—]\s+|\s+(?:by|through|via|using|leveraging|utili[sz]ing|while|which|who|whereby|thereby|resulting|leading to|used (?:by|in|across|at)|so that|in order to|as part of|thanks to|due to|saving|reducing|cutting|improving|increasing|enabling|allowing|handling|serving|processing|supporting|powering|running|reaching|achieving|bringing|making|helping|lowering|boosting|eliminating|delivering|and then|with (?:a|an|the|zero|no|\d))\b`,
  'i',
);
/** "with" ends the phrase, except where it belongs to the noun ("integration with three providers"). */
const WITH_BREAK =
  /(?<!\b(?:integrations?|partnerships?|collaboration|compatibility|interoperability|contracts?))\s+with\b/i;
const AND_VERB = /\s+(?:and|&)\s+([\p{L}-]+(?:\s+(?:up|out|over))?)/iu;
const TRAILING_JUNK =
  /(?:\s+(?:and|or|the|a|an|of|to|for|with|in|on|at|by|from|as|into|across|our|my|its|their))+\s*$|[\s,;:\-–—(]+$/i;

const PREPOSITIONS = new Set([
  'of',
  'for',
  'on',
  'in',
  'across',
  'within',
  'into',
  'onto',
  'to',
  'at',
  'behind',
  'from',
  'between',
  'around',
  'inside',
  'throughout',
  'with',
  'during',
]);
/** Nouns whose "of" belongs to them ("a team of 5", "a suite of tests"). */
const QUANTIFIER_NOUNS =
  /^(?:team|group|squad|pod|cohort|number|couple|set|suite|series|lot|dozens|hundreds|thousands|millions|fleet|cluster|network|collection|range|variety|portfolio|handful|pair|crew|guild)$/i;
/** Prepositions after which the noun is the thing changed (not just where or with what). */
const TARGET_PREPOSITIONS = new Set(['of', 'behind', 'to', 'into', 'onto']);
const STOP_END = /^(?:the|a|an|of|to|for|and|or|with|in|on|at|by|from|as|our|my|its|their|this|that)$/i;
const ADVERBIALS =
  /\s*\b(?:end[- ]to[- ]end|from scratch|from the ground up|single[- ]handedly|on my own|by myself|independently)\b/gi;

function verbAt(wordsList: string[], at: number): { info: VerbInfo; length: number } | null {
  for (let n = 2; n >= 1; n--) {
    const form = wordsList
      .slice(at, at + n)
      .join(' ')
      .toLowerCase()
      .replace(/[,:;.]+$/, '');
    const info = VERB_FORMS.get(form);
    if (info && wordsList.length >= at + n) return { info, length: n };
  }
  return null;
}

/** Opening verbs ("Designed and built") in the past tense, and where the rest starts. */
function openingVerbs(sentence: string): { verb: VerbInfo; verbPhrase: string; rest: string } | null {
  const ws = sentence.split(/\s+/);
  const first = verbAt(ws, 0);
  if (!first) return null;
  if (first.info.base === 'lead' && TITLE_AFTER_LEAD.test(ws[first.length] ?? '')) return null;
  if (first.info.base === 'found' && ws[0].toLowerCase() === 'found') return null;
  const verbs = [first.info.past];
  let rest = ws.slice(first.length).join(' ');
  for (;;) {
    const m = /^(?:,\s*|\s*(?:and|&)\s+|,\s*and\s+)/i.exec(`${rest.startsWith(',') ? '' : ' '}${rest}`);
    if (!m) break;
    const after = `${rest.startsWith(',') ? '' : ' '}${rest}`.slice(m[0].length).split(/\s+/);
    const next = verbAt(after, 0);
    const edForm = !next && /^[a-z]+ed,?$/.test(after[0] ?? '') ? after[0].replace(/,$/, '') : null;
    if (!next && !edForm) break;
    verbs.push(next ? next.info.past : (edForm as string));
    rest = after.slice(next ? next.length : 1).join(' ');
  }
  const verbPhrase = verbs.length === 1 ? verbs[0] : `${verbs.slice(0, -1).join(', ')} and ${verbs[verbs.length - 1]}`;
  return { verb: first.info, verbPhrase, rest: rest.trim() };
}

function trimJunk(text: string): string {
  let t = text.trim();
  for (let prev = ''; prev !== t;) {
    prev = t;
    t = t.replace(TRAILING_JUNK, '').trim();
  }
  return t;
}

/** Where the quotable part of a complement ends: the first side clause not inside the metric. */
function clauseEnd(text: string, verb: VerbInfo, skip: [number, number] | null): number {
  const breaks: number[] = [];
  const scan = (re: RegExp, accept: (m: RegExpExecArray) => boolean = () => true) => {
    const g = new RegExp(re.source, 'giu');
    for (let m = g.exec(text); m; m = g.exec(text)) {
      if (m.index > 0 && accept(m) && !(skip && m.index >= skip[0] && m.index < skip[1])) {
        breaks.push(m.index);
        return;
      }
    }
  };
  // "Replaced cron jobs with a queue": for a replacement the "with" part is the point.
  scan(CLAUSE_BREAK, (m) => verb.base !== 'replace' || !/^\s+with\b/i.test(m[0]));
  if (verb.base !== 'replace') scan(WITH_BREAK);
  scan(AND_VERB, (m) => VERB_FORMS.has(m[1].toLowerCase()));
  return breaks.length > 0 ? Math.min(...breaks) : text.length;
}

/** A result clause that carries the metric: "cutting incidents by 60%". */
const RESULT_CLAUSE =
  /^(?:cutting|reducing|saving|improving|increasing|lowering|boosting|eliminating|halving|doubling|tripling|bringing|raising|growing|shrinking|speeding up|handling|serving|processing|supporting|powering|reaching|used by|which (?:cut|reduced|saved|improved|increased|halved|doubled|lowered|raised|handles|serves|processes)|resulting in|leading to)\b/i;

interface Complement {
  /** Metric taken out (unless it is the direct object), side clauses cut: for the object split. */
  text: string;
  metricInPhrase: boolean;
  /** Up to the first side clause, the metric left where it was written. */
  head: string;
  metricInHead: boolean;
  /** A side clause that carries the metric ("cutting incidents by 60%"). */
  resultClause: string | null;
}

function complement(rest: string, metric: MetricMatch | null, verb: VerbInfo): Complement {
  const at = metric ? rest.indexOf(metric.text) : -1;
  if (!metric || at < 0) {
    const text = trimJunk(squash(rest.slice(0, clauseEnd(rest, verb, null))));
    return { text, metricInPhrase: false, head: text, metricInHead: false, resultClause: null };
  }
  const metricEnd = at + metric.text.length;
  const skip: [number, number] = [Math.max(0, at - 5), metricEnd];
  const leading = /^\s*(?:over\s+|more than\s+|nearly\s+|almost\s+)?$/i.test(rest.slice(0, at));
  const metricInPhrase = leading && (metric.type === 'money' || metric.type === 'scale' || metric.type === 'percent');

  const headEnd = clauseEnd(rest, verb, skip);
  const head = trimJunk(squash(rest.slice(0, headEnd)));
  const metricInHead = at < headEnd;
  let resultClause: string | null = null;
  if (!metricInHead) {
    const clause = squash(rest.slice(headEnd, metricEnd).replace(/^[\s,;:(–—-]+/u, ''));
    if (RESULT_CLAUSE.test(clause) && quotedLength(clause, metric.text) <= 7) resultClause = clause;
  }
  const common = { metricInPhrase, head, metricInHead, resultClause };
  if (metricInPhrase) return { text: head, ...common };
  const before = rest.slice(0, at);
  const after = rest.slice(metricEnd);
  const joined = /^\s*(?:[,;(]|and\b|by\b|through\b|via\b|using\b|with\b|while\b|which\b|in\s+\d|$|[-–—]\s)/i.test(
    after,
  )
    ? before
    : `${before}${after}`;
  const text = trimJunk(squash(joined.slice(0, clauseEnd(joined, verb, null))));
  return { text, ...common };
}

/** Direct object, preposition and its object: "p95 latency" / "of" / "the checkout API". */
function splitObject(text: string): {
  direct: string | null;
  prep: string | null;
  target: string | null;
  purpose: boolean;
} {
  const ws = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i].toLowerCase();
    if (!PREPOSITIONS.has(w)) continue;
    if (w === 'of' && i > 0 && QUANTIFIER_NOUNS.test(ws[i - 1])) continue;
    if (w === 'to' && /^end$/i.test(ws[i - 1] ?? '')) continue;
    if (w === 'end' || (w === 'to' && /^end$/i.test(ws[i + 1] ?? ''))) continue;
    const direct = ws.slice(0, i).join(' ') || null;
    const targetWords = ws.slice(i + 1);
    if (
      w === 'to' &&
      targetWords.length > 0 &&
      VERB_FORMS.get(targetWords[0].toLowerCase())?.base === targetWords[0].toLowerCase()
    ) {
      const inner = splitObject(targetWords.slice(1).join(' '));
      return { direct, prep: `to ${targetWords[0]}`, target: inner.direct ?? inner.target, purpose: true };
    }
    const nextPrep = targetWords.findIndex(
      (t, j) => j > 0 && PREPOSITIONS.has(t.toLowerCase()) && t.toLowerCase() !== 'of',
    );
    const target = (nextPrep > 0 ? targetWords.slice(0, nextPrep) : targetWords).join(' ') || null;
    return { direct, prep: w, target, purpose: false };
  }
  return { direct: text || null, prep: null, target: null, purpose: false };
}

function stripAdverbials(text: string | null): string | null {
  if (!text) return null;
  const t = trimJunk(text.replace(ADVERBIALS, ''));
  return t.length > 0 ? t : null;
}

/** Words a question would quote from the sentence, the metric not counted. */
function quotedLength(text: string, metric: string | null): number {
  return words(metric ? text.replace(metric, '') : text).length;
}

/** The claim with its metric in place, short enough to say; null when there is no such form. */
function spokenForm(
  split: Pick<ClaimSplit, 'phrase' | 'action' | 'metric'>,
  shorter: string,
  verbPhrase: string,
  head: string,
  metricInHead: boolean,
  resultClause: string | null,
): ClaimSplit['spoken'] {
  const metric = split.metric;
  if (!metric) return null;
  const candidates = metricInHead
    ? [{ main: `${verbPhrase} ${head}`, clause: null }]
    : resultClause
      ? [`${verbPhrase} ${head}`, split.phrase, shorter, split.action].map((main) => ({ main, clause: resultClause }))
      : [];
  return (
    candidates.find((c) => {
      const joined = c.clause ? `${c.main}, ${c.clause}` : c.main;
      return joined.includes(metric) && quotedLength(joined, metric) <= 12;
    }) ?? null
  );
}

function readsNaturally(split: Pick<ClaimSplit, 'phrase' | 'action' | 'object' | 'directObject'>): boolean {
  const phraseWords = words(split.phrase).length;
  const actionWords = words(split.action).length;
  if (actionWords < 2 || actionWords > 9 || phraseWords > 12) return false;
  if (split.object && (words(split.object).length > 8 || STOP_END.test(split.object.split(/\s+/).pop() ?? '')))
    return false;
  if (/[{}<>[\]|\\]|\.\.\.|…/.test(split.phrase)) return false;
  const open = (split.phrase.match(/\(/g) ?? []).length;
  const close = (split.phrase.match(/\)/g) ?? []).length;
  if (open !== close || (split.phrase.match(/"/g) ?? []).length % 2 === 1) return false;
  return /\p{L}{2,}/u.test(split.directObject ?? split.object ?? '');
}

/** Nouns that name the action itself ("led the migration to Kafka"): the target is the object. */
const ACTION_NOUNS =
  /^(?:the |a |an |our |my )?(?:migration|move|switch|transition|rewrite|rollout|roll-out|upgrade|adoption|redesign|consolidation|port|shift|overhaul)$/i;

/** A later "and <verb> …" clause of the sentence that holds the metric: "… and cut build time by 30%". */
function clauseWithMetric(rest: string, metric: MetricMatch): string | null {
  const at = rest.indexOf(metric.text);
  const g = new RegExp(AND_VERB.source, 'giu');
  let found: string | null = null;
  for (let m = g.exec(rest); m && m.index < at; m = g.exec(rest)) {
    if (VERB_FORMS.has(m[1].toLowerCase())) found = rest.slice(m.index + m[0].length - m[1].length);
  }
  return found;
}

/** Verb, object and metric of a claim sentence; null when it does not open with an action verb. */
export function splitClaim(sentence: string): ClaimSplit | null {
  let s = squash(sentence).replace(/[.;:!]+$/, '');
  s = s.replace(LEAD_IN, '');
  // "Spring cleaning of the codebase: removed 40k lines …" — a label before the verb.
  const labelled = /^[^:]{2,60}:\s+(.+)$/u.exec(s);
  if (labelled && !verbAt(s.split(/\s+/), 0) && verbAt(labelled[1].split(/\s+/), 0)) s = labelled[1];
  const adverbOwnership = /^(?:single[- ]handedly|solely|independently|personally)\b/i.test(s);
  for (let i = 0; i < 2 && ADVERB.test(s) && !verbAt(s.split(/\s+/), 0); i++) s = s.replace(ADVERB, '');
  const opening = openingVerbs(s);
  if (!opening) return null;
  const { verb, verbPhrase, rest } = opening;
  const metric = findMetric(rest);
  const parts0 = complement(rest, metric, verb);
  if (metric && !parts0.metricInPhrase && !parts0.metricInHead && !parts0.resultClause) {
    // The number belongs to a later clause: that clause is the claim worth quoting.
    const later = clauseWithMetric(rest, metric);
    const sub = later ? splitClaim(later) : null;
    if (sub)
      return {
        ...sub,
        ownership: sub.ownership || OWNERSHIP.test(sentence),
        leadership: sub.leadership || LEADERSHIP.test(sentence),
      };
    // Otherwise the number stays the claim's outcome, but it cannot be quoted inside the phrase.
  }
  const { text, metricInPhrase, head, metricInHead, resultClause } = parts0;
  const parts = splitObject(stripAdverbials(text) ?? '');
  let directRaw = parts.direct;
  // "Led the platform group responsible for ticketing": what they were responsible for is the object.
  const responsible = directRaw ? /\s+(?:responsible|accountable)$/i.exec(directRaw) : null;
  if (responsible && directRaw) directRaw = directRaw.slice(0, responsible.index);
  // "Saved $1.2M in annual cloud costs": the money is the direct object, the costs are what changed.
  const moneyFirst = metricInPhrase && directRaw === metric?.text && metric?.type !== 'scale';
  const direct = moneyFirst ? null : directRaw;
  const actionNoun = direct !== null && ACTION_NOUNS.test(direct);
  if (actionNoun && parts.prep === 'from' && parts.target) {
    const to = /\bto\s+(.+)$/i.exec(text)?.[1];
    if (to) parts.target = splitObject(to).direct ?? parts.target;
  }
  const useTarget =
    parts.target !== null &&
    (parts.purpose || actionNoun || responsible !== null || TARGET_PREPOSITIONS.has(parts.prep ?? '') || !direct);
  const object = stripAdverbials(useTarget ? parts.target : direct);
  const action = trimJunk(directRaw ? `${verbPhrase} ${directRaw}` : `${verbPhrase} ${text}`);
  // The verb, its object and one prepositional phrase: what is quoted when the whole is too long.
  const shorter = parts.prep && parts.target ? trimJunk(`${action} ${parts.prep} ${parts.target}`) : action;
  let phrase = trimJunk(`${verbPhrase} ${text}`);
  if (words(phrase).length > 12) phrase = shorter;
  const ownership = verb.category === 'own' || adverbOwnership || OWNERSHIP.test(sentence);
  const leadership = verb.category === 'lead' || LEADERSHIP.test(sentence);
  const split = {
    verb,
    phrase,
    action,
    object,
    directObject: direct,
    metric: metric?.text ?? null,
    metricType: metric?.type ?? null,
    metricInPhrase,
    spoken: null as ClaimSplit['spoken'],
    ownership,
    leadership,
    clean: false,
  };
  split.spoken = spokenForm(split, shorter, verbPhrase, head, metricInHead, resultClause);
  split.clean = readsNaturally(split);
  return split;
}

/** Impact needs a change that was measured; otherwise who-did-what decides. Null: no outcome, no claim. */
export function classifyClaim(split: ClaimSplit): ClaimKind | null {
  const improving = split.verb.category === 'decrease' || split.verb.category === 'increase';
  if (split.metricType && (IMPROVEMENT_METRICS.has(split.metricType) || improving)) return 'impact';
  if (split.leadership) return 'leadership';
  if (split.ownership) return 'ownership';
  if (split.metricType) return 'delivery';
  if (/^(?:doubled|tripled|halved)$/.test(split.verb.past)) return 'impact';
  return null;
}

export function claimId(text: string): string {
  return `claim-${stableHash(squash(text).toLowerCase())}`;
}

/** The claim a sentence makes, or null. */
export function extractClaim(sentence: string, context: ClaimContext, lexicon: SkillLexicon): ResumeClaim | null {
  const text = squash(sentence);
  const split = splitClaim(text);
  if (!split) return null;
  const kind = classifyClaim(split);
  if (!kind) return null;
  return {
    id: claimId(text),
    text,
    action: split.action,
    object: split.object,
    metric: split.metric,
    organisation: context.organisation,
    roleTitle: context.roleTitle,
    skills: lexicon.find(text),
    kind,
  };
}
