/**
 * Red flags in a behavioural answer: what an interviewer notes against a story however well it is told. A story can
 * have every facet (a situation, actions, a result, a lesson) and still be a poor answer because of what it says:
 * the blame put on others ("the real problem was that QA was understaffed"), a decision taken around the team
 * ("without asking anyone, since managers would just say no"), contempt for a colleague ("he clearly did not know
 * much"), no evidence looked for ("I did not bother measuring anything"), or no lesson ("I do not think there was much
 * to change on my side"). These are the seeds' common mistakes of behavioural questions ("Blaming the team, the PM or
 * the timeline instead of owning the decision", "Going rogue instead of pushing back with data") in the words people
 * actually use, which share few terms with the mistakes' own wording.
 *
 * Each flag is a phrase family, matched over the answer's words. Telling one's mistake is not a red flag: "I pushed
 * the migration without asking anyone to review it; that was on me" owns the shortcut it describes, so the shortcuts
 * (acting alone, skipping a check) count only in a story that owns nothing.
 */
import type { TextAnalysis } from '../text/analyze';
import { matchTokens, tokenText } from '../text/token-text';
import type { EvidenceSpan } from '../types';
import { evidenceSpan } from './coverage';
import type { StoryFacet } from './story';

export type RedFlagKind = 'blame' | 'went-around' | 'contempt' | 'no-evidence' | 'no-lesson' | 'no-engagement';

export interface RedFlag {
  kind: RedFlagKind;
  /** What is wrong with it, for the candidate ("Puts the blame on others instead of owning it"). */
  text: string;
  evidence: EvidenceSpan;
  /** The facet of the story it takes away (blame takes the candidate's own part, no evidence the result). */
  facet: StoryFacet | null;
}

const NOT = "(?:not|n't|never)";
const DID_NOT = "(?:did not|didn't|do not|don't|does not|doesn't|would not|wouldn't|will not|won't|never)";
const OTHERS =
  '(?:qa|the qa team|testers?|the pm|our pm|pms|the product manager|our product manager|product|the manager|my manager|management|managers|the director|our director|leadership|the business|the client|the customer|stakeholders|the team|the other team|the other developers?|the designers?|the tech lead|our lead|the lead|the senior|he|she|they)';

