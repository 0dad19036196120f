/**
 * A behavioural answer judged as a story: what makes it strong is its structure and substance (a situation, the
 * candidate's own part, what they did, why, a result, a lesson), not the words of the seed's sample story. Each
 * behavioural rubric point is read as the facet of a story it asks for ("States the actual impact…" is the result,
 * "Explains what they changed afterward" the lesson), and the story's own evidence for that facet counts for it.
 */
import type { TextAnalysis } from '../text/analyze';
import { matchTokens, tokenText } from '../text/token-text';
import type { EvidenceSpan, StarAnalysis } from '../types';
import { evidenceSpan } from './coverage';

export type StoryFacet = 'situation' | 'role' | 'action' | 'reasoning' | 'result' | 'lesson';

/** What a rubric point asks for, by its wording (checked in this order: a lesson point may mention a result). */
const FACET_OF_POINT: [StoryFacet, RegExp][] = [
  [
    'lesson',
    /\b(?:lesson|learn(?:ed|t|ing)?|changed (?:in )?(?:their|your|his|her)|afterward|since|apply (?:those|the) lessons|change in behaviou?r|do differently|growth|reflect)/i,
  ],
  ['result', /\b(?:result|outcome|impact|quantif|measur|metric|success|deliver(?:ed|y)|shipped|states the outcome)/i],
  ['reasoning', /\b(?:why|reason|rationale|root cause|trade-?offs?|analy[sz]e)/i],
  [
    'role',
    /\b(?:your (?:specific |direct )?(?:role|responsibility|contribution)|owns? (?:it|the decision)|ownership|personally|blame|committed once)/i,
  ],
  [
    'action',
    /\b(?:action|steps?|how (?:they|you) (?:raised|guided|handled|fixed)|raised the concern|approach|strateg|technique|guid(?:e|ance)|mentorship|collaborat|communicat|describes how)/i,
  ],
  [
    'situation',
    /\b(?:situation|context|describes the (?:problem|situation|mistake)|specific (?:project|technical challenge|identification)|picks a real|constraints|stakes|names the specific)/i,
  ],
];

export function pointFacet(text: string): StoryFacet | null {
  for (const [facet, re] of FACET_OF_POINT) if (re.test(text)) return facet;
  return null;
}

const REASONING =
  /\b(?:because|since|so that|the reason (?:was|is)|which meant|that meant|given that|to avoid|i was worried|my concern was|the risk was|trade-?off|root cause|turned out|it was caused by)\b/;
const FIRST_PERSON = new Set(['i', "i'm", "i'd", "i've", "i'll", 'me', 'my', 'myself']);
const TEAM_PERSON = new Set(['we', "we're", "we'd", "we've", 'us', 'our', 'they', 'them', 'their']);

const PAST = new Set([
  'was',
  'were',
  'had',
  'did',
  'made',
  'took',
  'went',
  'got',
  'ran',
  'wrote',
  'built',
  'found',
  'broke',
  'told',
  'knew',
  'thought',
  'saw',
  'came',
  'gave',
  'kept',
  'left',
  'led',
  'lost',
  'met',
  'paid',
  'put',
  'said',
  'sent',
  'set',
  'spent',
  'understood',
  'won',
  'chose',
  'began',
  'brought',
  'caught',
  'fell',
  'felt',
  'held',
  'meant',
  'shipped',
  'rolled',
  'hit',
]);
const NOT_PAST = new Set([
  'need',
  'speed',
  'indeed',
  'embed',
  'bed',
  'red',
  'shared',
  'based',
  'distributed',
  'advanced',
  'detailed',
  'related',
  'automated',
]);

export interface StoryEvidence {
  facets: Record<StoryFacet, EvidenceSpan | null>;
  /**
   * How concrete the story is, 0–1: told in the past tense, with numbers and named things. "I always own my mistakes
   * and learn from them" has the words of every facet and none of a story.
   */
  concreteness: number;
  /** Share of personal pronouns that are the candidate's own ("I" rather than "we"), 0–1. */
  ownShare: number;
  /** How much of a story it is: its facets present, 0–1. */
  shape: number;
}

export function analyzeStory(a: TextAnalysis, star: StarAnalysis): StoryEvidence {
  let own = 0;
  let team = 0;
  for (const t of a.tokens) {
    if (FIRST_PERSON.has(t.lower)) own++;
    else if (TEAM_PERSON.has(t.lower)) team++;
  }
  const ownShare = own + team === 0 ? 0 : own / (own + team);
  const tt = tokenText(a.tokens);
  const [why] = matchTokens(tt, REASONING);
  const quote = (first: number, last: number) =>
    evidenceSpan(a, first, Math.min(a.tokens.length - 1, last + 8), 10, 24);
  const facets: Record<StoryFacet, EvidenceSpan | null> = {
    situation: star.situation ? (star.evidence.situation ?? null) : null,
    // The candidate's own part: their task, or actions told in the first person in a story that is mostly theirs.
    role: star.task
      ? (star.evidence.task ?? null)
      : star.action && ownShare >= 0.5
        ? (star.evidence.action ?? null)
        : null,
    action: star.action ? (star.evidence.action ?? null) : null,
    reasoning: why && (star.action || ownShare >= 0.4) ? quote(why.first, why.last) : null,
    result: star.result ? (star.evidence.result ?? null) : null,
    lesson: star.lesson ? (star.evidence.lesson ?? null) : null,
  };
  const present = Object.values(facets).filter(Boolean).length;
  let past = 0;
  let numbers = 0;
  for (const t of a.tokens) {
    if (PAST.has(t.lower) || (/[a-z]{3,}ed$/.test(t.lower) && !NOT_PAST.has(t.lower))) past++;
    if (/^\d/.test(t.lower)) numbers++;
  }
  const words = Math.max(1, a.wordCount);
  const concreteness = Math.min(
    1,
    0.5 * Math.min(1, past / words / 0.06) +
      0.3 * Math.min(1, numbers / 2) +
      0.2 * Math.min(1, a.terms.length / words / 0.45),
  );
  return { facets, ownShare, shape: present / 6, concreteness };
}
