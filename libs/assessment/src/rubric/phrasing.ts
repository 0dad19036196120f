/**
 * Turning rubric point texts into natural interviewer questions and coach phrases. Rubric points come
 * in three shapes: "Label: detail" ("Security: sensitive operations must stay server-side"), a
 * third-person verb phrase ("Presents at least two algorithms ... with their trade-offs") and a noun
 * phrase ("Strangler Fig Pattern"); each gets its own template, pitched to the level.
 */
import type { Level } from '@mockroom/contracts';

const IRREGULAR_VERBS: Record<string, string> = {
  has: 'have',
  does: 'do',
  goes: 'go',
  is: 'are',
  focuses: 'focus',
  addresses: 'address',
  discusses: 'discuss',
  uses: 'use',
  chooses: 'choose',
  balances: 'balance',
  increases: 'increase',
  enforces: 'enforce',
  decides: 'decide',
  describes: 'describe',
  states: 'state',
  validates: 'validate',
  communicates: 'communicate',
  recognizes: 'recognize',
  prioritizes: 'prioritize',
  articulates: 'articulate',
  estimates: 'estimate',
  calculates: 'calculate',
  evaluates: 'evaluate',
  separates: 'separate',
  compares: 'compare',
  handles: 'handle',
  defines: 'define',
  distinguishes: 'distinguish',
  acknowledges: 'acknowledge',
  proposes: 'propose',
  includes: 'include',
  causes: 'cause',
  minimizes: 'minimize',
  recommends: 'recommend',
  caches: 'cache',
  distributes: 'distribute',
  aggregates: 'aggregate',
  contrasts: 'contrast',
};

const THIRD_PERSON_VERBS = new Set([
  ...Object.keys(IRREGULAR_VERBS),
  'presents',
  'clarifies',
  'keeps',
  'picks',
  'explains',
  'owns',
  'considers',
  'mentions',
  'identifies',
  'designs',
  'implements',
  'measures',
  'monitors',
  'avoids',
  'applies',
  'ensures',
  'quantifies',
  'shows',
  'demonstrates',
  'plans',
  'tests',
  'builds',
  'documents',
  'checks',
  'covers',
  'gives',
  'names',
  'adds',
  'sets',
  'knows',
  'treats',
  'understands',
  'runs',
  'returns',
  'stores',
  'starts',
  'suggests',
  'weighs',
  'admits',
  'reflects',
  'takes',
  'tells',
  'walks',
  'asks',
  'follows',
  'finds',
  'reaches',
  'breaks',
  'splits',
  'migrates',
  'tracks',
  'sets',
  'offers',
  'moves',
  'rolls',
  'reverts',
  'alerts',
  'routes',
  'caches',
  'indexes',
  'profiles',
  'benchmarks',
  'explores',
  'connects',
  'links',
  'relates',
  'frames',
  'justifies',
  'accounts',
  'anticipates',
  'plans',
  'simulates',
  'verifies',
  'reviews',
  'uses',
  'leverages',
  'writes',
  'creates',
  'communicates',
  'involves',
  'aligns',
  'gets',
  'maintains',
  'keeps',
  'builds',
  'budgets',
  'limits',
  'caps',
  'batches',
  'retries',
  'logs',
  'diagnoses',
  'computes',
  'confirms',
  'correlates',
  'phases',
  'cuts',
  'plans',
  'names',
  'supports',
  'encrypts',
  'protects',
  'stores',
  'picks',
]);

/** Verbs of telling: a point "Names X" is probed by asking about X. */
const TELLING_VERBS = new Set([
  'name',
  'state',
  'mention',
  'describe',
  'explain',
  'present',
  'discuss',
  'articulate',
  'identify',
  'list',
  'give',
]);

export function baseVerb(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR_VERBS[w]) return IRREGULAR_VERBS[w];
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:sses|shes|ches|xes|zzes)$/.test(w)) return w.slice(0, -2);
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

