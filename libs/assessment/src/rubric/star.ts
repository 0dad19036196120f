/**
 * STAR(+lesson) analysis for behavioral answers: which of situation, task, action, result and lesson
 * the story has, each found by cue phrases that work on ASR text ("at my previous job", "i was
 * responsible for", "i designed", "reduced ... by 30 percent", "i learned"), quoted as evidence.
 */
import type { TextAnalysis } from '../text/analyze';
import { matchTokens, tokenText } from '../text/token-text';
import type { StarAnalysis, StarPart } from '../types';
import { evidenceSpan } from './coverage';

const PAST_ACTION_VERBS =
  'designed|built|implemented|wrote|created|decided|proposed|led|set up|introduced|added|started|organized|organised|scheduled|talked|spoke|met|worked|reached out|refactored|migrated|profiled|investigated|analyzed|analysed|measured|prototyped|paired|reviewed|documented|automated|deployed|rolled|fixed|negotiated|presented|broke|split|chose|convinced|suggested|gathered|traced|benchmarked|ran|moved|replaced|rewrote|coordinated|mentored|explained|wrote up|pushed|escalated|communicated|quantified|tracked|instituted|championed|facilitated|guided|asked|listened|shadowed|drafted|sketched|built out|owned|took|made|tested|monitored|identified|found|dug';

/** Past-tense verbs that are not "-ed" forms, for "I <did something>" in a story. */
const IRREGULAR_PAST =
  'told|wrote|took|made|ran|began|brought|built|caught|chose|drew|drove|fell|felt|found|gave|got|had|held|kept|knew|led|left|lost|met|paid|put|read|said|saw|sent|set|shipped|sat|spent|split|spoke|stood|taught|thought|understood|went|won|did';
/** "I told my manager", "I then paused the job", "she and I paired": the candidate doing something, in the past. */
const I_DID = `\\bi (?:(?:also|then|first|immediately|quickly|personally|finally|eventually|still|just|actually|deliberately|later|even) )?(?:\\w+ed|${IRREGULAR_PAST})\\b`;

export const STAR_PATTERNS: Record<StarPart, RegExp> = {
  situation:
    /\b(?:at my (?:previous|last|current|old|first) (?:job|company|role|employer|team|startup)|(?:in|at) my (?:previous|last|current) (?:role|position|job|company)|a (?:few|couple of|couple) (?:years|months|weeks) ago|last (?:year|quarter|month|summer)|we (?:had|were|needed|faced|noticed)|there was|our (?:team|system|platform|product|app|service|company|legacy|checkout|api)|the (?:company|team|project|client|product|system) (?:was|had|needed|wanted|relied)|when i was (?:at|working)|i was working (?:on|at|as)|back when|the (?:context|situation|background|problem) was|on a project|in a previous (?:role|job|project)|(?:at|in|on|for) (?:a|an|my|our|one) (?:[\w-]+ ){0,3}(?:company|startup|scale-?up|team|agency|bank|platform|job|project|client|employer|firm|retailer|marketplace|product|squad|consultancy|insurer|fintech|shop)|(?:about |around |roughly )?(?:a|one|two|three|four|five|six|several|a few|a couple of) (?:years?|months?|weeks?) ago|(?:last|earlier this) (?:spring|summer|autumn|fall|winter|sprint))\b/,
  task: /\b(?:my (?:task|job|responsibility|role|goal|assignment|objective|mission) was|i was (?:responsible|asked|tasked|assigned|in charge|the owner|the lead|leading)|i had to|i needed to|(?:it )?fell to me|the (?:goal|task|challenge|requirement|objective|ask) was|i owned|i took (?:ownership|on|the lead)|i volunteered|i was expected to|we needed to|i had (?:two|three|four|a few) (?:weeks|days|months))\b/,
  action: new RegExp(
    `\\b(?:i (?:${PAST_ACTION_VERBS})|(?:first|then|next|so) i (?:\\w+ed|${PAST_ACTION_VERBS})|i (?:also|then|personally) (?:\\w+ed|${PAST_ACTION_VERBS}))\\b|${I_DID}`,
  ),
  result:
    /(?:\bas a result\b|\bthe (?:result|outcome|impact) was\b|\bresult(?:ed)? in\b|\bin the end\b|\bended up\b|\b(?:reduced|increased|improved|cut|saved|dropped|grew|decreased|boosted|lowered|raised|halved|doubled)\b[^.]{0,60}?\b(?:by|from|to)\s+(?:\d|about|around|roughly|over|half|a third|a quarter)|\b\d+(?:\.\d+)?\s?(?:%|percent)|\bshipped (?:on time|early|ahead)|\bwent live\b|\bwe (?:shipped|launched|delivered|hit|met|achieved|saw)\b|\b(?:feature|project|system|migration) (?:shipped|launched|succeeded|was delivered)\b|\bit (?:worked|paid off)\b|\bno (?:incidents|outages|issues|regressions) since\b|\b(?:delivered|launched) (?:\w+ )?(?:weeks?|days?) (?:ahead|early)\b|\b(?:went|dropped|fell|rose|came down|grew) from \S+ (?:\w+ ){0,3}to\b|\btook \S+ (?:\w+ )?(?:days?|weeks?|hours?|minutes?|months?) instead of\b|\b(?:shipped|merged|launched|fixed|restored|resolved|done) (?:it )?(?:in|within) (?:\S+ )?(?:days?|weeks?|hours?|sprints?|months?)\b|\bthe (?:fix|change|migration|rewrite|feature|project) (?:shipped|went out|landed|worked)\b|\b(?:customers|users|the team|we) (?:had )?(?:received|lost|saw|noticed|got)\b)/,
  lesson:
    /\b(?:i learned|i learnt|i've learned|ive learned|i have learned|learned that|lessons?|taught me|in hindsight|looking back|next time|since then|now i (?:always|make sure|try|insist)|i would (?:do|have done) (?:it |things )?differently|if i did it again|i realized|i realised|takeaways?|what i took away|i changed (?:how|the way)|i now|afterwards? i|since then (?:i|we)|what i took away|i took away|from then on|these days i|i (?:also )?(?:always|now) (?:write|ask|add|check|make|start|insist|do)|the (?:lesson|takeaway) (?:was|is|i took))\b/,
};

/** STAR(+lesson) parts of an answer, with the first cue of each part quoted. */
export function analyzeStar(analysis: TextAnalysis): StarAnalysis {
  const tt = tokenText(analysis.tokens);
  const result: StarAnalysis = {
    situation: false,
    task: false,
    action: false,
    result: false,
    lesson: false,
    evidence: {},
  };
  for (const part of Object.keys(STAR_PATTERNS) as StarPart[]) {
    const [hit] = matchTokens(tt, STAR_PATTERNS[part]);
    if (!hit) continue;
    result[part] = true;
    result.evidence[part] = evidenceSpan(
      analysis,
      hit.first,
      Math.min(analysis.tokens.length - 1, hit.last + 8),
      10,
      24,
    );
  }
  return result;
}

export function starCount(star: StarAnalysis): number {
  return [star.situation, star.task, star.action, star.result, star.lesson].filter(Boolean).length;
}
