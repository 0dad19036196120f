/**
 * What the candidate's first words mean to the interviewer: a request to repeat the question, to skip
 * it, a clarifying question, or the start of an answer. Works on speech-recogniser text (lower case,
 * no punctuation, the odd wrong word) and is deterministic. Only short utterances can be requests: a
 * long answer that happens to say "repeat" or "pass" is an answer.
 */

export type UtteranceKind = 'repeat' | 'skip' | 'clarify' | 'answer';

/** Requests to repeat or skip are at most this many words; clarifying questions at most `CLARIFY_MAX_WORDS`. */
export const REQUEST_MAX_WORDS = 18;
export const CLARIFY_MAX_WORDS = 28;

const LEADING =
  /^(?:(?:um+|uh+|uhm|er+|erm|hmm+|mm+|ah+|oh|so|okay|ok|alright|all right|right|well|yeah|yes|sorry|excuse me|actually|just|hey|hi|and|but|quick question|one question|a quick question|i have a question|question)\s+)+/;

export function normalizeUtterance(text: string): string {
  return ` ${text.toLowerCase().replace(/[’‘`]/g, "'")} `
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .replace(/\bwanna\b/g, 'want to')
    .replace(/\bgonna\b/g, 'going to')
    .replace(/\blemme\b/g, 'let me')
    .replace(/\bgimme\b/g, 'give me')
    .replace(/\bcuz\b|\bcos\b/g, 'because')
    .replace(/\bcan not\b/g, 'cannot')
    .replace(/\b(could|would|should|did|do|does|is|are|was|can)nt\b/g, "$1n't")
    .replace(/\bdont\b/g, "don't")
    .replace(/\bim\b/g, "i'm")
    .replace(/\bid\b(?= (like|rather|prefer|say))/g, "i'd")
    .replace(/\bill\b(?= (pass|skip|just))/g, "i'll")
    .replace(/\s+/g, ' ')
    .trim();
}

const REPEAT_PATTERNS: RegExp[] = [
  /(?:^|\b(?:you|please|can|could|would|will|mind|to)\s+(?:(?!not\b|never\b)\w+\s+)?)(?:repeat|re peat|reap eat)\b/,
  /\b(?:repeat|re peat|reap eat) (?:the question|that|it|please|again|yourself|the last part|what you said)\b/,
  /\bsay (?:that|it|this|the question) (?:again|one more time|once more)\b/,
  /\bsay again\b/,
  /\bcome again\b/,
  /\b(?:one|1) more time\b/,
  /\bagain please\b/,
  /\bwhat (?:was|is|'s|were) (?:the|your|that) question\b/,
  /\bwhat's the question\b/,
  /\bwhat did you (?:say|ask|just say|just ask)\b/,
  /\b(?:didn't|did not|couldn't|could not|can't|cannot|don't) (?:quite )?(?:catch|hear|get|understand|follow) (?:that|it|you|the question|what you said|the last part|the end)\b/,
  /\bi missed (?:that|it|the question|the last part|what you said)\b/,
  /\b(?:beg your )?pardon\b/,
  /\bsorry what\b/,
  /^(?:what|huh|sorry|pardon|come again)$/,
  /\b(?:rephrase|re phrase|reword)\b/,
  /\b(?:read|go over|go through|give me) (?:it|that|the question|this) (?:again|one more time)\b/,
  /\b(?:the|your) question again\b/,
  /\byou (?:cut out|broke up|froze|were breaking up)\b/,
  /\bi (?:couldn't|could not|can't|cannot) hear\b/,
];

const SKIP_PATTERNS: RegExp[] = [
  /^(?:can|could|may|shall) (?:we|i) skip\b/,
  /^skip(?: please| it| this| for now| that)?$/,
  /\b(?:let's|lets|let us) skip\b/,
  /\bskip (?:this|that|it)(?: one| question)?\b/,
  /\bskip (?:the|this) question\b/,
  /\bskip ahead\b/,
  /\b(?:i'd|i would|i'd really|i would really) (?:rather|like to|prefer to|want to) (?:skip|pass|move on)\b/,
  /\b(?:rather|prefer to|prefer) (?:not answer|skip|pass|move on)\b/,
  /^pass(?: please| for now| on (?:this|that)(?: one| question)?)?$/,
  /\b(?:i'll|i will|i'm going to|i am going to|let me|i think i'll|i think i will|i'd like to|i) pass(?: on (?:this|that)(?: one| question)?| for now| please)?$/,
  /\bpass on (?:this|that)(?: one| question)\b/,
  /\b(?:can|could|shall) we (?:move on|go on|do another|do a different|try another|try a different|go to the next)\b/,
  /\b(?:let's|lets|let us) (?:move on|go to the next|do the next|do another|try another)\b/,
  /^move on\b/,
  /\bmove on to (?:the next|another)(?: one| question)\b/,
  /\bnext question\b/,
  /\b(?:another|a different) question\b/,
  /\bi give up\b/,
  /\b(?:can|could) we come back to (?:this|it|that)\b/,
  /\bno idea (?:let's|lets|can we|could we) (?:move on|skip|go on)\b/,
];

const CLARIFY_STRONG: RegExp[] = [
  /\b(?:can|could|may|should|shall|do|must|am) i (?:assume|consider|use|ignore|skip the|focus|include|start with|talk about|cover|pick|choose|go with|treat|worry|design for|write|code|draw|sketch|limit|keep)\b/,
  /\b(?:should|do|must|shall) (?:i|we) (?:worry about|care about|handle|support|account for|include|consider|think about|plan for|design for)\b/,
  /\b(?:can|could|should|shall) we (?:assume|ignore|say|keep it|limit|focus)\b/,
  /\b(?:do|would) you (?:want|like|need|expect) me to\b/,
  /\bdo i (?:need|have) to\b/,
  /\bam i (?:allowed|supposed|expected)\b/,
  /\bare we (?:talking|assuming|allowed|designing|building|dealing|expecting|looking|supporting|targeting|considering)\b/,
  /\bhow (?:many|much|big|large|often|fast|long)\b/,
  /\bwhat(?:'s| is| are| was|s) the (?:scale|constraints?|requirements?|budget|load|traffic|expected|sla|latency|size|volume|deadline|scope|context|goal|use case|read write ratio|target)\b/,
  /\bis (?:it|that|this) (?:ok|okay|fine|alright|all right|acceptable|allowed)\b/,
  /\b(?:is|are) there (?:any )?(?:constraints?|requirements?|limits?|restrictions?|budget|preferences?)\b/,
  /\b(?:just )?to clarify\b/,
  /\bclarif(?:y|ication|ying)\b/,
  /\bi(?:'m| am) assuming\b/,
  /\bwhat do you mean\b/,
  /\bwhat kind of\b/,
  /\bwhich (?:language|database|framework|cloud|region|stack|version|one do you)\b/,
  /\b(?:does|do|will|would|should) (?:it|this|that|the system|the service|the api|they|users) (?:need|have) to\b/,
  /\b(?:in|for) (?:one|a single|multiple) regions?\b.*\b(?:or|right)$/,
  /\bright$|\bcorrect$|\bis that (?:right|correct|fair)$/,
];

const INTERROGATIVE_START =
  /^(?:can|could|may|should|shall|do|does|did|is|are|am|would|will|what|what's|whats|which|how|when|where|who|why|are we|is there|are there)\b/;
/** Answer-like continuations that mark a rhetorical question ("how would i do it well first i would..."). */
const ANSWER_MARKERS =
  /\b(?:i would|i'd|we would|we'd|i will|we will|first|then|basically|because|the answer|well i|let me think)\b/;

function countWords(s: string): number {
  return s.length === 0 ? 0 : s.split(' ').length;
}

/** Repeat, skip, clarify or answer; deterministic, offline. */
export function classifyUtterance(text: string): UtteranceKind {
  const normalized = normalizeUtterance(text);
  const core = normalized.replace(LEADING, '').trim();
  const words = countWords(core);
  if (words === 0) return normalized.length === 0 ? 'answer' : 'repeat'; // "sorry?", "um?" on its own: say it again
  if (words <= REQUEST_MAX_WORDS) {
    if (REPEAT_PATTERNS.some((re) => re.test(core))) return 'repeat';
    if (SKIP_PATTERNS.some((re) => re.test(core))) return 'skip';
  }
  if (words <= CLARIFY_MAX_WORDS) {
    const head = core.split(' ').slice(0, 14).join(' ');
    if (CLARIFY_STRONG.some((re) => re.test(head))) return 'clarify';
    if (words <= 10 && INTERROGATIVE_START.test(core) && !ANSWER_MARKERS.test(core)) return 'clarify';
  }
  return 'answer';
}