/** Third-person rubric wording to second person: "their trade-offs" -> "your trade-offs". */
export function toSecondPerson(text: string): string {
  return text
    .replace(/\bthemselves\b/gi, 'yourself')
    .replace(/\bthey've\b/gi, "you've")
    .replace(/\bthey're\b/gi, "you're")
    .replace(/\btheir\b/gi, 'your')
    .replace(/\bthey\b/gi, 'you')
    .replace(/\bthem\b/gi, 'you')
    .replace(/\bthe candidate\b/gi, 'you')
    .replace(/\bhis or her\b/gi, 'your');
}

export function lowerFirst(s: string): string {
  if (/^[A-Z]{2,}/.test(s) || /^[A-Z][a-z]*[A-Z]/.test(s)) return s; // acronyms, camel case (GraphQL)
  if (/^[A-Z][a-z]+(?:[\s-]+(?:[A-Z][\w-]*|of|and|the|for|to|vs\.?))+$/.test(s.replace(/\s*\([^)]*\)/g, ''))) return s; // Title Case names ("Strangler Fig Pattern")
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Tidies a rubric text for use inside a sentence: no trailing period, long asides dropped, at most ~110 characters. */
export function tidy(text: string, maxLength = 110): string {
  let t = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.;:,]+$/, '');
  t = t.replace(/\s*\((?:e\.g\.,?|for example,?|i\.e\.,?)?\s*([^()]*)\)/g, (m, inner: string) =>
    inner.length <= 40 ? ` (${inner.trim()})` : '',
  );
  if (t.length > maxLength) {
    const cut = t.slice(0, maxLength);
    const at = Math.max(cut.lastIndexOf(','), cut.lastIndexOf(';'), cut.lastIndexOf(' — '));
    t = at > Math.min(40, maxLength / 2) ? cut.slice(0, at) : `${cut.slice(0, cut.lastIndexOf(' '))}`;
  }
  // Never leave a bracket open, a dangling "e.g." or a dangling small word.
  const open = t.lastIndexOf('(');
  if (open >= 0 && t.indexOf(')', open) < 0) t = t.slice(0, open);
  let prev = '';
  while (prev !== t) {
    prev = t;
    t = t
      .replace(/[.;:,\s(—–-]+$/, '')
      .replace(
        /(?:,?\s+)(?:e\.g|i\.e|such as|for example|including|like|the|a|an|and|or|of|to|with|between|on|in|for|by|your|their)$/i,
        '',
      );
  }
  return t;
}

const AFTER_VERB = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'what',
  'when',
  'how',
  'whether',
  'up',
  'out',
  'over',
  'that',
  'which',
  'it',
  'them',
  'back',
  'down',
  'off',
  'first',
  'each',
  'every',
  'all',
  'both',
  'one',
  'two',
  'three',
  'why',
  'who',
  'where',
]);

/** Imperative openings ("Keep original state for rollback", "Use HTTPS"). */
const BASE_VERBS = new Set([
  'keep',
  'use',
  'add',
  'start',
  'check',
  'split',
  'handle',
  'implement',
  'update',
  'show',
  'send',
  'store',
  'return',
  'validate',
  'avoid',
  'apply',
  'explain',
  'identify',
  'measure',
  'monitor',
  'define',
  'choose',
  'compare',
  'consider',
  'ensure',
  'track',
  'write',
  'estimate',
  'calculate',
  'communicate',
  'describe',
  'discuss',
  'mention',
  'decide',
  'prioritize',
  'revert',
  'deploy',
  'migrate',
  'retry',
  'encrypt',
  'sanitize',
  'normalize',
  'denormalize',
  'replicate',
  'paginate',
  'debounce',
  'throttle',
  'isolate',
  'separate',
  'clarify',
  'confirm',
  'correlate',
  'diagnose',
  'fix',
  'verify',
  'automate',
  'refactor',
  'extract',
  'propose',
  'avoid',
  'take',
  'make',
  'give',
  'name',
  'state',
  'optimize',
  'optimise',
  'reduce',
  'escalate',
  'delegate',
  'rotate',
  'invalidate',
  'partition',
  'prefetch',
  'compress',
  'minimize',
  'maximize',
  'introduce',
  'adopt',
  'establish',
  'gather',
  'coordinate',
  'instrument',
  'merge',
]);

