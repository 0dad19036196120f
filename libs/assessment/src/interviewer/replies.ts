/**
 * What the AI interviewer says between answers: replies to clarifying questions (drawn from the
 * question's own context, rubric and level), repeating the question, skipping, moving on.
 * Offline and deterministic.
 */
import type { Level, Question } from '@mockroom/contracts';
import { termSet } from '../text/analyze';
import { normalizeUtterance } from './classify-utterance';

function isSenior(level: Level | undefined): boolean {
  return level === 'senior' || level === 'staff';
}

function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.replace(/^[-•*\d.)\s]+/, '').trim())
    .filter((s) => s.length > 0);
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

/** The part of the utterance the candidate asks about: "can i assume a single region" -> "a single region". */
export function clarificationTopic(utterance: string): string | null {
  const u = normalizeUtterance(utterance);
  const m = u.match(
    /\b(?:assume|assuming|consider|include|cover|handle|support|ignore|worry about|care about|account for|focus on|think about|use|go with|design for|talking about|say that|skip)\s+(?:that\s+)?(.+?)(?:\s+(?:or not|right|too|as well|here|for this|for now|is that ok(?:ay)?|is that fine))*$/,
  );
  const topic = m?.[1]?.trim();
  return topic && topic.length > 0 ? topic : null;
}

const CODE_RE =
  /\b(?:write|writing|see|type|show) (?:the |some |any |actual )?code\b|\bpseudo ?code\b|\bcode (?:it|this|that) (?:up|out)\b|\bwhiteboard\b|\bimplement (?:it|this)\b|\bwrite (?:it|a function|the function)\b/;
const SCALE_RE =
  /\bhow (?:many|much|big|large|often|fast)\b|\bscale\b|\busers\b|\btraffic\b|\brequests? per\b|\bqps\b|\brps\b|\bload\b|\bvolume\b|\bthroughput\b|\bdata size\b/;
const MEANING_RE =
  /\bwhat do you mean\b|\bwhat (?:is|are) (?:a |an |the )?\w+(?: \w+)?$|\bwhat does (?:that|it) mean\b|\bin what sense\b/;

/**
 * A sensible reply to a clarifying question, grounded in the question: it quotes the scenario when
 * the scenario answers it, confirms when the topic is part of what a strong answer covers, and
 * otherwise invites the candidate to state an assumption and carry on.
 */
