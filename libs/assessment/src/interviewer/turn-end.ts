import type { AnswerEnding, ListeningState } from '@mockroom/contracts';

/**
 * Is the candidate done, or thinking? Decided after each pause from what was said and how, the way an interviewer
 * listens: a sentence left open ("…and the second thing is", "because", a trailing "um"), a list announced and not
 * finished ("three reasons… first… second…"), a request for time ("let me think"), how much of the rubric the answer
 * has covered, how long it is, and (when the audio gives it) whether the voice fell at the end or stayed level. The
 * decision is how long a silence ends the answer: about a second when it is clearly finished, the interview's patience
 * when it is clearly not. Pure and deterministic, so every decision can be logged and explained.
 */

export interface TurnEndInput {
  /** The answer so far (its final transcript segments, in order). */
  text: string;
  /** Rubric points covered so far, when known. */
  coverage?: { covered: number; total: number } | null;
  /** The interview's patience: the longest silence that may end an answer, ms. */
  patienceMs: number;
  /** How the last words sounded: a falling end (a statement finished) or a level one (more to come), when measured. */
  prosody?: { falling: boolean } | null;
  /**
   * The longest pause after which this candidate went on although what they had said read as finished, in this
   * interview so far (their breath between finished sentences), ms; null until they have done so.
   */
  resumedAfterMs?: number | null;
  /**
   * Whether an end taken too early can be taken back: the candidate who goes on while the next prompt begins gets their
   * answer back (not so after the last question, whose end ends the interview). A finished-looking pause is then
   * answered sooner, as a person answers and yields when the other goes on.
   */
  recoverable?: boolean;
}

export interface TurnEndDecision {
  state: ListeningState;
  /** The silence after which the answer ends (a nudge comes first when this is the full patience or more). */
  waitMs: number;
  /** Why, in a few words each, for the log and the review ("finished sentence", "4 of 5 points covered"). */
  reasons: string[];
}

/** A clearly finished answer (said so, or a finished sentence with several signs agreeing) is taken after this much silence. */
export const DONE_WAIT_MS = 800;
/**
 * A probably finished one (a finished sentence and one more sign) waits longer: people pause a second or more between
 * sentences of one answer, and being cut off costs a candidate more than a half-second wait. (1.2 s was tried: it cut
 * a spoken three-sentence answer after its second sentence, whose pause with the voice's own silence ran 1.2 s.)
 */
export const LIKELY_DONE_WAIT_MS = 1500;
/**
 * A candidate who went on after a pause that read as finished is given that pause and this much more before a
 * finished-looking answer is taken: people learn each other's breaths, and one cut-off costs more than the wait.
 */
export const BREATH_MARGIN_MS = 500;
/**
 * When an early end can be taken back (`recoverable`), finished-looking pauses are answered sooner: at the default
 * patience (5 s), a clearly finished answer after 0.7 s, a probably finished one after 0.9 s, an unsure one after 1.1 s.
 * A longer patience (the candidate asked for a slower interviewer) stretches them alike (`quickWaitMs`). The breath
 * learning still holds: after the candidate has gone on once, finished-looking pauses wait past that breath.
 */
export const QUICK_WAITS_MS = { done: 700, likely: 900, unsure: 1100 } as const;
const DEFAULT_PATIENCE_MS = 5000;

/** A quick wait at this patience: the default's, scaled up with a longer patience, never past the patience. */
export function quickWaitMs(kind: keyof typeof QUICK_WAITS_MS, patienceMs: number): number {
  const base = QUICK_WAITS_MS[kind];
  return Math.min(patienceMs, Math.max(base, Math.round((base * patienceMs) / DEFAULT_PATIENCE_MS)));
}
/** Asking for time stretches the patience this much, up to `ASKED_FOR_TIME_MAX_MS`. */
const ASKED_FOR_TIME_FACTOR = 3;
export const ASKED_FOR_TIME_MAX_MS = 30_000;

const ASKED_FOR_TIME = new RegExp(
  [
    '\\bgive me (?:a|one) (?:moment|second|sec|minute|bit)\\b',
    '\\blet me (?:think|see|gather my thoughts|collect my thoughts|figure|work (?:it|this) out)\\b',
    '\\b(?:one|just a) (?:moment|second|sec|minute)\\b',
    // As a recogniser may hear it ("god made a moment to think").
    '\\b(?:a|one) (?:moment|second|minute) (?:to think|of think|please)\\b',
    '\\bneed a (?:moment|second|minute)\\b',
    '\\bbear with me\\b',
    "\\bi(?:'m| am) (?:still )?thinking\\b",
    '\\bhold on\\b',
    '\\blet me get back to (?:that|this)\\b',
  ].join('|'),
  'i',
);