/** "Computes the breakeven", "Cuts over gradually", "Plans realistically": a third-person verb opening a rubric point. */
function looksLikeVerb(first: string, second: string): boolean {
  const w = first.toLowerCase();
  if (THIRD_PERSON_VERBS.has(w)) return true;
  if (!/^[A-Z]?[a-z]+s$/.test(first) || /(?:ss|us|is|ics|ness)$/.test(w) || w.length < 4) return false;
  return AFTER_VERB.has(second.toLowerCase()) || /^[a-z]+ly$/.test(second);
}

/** Later verbs of the same point: "... and correlates it with ..." -> "... and correlate it with ...". */
function secondPersonVerbs(text: string): string {
  return text.replace(
    /(\b(?:and|then|or)\s+|,\s+)([a-z]{3,}s)\b(?=\s+(\S+))/g,
    (m, lead: string, verb: string, next: string) =>
      looksLikeVerb(verb, next) && !/(?:ss|us|is|ics|ness)$/.test(verb) ? `${lead}${baseVerb(verb)}` : m,
  );
}

export type PointShape =
  | { shape: 'star'; part: string }
  | { shape: 'label'; label: string; detail: string }
  | { shape: 'verb'; verb: string; rest: string }
  | { shape: 'noun'; phrase: string };

export function pointShape(text: string, starPart: string | null): PointShape {
  const t = tidy(text);
  if (starPart) return { shape: 'star', part: starPart };
  const [first, ...rest] = t.split(' ');
  if (rest.length > 0 && looksLikeVerb(first, rest[0])) {
    return {
      shape: 'verb',
      verb: baseVerb(first),
      rest: secondPersonVerbs(toSecondPerson(rest.join(' '))).replace(/:\s+/g, ' — '),
    };
  }
  if (rest.length > 0 && BASE_VERBS.has(first.toLowerCase())) {
    return {
      shape: 'verb',
      verb: first.toLowerCase(),
      rest: secondPersonVerbs(toSecondPerson(rest.join(' '))).replace(/:\s+/g, ' — '),
    };
  }
  if (
    rest.length > 1 &&
    /^[A-Z]?[a-z]+ly$/.test(first) &&
    (BASE_VERBS.has(rest[0].toLowerCase()) || looksLikeVerb(rest[0], rest[1]))
  ) {
    // "Immediately update UI state before the server confirms".
    const verb = BASE_VERBS.has(rest[0].toLowerCase()) ? rest[0].toLowerCase() : baseVerb(rest[0]);
    return {
      shape: 'verb',
      verb: `${first.toLowerCase()} ${verb}`,
      rest: secondPersonVerbs(toSecondPerson(rest.slice(1).join(' '))).replace(/:\s+/g, ' — '),
    };
  }
  const label = t.match(/^([^:]{2,40}):\s+(.+)$/);
  if (label && label[1].split(/\s+/).length <= 4)
    return { shape: 'label', label: label[1].trim(), detail: label[2].trim() };
  return { shape: 'noun', phrase: toSecondPerson(t).replace(/:\s+/g, ' — ') };
}

const STAR_QUESTIONS: Record<string, { mid: string; senior: string }> = {
  situation: {
    mid: 'Can you set the scene first — what was the situation, and why did it matter?',
    senior: 'Can you set the scene — what was the situation, what was at stake for the business, and who was involved?',
  },
  task: {
    mid: 'What exactly was your responsibility there, as opposed to the team’s?',
    senior: 'What exactly did you own there, and what did you decide to delegate or leave to others?',
  },
  action: {
    mid: 'What specific steps did you take yourself, and why did you choose them?',
    senior: 'What did you personally do, step by step, and which alternatives did you weigh before choosing?',
  },
  result: {
    mid: 'What was the outcome — can you put a number on it?',
    senior: 'What was the measurable outcome, and how did you know the change caused it?',
  },
  lesson: {
    mid: 'What did you learn from it, and what do you do differently now?',
    senior: 'What did you learn from it, and how did it change the way you or your team works now?',
  },
};

function isSenior(level: Level): boolean {
  return level === 'senior' || level === 'staff';
}

