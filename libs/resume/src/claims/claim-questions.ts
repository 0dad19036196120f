/**
 * claimQuestions: questions about what the candidate says they did. The strongest claims are picked
 * (measured impact first, then ownership and leadership; different organisations where possible),
 * each phrased from a template that quotes the claim's verb phrase, never a whole bullet.
 */
import type {
  ClaimKind,
  ClaimQuestion,
  ClaimQuestionsOptions,
  ResumeClaim,
  ResumeProfile,
  SuggestedLevel,
} from '../types';
import { tokens, words } from '../text/normalise-text.util';
import { hashIndex } from '../text/stable-hash.util';
import { SkillLexicon } from '../lexicon/skill-lexicon.matcher';
import { splitClaim, type ClaimSplit } from './claim.parser';
import { DETACHED_METRIC_TEMPLATES, FOLLOW_UPS, LEVEL_FOLLOW_UPS, QUESTION_TEMPLATES } from './claim-templates.data';

export const DEFAULT_CLAIM_QUESTION_LIMIT = 5;

const STOP = new Set(
  'the a an of to for and or with in on at by from as our my your their its this that new all into across over under'.split(
    ' ',
  ),
);
const ORG_REPEAT_PENALTY = 0.8;

interface Candidate {
  claim: ResumeClaim;
  split: ClaimSplit;
  score: number;
}

function baseScore(claim: ResumeClaim, split: ClaimSplit, recency: number): number {
  const byKind: Record<ClaimKind, number> = {
    impact: claim.metric ? 4 : 3,
    leadership: 2.6,
    ownership: 2.5,
    delivery: claim.metric ? 2 : 1.5,
  };
  return (
    byKind[claim.kind] + 0.1 * Math.min(3, claim.skills.length) + recency + (split.spoken || !claim.metric ? 0.1 : 0)
  );
}

/** 0.3 for the latest role, less for older ones, none for projects. */
function recencyOf(claim: ResumeClaim, profile: ResumeProfile): number {
  const i = profile.roles.findIndex(
    (r) => r.organisation === claim.organisation && (r.title || null) === claim.roleTitle,
  );
  return i < 0 ? 0 : Math.max(0, 0.3 - 0.15 * i);
}

function contentWords(text: string): Set<string> {
  return new Set(tokens(text).filter((t) => t.length > 2 && !STOP.has(t)));
}

function similar(a: Candidate, b: Candidate): boolean {
  const x = contentWords(`${a.claim.action} ${a.claim.object ?? ''}`);
  const y = contentWords(`${b.claim.action} ${b.claim.object ?? ''}`);
  const shared = [...x].filter((t) => y.has(t)).length;
  const union = new Set([...x, ...y]).size;
  const sameObject = !!a.claim.object && a.claim.object.toLowerCase() === b.claim.object?.toLowerCase();
  return (union > 0 && shared / union >= 0.6) || (sameObject && a.claim.kind === b.claim.kind);
}

/** Greedy: best score first, each organisation already used costs a little, near-duplicates are skipped. */
function pick(candidates: Candidate[], limit: number): Candidate[] {
  const chosen: Candidate[] = [];
  const perOrg = new Map<string, number>();
  const pool = [...candidates];
  while (chosen.length < limit && pool.length > 0) {
    const adjusted = (c: Candidate) =>
      c.score - ORG_REPEAT_PENALTY * (c.claim.organisation ? (perOrg.get(c.claim.organisation) ?? 0) : 0);
    pool.sort((a, b) => adjusted(b) - adjusted(a) || a.claim.id.localeCompare(b.claim.id));
    const next = pool.shift() as Candidate;
    if (chosen.some((c) => similar(c, next))) continue;
    chosen.push(next);
    if (next.claim.organisation) perOrg.set(next.claim.organisation, (perOrg.get(next.claim.organisation) ?? 0) + 1);
  }
  return chosen;
}

/** The candidate's words turned to the interviewer's: "my team" → "your team", "our API" → "the API". */
function secondPerson(text: string): string {
  return text
    .replace(/\bmy\b/gi, 'your')
    .replace(/\bour\b/gi, 'the')
    .replace(/\bI\b/g, 'you')
    .replace(/\bme\b/gi, 'you')
    .replace(/\bmyself\b/gi, 'yourself');
}

/** The claim to quote (a result clause goes after the organisation), and whether it carries its metric. */
function quotable(claim: ResumeClaim, split: ClaimSplit): { text: string; clause: string | null; withMetric: boolean } {
  if (split.spoken) return { text: secondPerson(split.spoken.main), clause: split.spoken.clause, withMetric: true };
  return { text: secondPerson(split.phrase), clause: null, withMetric: !claim.metric || split.metricInPhrase };
}