export function clarificationReply(question: Question, utterance: string, level?: Level): string {
  const lvl = level ?? question.levels[0] ?? 'mid';
  const senior = isSenior(lvl);
  const u = normalizeUtterance(utterance);
  const topic = clarificationTopic(utterance);
  const topicTerms = termSet(topic ?? u);
  const scenario = [question.text, question.context ?? ''].join('\n');
  const scenarioSentences = sentencesOf(scenario);
  const fromScenario = scenarioSentences
    .map((s) => ({ s, n: overlap(topicTerms, termSet(s)) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)[0];

  if (CODE_RE.test(u)) {
    return question.category === 'coding' || question.referenceSolution
      ? 'Yes — sketch the code as you talk it through, then tell me its time and space complexity; pseudo-code is fine where the exact syntax does not matter.'
      : 'No code needed for this one — describe the approach, the components and how data flows between them; a line of pseudo-code is fine if it helps.';
  }

  if (SCALE_RE.test(u)) {
    const withNumber =
      scenarioSentences.find((s) => /\d/.test(s) && overlap(topicTerms, termSet(s)) > 0) ??
      scenarioSentences.find((s) => /\d/.test(s) && SCALE_RE.test(s.toLowerCase()));
    if (withNumber)
      return `The brief gives you that: “${withNumber.replace(/\.$/, '')}”. Design for it${senior ? ', and tell me what breaks first at ten times that' : ', and say how your design handles it'}.`;
    return `Good question — pick a realistic number yourself and say it out loud: users, requests per second, data size. Then design for it${senior ? ' and tell me what breaks first at ten times that load' : ''}.`;
  }

  if (MEANING_RE.test(u) && !topic) {
    const context = question.context ? ` The details: ${sentencesOf(question.context)[0]}` : '';
    return `Let me put it another way: ${question.text}${context}`;
  }

  if (fromScenario && fromScenario.n >= Math.min(2, topicTerms.size) && question.context) {
    return `The brief covers that: “${fromScenario.s.replace(/\.$/, '')}”. Go with that, and state any other assumption you make as you go.`;
  }

  const rubricHit = topicTerms.size > 0 && question.rubric.some((p) => overlap(topicTerms, termSet(p.text)) > 0);
  const keyHit = topicTerms.size > 0 && question.keyTerms.some((k) => overlap(topicTerms, termSet(k)) > 0);
  const assuming = /\b(?:assume|assuming|can we say|is it ok|is it okay|is it fine|is that ok|is that okay)\b/.test(u);

  if (assuming && topic) {
    const single = topic.match(/^(?:a|an|one|a single|single|just one|only one) (\w+)$/);
    const about = single ? `${single[1].endsWith('s') ? single[1] : `${single[1]}s`}` : 'it';
    return single
      ? `Good question — it's your call: state your assumption about ${about} out loud and design for it; if you assume ${topic}, say how you'd extend it later${senior ? ' and what that would cost' : ''}.`
      : `Good question — it's your call: state that assumption out loud and design for it; if you assume ${topic}, say what would change if it turned out not to hold.`;
  }

  if (topic && (rubricHit || keyHit)) {
    return `Yes — ${topic} matters here, so do cover it${senior ? ', including the trade-offs and how it fails' : ' and say concretely how you would handle it'}.`;
  }

  if (topic) {
    return `It's not the focus of this question — mention ${topic} in a sentence if your design depends on it, then concentrate on the core of the problem.`;
  }

  return `Good question. Make a reasonable assumption, say it out loud, and carry on — I'm more interested in how you reason about it${senior ? ' and what would change if the assumption were wrong' : ''}.`;
}

/** The question again, as the interviewer would say it. */
export function repeatText(question: Question): string {
  const context = question.context ? ` ${question.context.replace(/\s*\n\s*/g, ' ').trim()}` : '';
  return `Sure, here it is again. ${question.text}${context}`;
}

const SKIP_REPLIES = [
  "No problem — let's move on.",
  "That's fine, we'll skip this one.",
  "Sure, let's move on to something else.",
];

/** What the interviewer says when the candidate skips (`n` picks a variant deterministically). */
export function skipReply(n = 0): string {
  return SKIP_REPLIES[Math.abs(Math.floor(n)) % SKIP_REPLIES.length];
}

const TRANSITIONS = [
  'Thanks — next question.',
  "Thank you. Let's move on to the next one.",
  "Got it, thanks. Here's the next question.",
];

/** Between questions: `nextIndex` is the 0-based index of the question about to be asked. */
export function transitionText(options: { nextIndex: number; total: number; skipped?: boolean }): string {
  const { nextIndex, total, skipped } = options;
  if (nextIndex >= total) return 'Thanks — that was the last question. That wraps up the interview.';
  const lead = skipped ? "Let's move on." : TRANSITIONS[Math.abs(nextIndex) % TRANSITIONS.length];
  return nextIndex === total - 1 ? `${lead.replace(/next (?:question|one)\.$/, 'last question.')}` : lead;
}

const NUMBER_WORDS: Record<number, string> = {
  2: 'two',
  3: 'three',
  4: 'four',
  5: 'five',
  6: 'six',
  7: 'seven',
  8: 'eight',
  9: 'nine',
  10: 'ten',
  11: 'eleven',
  12: 'twelve',
};

/** About how long an interview of this plan takes, in minutes (each question with its follow-ups). */
export function expectedMinutes(questionCount: number, maxFollowUps: number): number {
  return Math.max(5, Math.round((questionCount * (3 + 1.5 * maxFollowUps)) / 5) * 5);
}

/** The interviewer's greeting and the plan, said before the first question. */
export function openingLine(options: { questionCount: number; maxFollowUps: number }): string {
  const { questionCount, maxFollowUps } = options;
  const questions = questionCount === 1 ? 'one question' : `${NUMBER_WORDS[questionCount] ?? questionCount} questions`;
  const followUps = maxFollowUps > 0 ? ', with a follow-up or two where it helps' : '';
  return (
    `Hi, and thanks for joining. We'll go through ${questions}${followUps}, about ${expectedMinutes(questionCount, maxFollowUps)} minutes in all. ` +
    'Take your time to think; when you have finished an answer, just pause, or say you are done. Here is the first question.'
  );
}

/** The last thing the interviewer says; the candidate hears it before the review opens. */
export const CLOSING_LINE =
  "That's all the questions I have. Thank you for your time — your review is ready, with scores and feedback for each answer.";