/** Where the *how* of a point begins: what a strong answer says about its subject, which a follow-up must not give away. */
const HOW_CUT =
  /\s*(?:\(|:| — | – | - |,|;|\b(?:by|using|via|through|with|without|for|onto|to|into|on|is|are|such as|e\.g\.?|i\.e\.?|including|like|so that|so|to avoid|to prevent|instead of|rather than|before|after|when|while|which|that|because)\b)/i;

/** The subject of a text, cut before its how, its examples and its trailing manner adverbs. */
function subjectOf(text: string, plain = true): string {
  const cut = text.search(HOW_CUT);
  let head = (cut > 0 ? text.slice(0, cut) : cut === 0 ? '' : text).trim();
  // A topic is named bare ("algorithms", not "at least two algorithms"); an action's object keeps its article.
  if (plain)
    head = head.replace(
      /^(?:at least|at most|one or more|two or more|each|every|all|both|any|some|specific|clear|explicit|the|a|an)\s+(?:(?:one|two|three|four|several)\s+)?/i,
      '',
    );
  const words = head.split(' ').filter(Boolean);
  while (
    words.length > 1 &&
    /ly$/i.test(words[words.length - 1]) &&
    !/^(?:only|early|family|supply|apply|reply|assembly|poly)$/i.test(words[words.length - 1])
  )
    words.pop();
  return words
    .slice(0, 8)
    .join(' ')
    .replace(/[.;:,\s]+$/, '');
}

/** Lower-cases a first letter, but not of a name written with a capital and a hyphen or digit ("B-tree", "K8s"). */
function lowerTopic(text: string): string {
  return /^[A-Z](?:[-\d]|\w*[A-Z])/.test(text) ? text : lowerFirst(text);
}

/**
 * What a rubric point is about, in the rubric's own words, without what a strong answer says about it: "Moderation:
 * queue new comments for approval" → "moderation"; "Cache miss handling (cache-aside, circuit breakers)" → "cache miss
 * handling"; "Send request to server asynchronously" → "sending request". A follow-up names this topic and asks; it
 * never reads the point out (that would give the answer away).
 */
export function pointTopic(text: string): string {
  const t = tidy(text);
  // "On success, merge the server's response": the topic is in the main clause.
  const clause = t.match(/^(?:on|when|if|after|before|during|once|for)\b[^,]{1,40},\s+(.+)$/i);
  if (clause) return pointTopic(clause[1]);
  const [first, ...rest] = t.split(' ');
  const label = t.match(/^([^:]{2,40}):\s+(.+)$/);
  const action = rest.length > 0 && (looksLikeVerb(first, rest[0]) || BASE_VERBS.has(first.toLowerCase()));
  if (label && label[1].split(/\s+/).length <= 5 && !action) return lowerTopic(toSecondPerson(label[1].trim()));
  if (action) {
    const verb = baseVerb(first);
    const after = rest.join(' ').replace(/^(?:that|how|why|what|whether)\s+/i, '');
    if (TELLING_VERBS.has(verb)) {
      const object = subjectOf(after);
      if (object) return lowerTopic(toSecondPerson(object));
    } else {
      const object = subjectOf(after, false);
      return object ? `${gerund(verb)} ${lowerTopic(toSecondPerson(object))}` : gerund(verb);
    }
  }
  return lowerTopic(toSecondPerson(subjectOf(t) || t));
}

/** Deterministic variety: the same point asked about in another interview may be phrased another way. */
function pick<T>(options: readonly T[], key: string): T {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return options[h % options.length];
}

/** Questions about an action ("adding an index", "handling tokens"): asked as a how, never as "how would you handle handling". */
const ACTION_QUESTIONS = {
  mid: [
    (t: string) => `How would you go about ${t}? Concretely, what would you do and why?`,
    (t: string) => `Walk me through ${t}. Concretely, what would it look like?`,
  ],
  senior: [
    (t: string) => `How would you go about ${t}, and what trade-offs or failure modes would you watch for at scale?`,
    (t: string) => `Walk me through ${t}: what trade-offs or failure modes would you watch for at scale?`,
  ],
};

const TOPIC_QUESTIONS = {
  mid: [
    (t: string) => `How would you handle ${t} here? Concretely, what would you do and why?`,
    (t: string) => `Let's talk about ${t}. Concretely, how would it work in your approach?`,
    (t: string) => `What's your approach to ${t}? Concretely, what would you do?`,
  ],
  senior: [
    (t: string) => `How would you handle ${t} here, and what trade-offs or failure modes would you watch for at scale?`,
    (t: string) =>
      `Let's talk about ${t}: how would you approach it, and what trade-offs or failure modes come with it?`,
    (t: string) =>
      `Where does ${t} come in for you, and what trade-offs or failure modes would you watch for at scale?`,
  ],
  behavioralMid: [
    (t: string) => `Tell me more about ${t} in that story. What exactly did you do, and why?`,
    (t: string) => `In that story, where did ${t} come in? What did you do yourself?`,
  ],
  behavioralSenior: [
    (t: string) =>
      `Tell me more about ${t} in that story. What did you weigh, and what would you do differently with a bigger team or scope?`,
    (t: string) => `In that story, where did ${t} come in? What did you weigh, and what would you change now?`,
  ],
};

/**
 * A follow-up question aimed at a missed rubric point, pitched to the level (senior: trade-offs, scale,
 * failure modes; mid: concrete how and why). Behavioral questions ask about what the candidate did. It names the
 * point's topic in the rubric's words and asks; it never states what the point says (that is the answer sought), and
 * its phrasing varies from point to point.
 */
export function followUpForPoint(text: string, starPart: string | null, level: Level, behavioral = false): string {
  const s = pointShape(text, starPart);
  const senior = isSenior(level);
  if (s.shape === 'star') return (STAR_QUESTIONS[s.part] ?? STAR_QUESTIONS['action'])[senior ? 'senior' : 'mid'];
  const topic = pointTopic(text);
  const action =
    /^[a-z]+ing\b/.test(topic) &&
    !/^(?:thing|string|ring|king|spring|ceiling|pricing|caching|logging|routing|testing|monitoring|scaling|hashing|sharding|indexing|versioning|rate limiting|error handling)\b/.test(
      topic,
    );
  const templates = behavioral
    ? senior
      ? TOPIC_QUESTIONS.behavioralSenior
      : TOPIC_QUESTIONS.behavioralMid
    : action
      ? senior
        ? ACTION_QUESTIONS.senior
        : ACTION_QUESTIONS.mid
      : senior
        ? TOPIC_QUESTIONS.senior
        : TOPIC_QUESTIONS.mid;
  return pick(templates, text)(topic);
}

/** A follow-up about a point the answer made in part: it acknowledges what was said and asks for more on the topic, without naming what is missing. */
export function followUpForPartOfPoint(said: string, text: string, level: Level, behavioral = false): string {
  const topic = pointTopic(text);
  const senior = isSenior(level);
  const ask = behavioral
    ? pick([`What else did you do about ${topic} in that story?`, `Was there more to ${topic} in that story?`], text)
    : senior
      ? pick(
          [
            `What else matters for ${topic} here, and what trade-offs come with it?`,
            `Is there more to ${topic} — what would you watch for at scale?`,
          ],
          text,
        )
      : pick(
          [
            `What else would you do about ${topic}?`,
            `Is there more to ${topic} here? Concretely, what else would you do?`,
          ],
          text,
        );
  return `You mentioned ${said}. ${ask}`;
}

/** A rubric point as a phrase for feedback: "security — sensitive operations must stay server-side". */
export function pointAsPhrase(text: string, starPart: string | null): string {
  const s = pointShape(text, starPart);
  switch (s.shape) {
    case 'star':
      return (
        {
          situation: 'the situation and its context',
          task: 'what you were responsible for',
          action: 'the specific actions you took',
          result: 'a measurable result',
          lesson: 'what you learned and changed afterwards',
        }[s.part] ?? s.part
      );
    case 'label':
      return `${lowerFirst(s.label)} (${lowerFirst(toSecondPerson(s.detail))})`;
    case 'verb':
      return `to ${s.verb} ${s.rest}`;
    case 'noun':
      return lowerFirst(s.phrase);
  }
}

/** Shortens a quote to about `maxWords` words for use in a sentence. */
export function shortQuote(quote: string, maxWords = 14): string {
  const words = quote.trim().replace(/\s+/g, ' ').split(' ');
  const q = words.length <= maxWords ? words.join(' ') : `${words.slice(0, maxWords).join(' ')}…`;
  return `“${q.replace(/[.,;:]+$/, '')}”`;
}

/** "You handled security well: “…”." — the strength sentence of the feedback. */
export function strengthSentence(text: string, starPart: string | null, quote: string): string {
  const s = pointShape(text, starPart);
  switch (s.shape) {
    case 'star':
      return `Your ${s.part === 'action' ? 'actions were' : `${s.part} was`} clear: ${shortQuote(quote)}.`;
    case 'label':
      return `You handled ${lowerFirst(s.label)} well: ${shortQuote(quote)}.`;
    case 'verb':
      return `You did well to ${s.verb} ${tidy(s.rest, 70)}: ${shortQuote(quote)}.`;
    case 'noun':
      return `You covered ${lowerFirst(tidy(s.phrase, 70))} well: ${shortQuote(quote)}.`;
  }
}

/** "The biggest gap was ..." — the gap sentence of the feedback. */
export function gapSentence(text: string, starPart: string | null, level: Level, behavioral = false): string {
  const s = pointShape(text, starPart);
  const senior =
    isSenior(level) && !behavioral && !(s.shape === 'verb' && (TELLING_VERBS.has(s.verb) || s.verb === 'define'));
  switch (s.shape) {
    case 'star':
      return `The story was missing ${pointAsPhrase(text, starPart)}${isSenior(level) ? ', which interviewers weigh heavily at senior level' : ''}.`;
    case 'label':
      return `The most valuable addition would be ${lowerFirst(s.label)}: ${lowerFirst(toSecondPerson(s.detail))}.`;
    case 'verb':
      return `Next time, also ${s.verb} ${s.rest}${senior ? ', including the trade-offs' : ''}.`;
    case 'noun':
      return `The biggest gap was ${lowerFirst(s.phrase)} — say how you would apply it here${senior ? ' and what it costs' : ''}.`;
  }
}

/** Where to begin, for an empty or very short answer: "Start by saying how you would clarify requirements first." */
export function startHint(text: string, starPart: string | null): string {
  const s = pointShape(text, starPart);
  switch (s.shape) {
    case 'star':
      return `Start with ${pointAsPhrase(text, starPart)}.`;
    case 'label':
      return `Start with ${lowerFirst(s.label)}: ${lowerFirst(toSecondPerson(s.detail))}.`;
    case 'verb':
      return `Start by saying how you would ${s.verb} ${s.rest}.`;
    case 'noun':
      return `Start with ${lowerFirst(s.phrase)}.`;
  }
}

/** "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "enforce" -> "enforcing", "run" -> "running" (short verbs ending consonant-vowel-consonant), "tie" -> "tying". */
export function gerund(verb: string): string {
  if (verb.endsWith('ie')) return `${verb.slice(0, -2)}ying`;
  if (verb.endsWith('e') && !verb.endsWith('ee') && verb.length > 2) return `${verb.slice(0, -1)}ing`;
  if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(verb)) return `${verb}${verb.slice(-1)}ing`;
  return `${verb}ing`;
}

