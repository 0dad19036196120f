/**
 * Question templates per kind of claim. Slots: {claim} (the claim as a verb phrase, metric in place
 * when it can be), {at} (" at Acme" or nothing), {metric}. Several per kind so phrasing varies.
 */
import type { ClaimKind } from '../types';

export const QUESTION_TEMPLATES: Record<ClaimKind, string[]> = {
  impact: [
    'You wrote that you {claim}{at}. How did you measure that, and what did you change to get there?',
    'Your résumé says you {claim}{at}. What was the baseline, and which change made the biggest difference?',
    'Tell me about how you {claim}{at}. Where does that number come from, and what did you try first that did not work?',
    'You {claim}{at}. What exactly did you do yourself, and how did you check that the result held up?',
  ],
  leadership: [
    'You {claim}{at}. What was your own part, and what went wrong along the way?',
    'Tell me about when you {claim}{at}. How did you split the work, and which decisions did you make yourself?',
    'You wrote that you {claim}{at}. How did you get people aligned, and what would you do differently next time?',
  ],
  ownership: [
    'You {claim}{at}. Which decision there are you proudest of, and what trade-off was behind it?',
    'You wrote that you {claim}{at}. What did owning it mean day to day, and what broke that you had to fix?',
    'Since you {claim}{at}, what was the hardest call you made there, and what was the alternative?',
  ],
  delivery: [
    'You {claim}{at}. What was the hardest technical problem in it, and how did you solve it?',
    'Tell me how you {claim}{at}. What did you build yourself, and what would you change now?',
    'You wrote that you {claim}{at}. What trade-offs did you make to ship it, and how did you know it worked?',
  ],
};

/** For a number the sentence states apart from the part we can quote ("… handling 3k rps"). */
export const DETACHED_METRIC_TEMPLATES = [
  'You wrote that you {claim}{at}, and you mention {metric}. How was that number measured, and what was your part in it?',
  'Your résumé says you {claim}{at}, with {metric}. Where does that figure come from, and what did you do to reach it?',
];

export const FOLLOW_UPS: Record<ClaimKind, string[]> = {
  impact: [
    'What was the number before you started, and over what period did you measure it?',
    'How much of that change came from your work rather than other things changing at the same time?',
    'What did it cost, in complexity, money or time, to get that result?',
    'What would you do differently if you did it again?',
  ],
  leadership: [
    'How big was the team, and what was your role compared with theirs?',
    'Tell me about a disagreement along the way. How was it settled?',
    'What went wrong, and what did you change because of it?',
    'How did you know the work was on track?',
  ],
  ownership: [
    'Where did your responsibility for {object} stop, and who else was involved?',
    'What is one trade-off in {object} you would revisit today?',
    'What broke in production, and how did you find out?',
  ],
  delivery: [
    'What was your own part, and what did others on the team do?',
    'How did you know it worked once it shipped?',
    'What would you do differently next time?',
  ],
};

/** One extra follow-up for the level asked at. */
export const LEVEL_FOLLOW_UPS = {
  senior: ['How did you bring other teams or stakeholders along, and what did you decide not to do?'],
  mid: ['Which part of the code or configuration did you change yourself?'],
} as const;