function fill(template: string, slots: Record<string, string>): string {
  const text = template.replace(/\{(\w+)\}/g, (_m, key: string) => slots[key] ?? '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function chooseTemplate(templates: string[], claimId: string, used: Set<string>): string {
  const start = hashIndex(claimId, templates.length);
  for (let k = 0; k < templates.length; k++) {
    const t = templates[(start + k) % templates.length];
    if (!used.has(t)) return t;
  }
  return templates[start];
}

/** "by 40%" after "cut p95 latency" → "40% p95 latency reduction"; a result clause speaks for its own metric. */
function describeMetric(split: ClaimSplit): string {
  const clause = split.spoken?.clause ? splitClaim(split.spoken.clause) : null;
  const source = clause?.metric ? clause : split;
  const metric = source.metric as string;
  const what = secondPerson(source.directObject ?? source.object ?? 'result').replace(/^(?:the|a|an|your)\s+/i, '');
  const core = metric.replace(/^(?:by|to|with)\s+/i, '');
  const decreasing = source.verb.category === 'decrease';
  const increasing = source.verb.category === 'increase';
  if (/^by\s/i.test(metric) && (decreasing || increasing))
    return `${core} ${what} ${decreasing ? 'reduction' : 'increase'}`;
  if (/^from\s/i.test(metric)) return `change in ${what} ${metric}`;
  if (/^to\s/i.test(metric)) return `${what} of ${core}`;
  if (source.metricType === 'multiplier') return `${core} ${what} improvement`;
  if (source.metricType === 'time') return `timeline (${metric})`;
  if (source.metricType === 'scale') return `figure of ${metric}`;
  if (decreasing) return `${core} saving`;
  return source.metricType === 'money' ? `${metric} figure` : `claim of ${core}`;
}

/** A technology the claim names, the one it was done to first ("why Kafka" for a migration to Kafka). */
function technologyOf(claim: ResumeClaim, object: string): string | undefined {
  const lexicon = SkillLexicon.default();
  const tech = claim.skills.filter((name) => {
    const entry = lexicon.entry(name);
    return entry !== undefined && entry.source !== 'bank' && entry.area !== 'concept' && entry.area !== 'practice';
  });
  return tech.find((t) => object.toLowerCase().includes(t.toLowerCase())) ?? tech[0];
}

function rubricFor(claim: ResumeClaim, split: ClaimSplit, level: SuggestedLevel | undefined): string[] {
  const target = secondPerson(claim.object ?? split.directObject ?? 'the system');
  const skill = technologyOf(claim, target);
  const points: string[] = [];
  const category = split.verb.category;
  if (category === 'lead' || claim.kind === 'leadership')
    points.push(`Describes how they organised the work on ${target} and what they did themselves`);
  else if (claim.kind === 'ownership')
    points.push(`Names concrete decisions they made about ${target}, not only tasks`);
  else if (category === 'build' || category === 'own')
    points.push(`Describes the design of ${target} and the key technical decisions behind it`);
  else points.push(`Describes the specific changes they made to ${target}`);
  const scaleLike = split.metricType === 'scale' || split.metricType === 'time';
  if (claim.metric && scaleLike && !split.spoken?.clause)
    points.push(`Explains where the ${describeMetric(split)} comes from (how it was counted or measured)`);
  else if (claim.metric)
    points.push(`Explains how the ${describeMetric(split)} was measured (baseline, tool, time window)`);
  else if (claim.kind === 'leadership')
    points.push('Explains how the team was kept aligned and how disagreements were settled');
  else points.push('States a concrete outcome and how they know it (usage, incidents, time saved)');
  points.push(
    claim.kind === 'leadership'
      ? 'Separates their own contribution from the team’s, with an example'
      : 'Separates their own contribution from the team’s',
  );
  points.push(
    skill
      ? `Names a trade-off or alternative considered (for example, why ${skill})`
      : 'Names a trade-off or alternative considered',
  );
  points.push(
    level === 'senior'
      ? 'Says what went wrong or what they would do differently, and what it taught them about the wider system'
      : 'Says what went wrong or what they would do differently',
  );
  return points;
}

function followUpsFor(claim: ResumeClaim, split: ClaimSplit, level: SuggestedLevel | undefined): string[] {
  const object = secondPerson(claim.object ?? split.directObject ?? 'it');
  const out = FOLLOW_UPS[claim.kind].map((f) => f.replace(/\{object\}/g, object));
  // Asks about the choice of tools without naming them: the answer should come from the candidate.
  if (technologyOf(claim, object))
    out.splice(2, 0, 'Which tools or approaches did you choose between, and why that one?');
  // At most five, and the level's own question always among them.
  return level ? [...out.slice(0, 4), LEVEL_FOLLOW_UPS[level][0]] : out.slice(0, 5);
}

function keyTermsFor(claim: ResumeClaim, split: ClaimSplit): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const objectWords = words(`${split.directObject ?? ''} ${claim.object ?? ''}`)
    .map((w) => w.replace(/[^\p{L}\p{N}+#.\-/]/gu, ''))
    .filter((w) => w.length > 2 && !STOP.has(w.toLowerCase()));
  for (const term of [...claim.skills, ...objectWords]) {
    const key = term.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(term);
    }
  }
  return out.slice(0, 8);
}

export function claimQuestions(profile: ResumeProfile, options: ClaimQuestionsOptions = {}): ClaimQuestion[] {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_CLAIM_QUESTION_LIMIT));
  const level = options.level ?? profile.suggestedLevel ?? undefined;
  const candidates: Candidate[] = [];
  for (const claim of profile.claims) {
    const split = splitClaim(claim.text);
    // Never quote a garbled fragment: a claim whose split does not read naturally is not asked about.
    if (!split?.clean) continue;
    candidates.push({ claim, split, score: baseScore(claim, split, recencyOf(claim, profile)) });
  }

  const used = new Set<string>();
  return pick(candidates, limit).map(({ claim, split }) => {
    const { text, clause, withMetric } = quotable(claim, split);
    const templates = withMetric ? QUESTION_TEMPLATES[claim.kind] : DETACHED_METRIC_TEMPLATES;
    const template = chooseTemplate(templates, claim.id, used);
    used.add(template);
    const org = claim.organisation && !text.includes(claim.organisation) ? ` at ${claim.organisation}` : '';
    const at = clause ? `${org}, ${clause}` : org;
    return {
      claimId: claim.id,
      text: fill(template, { claim: text, at, metric: (claim.metric ?? '').replace(/^(?:by|to|with)\s+/i, '') }),
      followUps: followUpsFor(claim, split, level),
      rubric: rubricFor(claim, split, level).map((point, i) => ({ id: `${claim.id}#${i + 1}`, text: point })),
      keyTerms: keyTermsFor(claim, split),
    };
  });
}