const FLAGS: { kind: RedFlagKind; text: string; facet: StoryFacet | null; owned?: boolean; re: RegExp }[] = [
  {
    kind: 'blame',
    text: 'Puts the blame on others or on the circumstances instead of owning it',
    facet: 'role',
    re: new RegExp(
      [
        // "it was not really my fault", "not entirely my decision"
        `\\b${NOT} (?:really |entirely |exactly |totally |completely |fully )?(?:my|mine) (?:fault|decision|call|choice|idea|responsibility|doing)\\b`,
        `\\b(?:wasn't|was not|isn't|is not) (?:really |entirely )?(?:on me|mine to make|up to me)\\b`,
        // "hard to think of one that was really my fault"
        '\\bhard to (?:think of|find|name) (?:one|a mistake|anything|an example) that was (?:really |truly |actually )?(?:my (?:fault|own|doing)|mine)',
        // "the real problem was that QA was understaffed"
        `\\bthe (?:real|actual|main|root) (?:problem|issue|cause|reason|culprit) was (?:that )?${OTHERS}\\b`,
        `\\b(?:anyone|anybody|everyone|any engineer|any developer|any of us) (?:else )?would have (?:missed|made|done) (?:it|that|the same)\\b`,
        // "it was the process that needed fixing", "it was the PM's fault"
        `\\bit was (?:really |actually |mostly )?(?:the process|the team|the pm|management|the company|the deadline|the timeline|their fault|his fault|her fault|the process's fault)\\b`,
        `\\b(?:out of my hands|no fault of (?:my|mine)|nothing (?:much )?i could have done)\\b`,
        `\\b${OTHERS} (?:wanted it done fast|forced (?:me|us)|made (?:me|us) do|kept changing|moved (?:our|the) deadline)\\b.{0,80}\\bso (?:i|we) (?:went along|had no choice|just did)\\b`,
      ].join('|'),
    ),
  },
  {
    kind: 'went-around',
    text: 'Went around the team instead of raising it and bringing people along',
    facet: 'action',
    owned: true,
    re: new RegExp(
      [
        '\\bwithout (?:asking|telling|consulting|involving|checking with|informing|talking to) (?:anyone|anybody|the team|my (?:manager|lead|team)|stakeholders|management|him|her|them)\\b',
        // "I built my part in React anyway", "went ahead anyway"
        '\\b(?:i|so i) (?:built|wrote|did|shipped|implemented|rewrote|went ahead|used|deployed) [a-z ]{0,40}\\banyway\\b',
        `\\bi ${DID_NOT} tell (?:the )?(?:stakeholders|my manager|anyone|anybody|the team|management|the client)\\b`,
        '\\btook over (?:his|her|their) (?:laptop|keyboard|machine|task|ticket|work)\\b',
        '\\bi (?:just )?(?:ignored|overrode|overruled) (?:him|her|them|the (?:lead|team|review|decision))\\b',
      ].join('|'),
    ),
  },
  {
    kind: 'contempt',
    text: 'Speaks of colleagues with contempt',
    facet: null,
    re: new RegExp(
      [
        `\\b(?:he|she|they|managers|management|the lead|the pm|product) (?:clearly |obviously |simply |just )?${DID_NOT} (?:know|understand|get) (?:much|anything|technical|modern|what)\\b`,
        `\\b(?:managers|management|they|product|the business) ${DID_NOT} understand (?:technical debt|engineering|code|tech)`,
        '\\b(?:managers|management|they|he|she) would (?:just |only )?say no\\b',
        '\\bi was proven right\\b',
        '\\bwhich (?:honestly )?was frustrating because it was (?:a )?(?:basic|simple|trivial)\\b',
        '\\bit was (?:a )?(?:really )?basic (?:issue|bug|mistake|question)\\b',
      ].join('|'),
    ),
  },
  {
    kind: 'no-evidence',
    text: 'Gives no evidence of the result (nothing measured or followed up)',
    facet: 'result',
    re: new RegExp(
      [
        `\\b${DID_NOT} (?:really )?(?:bother )?(?:to )?(?:measure|measuring|track|tracking|quantify|follow up|following up)\\b`,
        `\\b${DID_NOT} (?:remember|recall|know) (?:the )?(?:numbers|figures|metrics|exact (?:numbers|figures|impact)|impact)\\b`,
        '\\b(?:speaks|speak) for itself\\b',
        '\\b(?:the )?(?:benefits|value|results?|improvements?) (?:of [a-z ]{1,20})?(?:are|were|is|was) obvious\\b',
      ].join('|'),
    ),
  },
  {
    kind: 'no-lesson',
    text: 'Takes no lesson from it, or none it has applied since',
    facet: 'lesson',
    re: new RegExp(
      [
        `\\b${DID_NOT} think there (?:was|is) (?:much|anything) (?:to change|i would change|to learn|i (?:could|should) have done)\\b`,
        `\\b(?:cannot|can't|could not|couldn't) say how i (?:would|could|will) apply\\b`,
        `\\b${DID_NOT} (?:change|do) anything differently\\b`,
        '\\bnothing (?:much )?(?:to change|i would (?:change|do differently)) on my side\\b',
        "\\bwould(?: not|n't) change anything\\b",
      ].join('|'),
    ),
  },
  {
    kind: 'no-engagement',
    text: 'Argues from preference, or teaches by doing it for them, rather than engaging',
    facet: 'reasoning',
    re: new RegExp(
      [
        '\\bi (?:simply |just )prefer\\b',
        '\\b(?:more efficient|faster|easier) to just (?:give|hand) (?:them|him|her|juniors|the juniors?) the (?:solution|answer|fix|code)\\b',
        '\\bexplaining (?:it |things )?takes too long\\b',
        '\\b(?:needs|need) to (?:learn to )?figure (?:it|things) out (?:on|by) (?:his|her|their) own\\b',
      ].join('|'),
    ),
  },
];

/** The story owns a mistake of the candidate's: a shortcut it describes is what went wrong, not a red flag. */
const OWNS =
  /\b(?:my (?:mistake|fault|bad)|(?:that|it) was on me|i should have|i shouldn't have|i should not have|i take (?:full )?responsibility|i own(?:ed)? (?:it|that|the)|in hindsight|looking back|i regret|i learned|lesson i)\b/;
const DENIED_OWNING = new RegExp(`\\b${NOT} (?:really |entirely )?(?:my (?:mistake|fault)|on me)\\b`);

export function storyRedFlags(a: TextAnalysis): RedFlag[] {
  const tt = tokenText(a.tokens);
  const owns = OWNS.test(tt.joined.replace(DENIED_OWNING, ' '));
  const out: RedFlag[] = [];
  for (const flag of FLAGS) {
    if (flag.owned && owns) continue;
    const [m] = matchTokens(tt, flag.re);
    if (!m) continue;
    out.push({
      kind: flag.kind,
      text: flag.text,
      facet: flag.facet,
      evidence: evidenceSpan(a, m.first, m.last, 8, 30),
    });
  }
  return out;
}
