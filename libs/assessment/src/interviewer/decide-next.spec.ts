import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { RubricEngine } from '../rubric/rubric-engine';
import type { Assessment } from '../types';
import { decideNext } from './decide-next';

const bank = QuestionBank.load();
const engine = new RubricEngine();
const question = bank.get('distributed-rate-limiter') as Question;
const partial =
  'i would keep a counter per user in redis and do the increment and the check in a lua script so the limit is enforced atomically across all the servers';

describe('decideNext', () => {
  const a = engine.assessSync({ question, transcript: partial });

  it('asks a follow-up aimed at the biggest gap while follow-ups remain', () => {
    const next = decideNext({ assessment: a, followUpsAsked: [], maxFollowUps: 2, level: 'mid' });
    expect(next).toEqual({ action: 'follow-up', text: a.followUp?.text, targetPointId: a.followUp?.targetPointId });
    expect(a.rubric.find((r) => r.pointId === a.followUp?.targetPointId)?.covered).toBe(false);
  });

  it('moves on when no follow-ups remain', () => {
    expect(decideNext({ assessment: a, followUpsAsked: ['x', 'y'], maxFollowUps: 2 })).toEqual({ action: 'next' });
    expect(decideNext({ assessment: a, followUpsAsked: 1, maxFollowUps: 1 })).toEqual({ action: 'next' });
    expect(decideNext({ assessment: a, followUpsAsked: [], maxFollowUps: 0 })).toEqual({ action: 'next' });
  });

  it('never asks the same follow-up twice', () => {
    expect(decideNext({ assessment: a, followUpsAsked: [a.followUp?.text as string], maxFollowUps: 3 })).toEqual({
      action: 'next',
    });
  });

  it('moves on when nothing meaningful is missing', () => {
    const full: Assessment = { ...a, rubric: a.rubric.map((r) => ({ ...r, covered: true })), followUp: null };
    expect(decideNext({ assessment: full, followUpsAsked: [], maxFollowUps: 3 })).toEqual({ action: 'next' });
    // Five of six covered is enough at mid level; a senior is probed on the last gap.
    const fiveOfSix: Assessment = {
      ...a,
      rubric: a.rubric.map((r, i) => ({ ...r, covered: i !== 5 })),
      followUp: { text: 'What about scope?', source: 'generated', targetPointId: a.rubric[5].pointId },
    };
    expect(decideNext({ assessment: fiveOfSix, followUpsAsked: [], maxFollowUps: 3, level: 'mid' })).toEqual({
      action: 'next',
    });
    expect(decideNext({ assessment: fiveOfSix, followUpsAsked: [], maxFollowUps: 3, level: 'senior' }).action).toBe(
      'follow-up',
    );
  });

  it('moves on after an empty or off-topic answer rather than probing it', () => {
    const empty = engine.assessSync({ question, transcript: "i don't know" });
    expect(decideNext({ assessment: empty, followUpsAsked: [], maxFollowUps: 3 })).toEqual({ action: 'next' });
    const offTopic = engine.assessSync({
      question,
      transcript: (bank.get('cap-theorem-distributed-systems') as Question).sampleAnswer as string,
    });
    expect(decideNext({ assessment: offTopic, followUpsAsked: [], maxFollowUps: 3 })).toEqual({ action: 'next' });
  });

  it('is deterministic', () => {
    const input = { assessment: a, followUpsAsked: [], maxFollowUps: 2, level: 'senior' as const };
    expect(decideNext(input)).toEqual(decideNext(input));
  });
});