/**
 * A part of a rubric point as a phrase inside a sentence: "Explains the choice during a partition" -> "explaining the
 * choice during a partition", "Password hashing" -> "password hashing", "HTTPS" stays.
 */
export function partPhrase(text: string): string {
  const t = tidy(text, 60);
  const [first, second = ''] = t.split(' ');
  if (t.includes(' ') && (THIRD_PERSON_VERBS.has(first.toLowerCase()) || looksLikeVerb(first, second))) {
    return `${gerund(baseVerb(first))} ${secondPersonVerbs(toSecondPerson(t.slice(first.length + 1)))}`;
  }
  return lowerFirst(toSecondPerson(t));
}

/**
 * The gap of a point the answer only partly made: what it said, and the part it left out, so feedback never calls
 * missing what the candidate did say ("You mentioned HTTPS, but not token interception").
 */
export function partialGapSentence(said: readonly string[], missing: readonly string[]): string {
  const saidText = joinList(said.map(partPhrase));
  const missingText = joinList(missing.map(partPhrase));
  return `You mentioned ${saidText}, but not ${missingText}: that is the part to add.`;
}

/** A covered point with a part still missing: the last step to a complete answer. */
export function completionSentence(missing: readonly string[], pointText: string): string {
  return `To make it complete, also cover ${joinList(missing.map(partPhrase))} (part of “${tidy(pointText, 80)}”).`;
}