/** Saying so: "that's it", "I'm done". */
const SAID_DONE =
  /\b(?:that's (?:it|all|about it|my answer)|that is (?:it|all|my answer)|i'm done|i am done|i'm finished|i think that covers it|that covers it|and that's how i'd do it|so yeah that's it)$/;

/**
 * Words a finished sentence does not end on: a conjunction, a preposition, an article, a filler, an auxiliary. Words
 * that often end a sentence too ("it", "this", "first", "then", "well") are left out: a recogniser's stray word at
 * the end must not hold a finished answer open.
 */
const OPEN_ENDINGS = new Set([
  'and',
  'but',
  'or',
  'so',
  'because',
  'cause',
  'since',
  'which',
  'that',
  'who',
  'where',
  'when',
  'while',
  'whereas',
  'although',
  'though',
  'if',
  'unless',
  'until',
  'than',
  'plus',
  'like',
  'such',
  'the',
  'a',
  'an',
  'my',
  'our',
  'your',
  'their',
  'its',
  'to',
  'of',
  'in',
  'on',
  'at',
  'for',
  'with',
  'from',
  'by',
  'into',
  'about',
  'as',
  'is',
  'are',
  'was',
  'were',
  'be',
  'would',
  'will',
  'can',
  'could',
  'should',
  'might',
  'must',
  'have',
  'has',
  'had',
  'do',
  'does',
  'we',
  'i',
  'they',
  'you',
  'um',
  'uh',
  'er',
  'erm',
  'hmm',
  'mm',
  'basically',
  'actually',
  'firstly',
  'secondly',
  'thirdly',
  'another',
  'very',
  'between',
  'whether',
  'how',
  'what',
  'why',
  'namely',
  'including',
  'e.g',
  // Contractions that open a clause and never end one ("and I'm…", "so it's…"); PocketSphinx also hears a trailing
  // "and um" as "and I'm".
  "i'm",
  "i've",
  "i'd",
  "i'll",
  "we're",
  "we've",
  "we'd",
  "we'll",
  "they're",
  "they've",
  "you're",
  "you've",
  "it's",
  "there's",
  "that's",
  "what's",
  "let's",
  "he's",
  "she's",
]);

/** Openings that announce more to come: "the second thing is", "there are two reasons". */
const OPEN_PHRASES = [
  /\b(?:the )?(?:first|second|third|next|other|last|main|key) (?:thing|one|reason|step|part|point|option|approach|way|problem|issue) (?:is|was|would be)$/,
  /\b(?:there (?:are|were)|i have|i see|i'd say) (?:two|three|four|five|a few|several|some) [a-z]+$/,
  /\b(?:for example|for instance|such as|like|the reason is|what i mean is|in other words|on the other hand|that is)$/,
  /\bso (?:basically|yeah|um|uh)$/,
];

const COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, '2': 2, '3': 3, '4': 4, '5': 5 };
const LIST_NOUNS =
  '(?:things|reasons|ways|steps|parts|points|options|approaches|problems|issues|aspects|areas|layers|levels|strategies|factors|main|key|important|big|kinds|types|phases|stages|questions|concerns|pieces|components)';
const ANNOUNCED = new RegExp(
  `\\b(two|three|four|five|2|3|4|5) (?:main |key |big |important |different )?${LIST_NOUNS}\\b`,
  'g',
);
const ORDINALS =
  /\b(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth|fifth|then|next|another|also|finally|lastly|last(?:ly)?|and the (?:other|last))\b/g;
const CLOSERS =
  /\b(?:finally|lastly|last but not least|to sum up|in summary|so overall|in short|that's (?:it|about it|all)|that is all|i think that covers it|that covers it)\b/;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9'.]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean);
}

/** An announced list that has fewer items so far than it promised: "three reasons. first … second …". */
function unfinishedList(text: string): { promised: number; given: number } | null {
  const lower = text.toLowerCase();
  let last: RegExpExecArray | null = null;
  ANNOUNCED.lastIndex = 0;
  for (let m = ANNOUNCED.exec(lower); m; m = ANNOUNCED.exec(lower)) last = m;
  if (!last) return null;
  const promised = COUNTS[last[1]];
  const after = lower.slice(last.index + last[0].length);
  if (CLOSERS.test(after)) return null;
  const marked = (after.match(ORDINALS) ?? []).length;
  // "First … second … third": as many as promised is finished; the first item may come unmarked ("… one, then …").
  const given = /\bfirst(?:ly)?\b/.test(after) ? marked : marked + 1;
  return given < promised ? { promised, given } : null;
}

/** "Give me a moment", "let me think": the candidate asks for time (the last words of what they said). */
export function asksForTime(text: string): boolean {
  return ASKED_FOR_TIME.test(words(text).slice(-12).join(' '));
}

export function decideTurnEnd(input: TurnEndInput): TurnEndDecision {
  const patience = Math.max(DONE_WAIT_MS, input.patienceMs);
  const all = words(input.text);
  const reasons: string[] = [];
  const tail = all.slice(-12).join(' ');

  if (ASKED_FOR_TIME.test(tail)) {
    return {
      state: 'asked-for-time',
      waitMs: Math.min(ASKED_FOR_TIME_MAX_MS, patience * ASKED_FOR_TIME_FACTOR),
      reasons: ['asked for time'],
    };
  }
  if (all.length === 0) return { state: 'mid-thought', waitMs: patience, reasons: ['nothing said yet'] };

  if (SAID_DONE.test(tail))
    return {
      state: 'done',
      waitMs: input.recoverable ? quickWaitMs('done', patience) : DONE_WAIT_MS,
      reasons: ['said they were done'],
    };
  const finished = (decision: TurnEndDecision): TurnEndDecision => pastBreaths(decision, input, patience);
  const last = all[all.length - 1];
  const openPhrase = OPEN_PHRASES.find((re) => re.test(tail));
  if (openPhrase || OPEN_ENDINGS.has(last)) {
    return { state: 'mid-thought', waitMs: patience, reasons: [`sentence left open (“${all.slice(-3).join(' ')}”)`] };
  }
  const list = unfinishedList(input.text);
  if (list)
    return {
      state: 'mid-thought',
      waitMs: patience,
      reasons: [`announced ${list.promised} points, gave ${list.given}`],
    };

  // What speaks for a finished answer, and what against.
  let done = 1; // a sentence that ends on a content word
  reasons.push('finished sentence');
  const coverage = input.coverage;
  if (coverage && coverage.total > 0) {
    const share = coverage.covered / coverage.total;
    reasons.push(`${coverage.covered} of ${coverage.total} points covered`);
    if (share >= 0.5 || coverage.covered >= 3) done++;
    else if (share < 0.25 && all.length < 12) done--;
  }
  if (all.length < 8) {
    done--;
    reasons.push('very short so far');
  } else if (all.length >= 40) {
    done++;
  }
  if (input.prosody) {
    if (input.prosody.falling) {
      done++;
      reasons.push('voice fell at the end');
    } else {
      // A level voice hints at more to come, but speakers differ and the measure is a weak one (synthetic voices read
      // level at every end): it is noted, and holds nothing open by itself.
      reasons.push('voice stayed level');
    }
  }
  if (done <= 0) return { state: 'mid-thought', waitMs: patience, reasons };
  if (input.recoverable) {
    const waitMs = quickWaitMs(done >= 3 ? 'done' : done >= 2 ? 'likely' : 'unsure', patience);
    return finished({ state: done >= 2 ? 'done' : 'unsure', waitMs, reasons });
  }
  if (done >= 3) return finished({ state: 'done', waitMs: DONE_WAIT_MS, reasons });
  if (done >= 2) return finished({ state: 'done', waitMs: Math.min(patience, LIKELY_DONE_WAIT_MS), reasons });
  // Unsure: half the patience, and never less than a probably finished answer gets.
  return finished({
    state: 'unsure',
    waitMs: Math.min(patience, Math.max(LIKELY_DONE_WAIT_MS, Math.round(patience / 2))),
    reasons,
  });
}

/** A finished-looking answer waits past the candidate's own breaths between finished sentences (never past patience). */
function pastBreaths(decision: TurnEndDecision, input: TurnEndInput, patience: number): TurnEndDecision {
  const breath = input.resumedAfterMs;
  if (breath === null || breath === undefined || breath + BREATH_MARGIN_MS <= decision.waitMs) return decision;
  return {
    ...decision,
    waitMs: Math.min(patience, Math.round(breath + BREATH_MARGIN_MS)),
    reasons: [...decision.reasons, `went on after ${(breath / 1000).toFixed(1)} s before`],
  };
}

/** "ended after 1.2 s of silence: finished sentence, 4 of 5 points covered", for the review and the log. */
export function describeAnswerEnding(ending: AnswerEnding): string {
  const nudged = ending.nudged ? ' (after a nudge)' : '';
  switch (ending.by) {
    case 'done-button':
      return `ended by “I’m done”${nudged}`;
    case 'typed':
      return 'typed answer';
    case 'request':
      return 'a request, not an answer';
    case 'interview-end':
      return 'the interview was ended';
    case 'interjection':
      return `the interviewer cut in${ending.reasons.length ? `: ${ending.reasons.join(', ')}` : ''}${nudged}`;
    case 'silence': {
      const seconds = ending.silenceMs === null ? '' : ` after ${(ending.silenceMs / 1000).toFixed(1)} s`;
      const wentOn = ending.wentOn
        ? `; went on ${ending.wentOn === 1 ? 'once' : `${ending.wentOn} times`} after the interviewer had begun`
        : '';
      return `ended${seconds} of silence${nudged}${ending.reasons.length ? `: ${ending.reasons.join(', ')}` : ''}${wentOn}`;
    }
  }
}
