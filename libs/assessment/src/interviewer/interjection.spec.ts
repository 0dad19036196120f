import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { RubricEngine } from '../rubric/rubric-engine';
import {
  answerBudgetMs,
  decideInterjection,
  DEFAULT_ANSWER_BUDGET_SECONDS,
  redirectText,
  type InterjectionInput,
} from './interjection';
import { describeAnswerEnding } from './turn-end';

const onTopic = { relevance: 7.2, pointsCovered: 2, keyTermsSaid: 3 };
const input = (patch: Partial<InterjectionInput> = {}): InterjectionInput => ({
  answerMs: 60_000,
  budgetMs: 180_000,
  words: 150,
  reading: onTopic,
  redirected: false,
  ...patch,
});

describe('answerBudgetMs', () => {
  it('gives each category its budget, a follow-up half of it (at least a minute), and takes overrides', () => {
    expect(answerBudgetMs('system-design', 'answer')).toBe(DEFAULT_ANSWER_BUDGET_SECONDS['system-design'] * 1000);
    expect(answerBudgetMs('system-design', 'follow-up')).toBe(150_000);
    expect(answerBudgetMs('technical', 'follow-up')).toBe(75_000);
    expect(answerBudgetMs('behavioral', 'answer', { behavioral: 240 })).toBe(240_000);
    expect(answerBudgetMs('databases', 'follow-up', { databases: 90 })).toBe(60_000);
    expect(answerBudgetMs('databases', 'follow-up', { databases: 30 })).toBe(30_000);
  });
});

describe('decideInterjection', () => {
  it('keeps listening to an answer on topic within its time', () => {
    expect(decideInterjection(input())).toBeNull();
    expect(decideInterjection(input({ answerMs: 179_000 }))).toBeNull();
  });

  it('cuts in for time once the answer has run past its budget, and says why', () => {
    const cut = decideInterjection(input({ answerMs: 192_000 }));
    expect(cut).toMatchObject({ reason: 'over-time', detail: 'ran 3:12, past the 3 minutes for this question' });
    expect(cut?.reason === 'over-time' && cut.lead).toMatch(/stop you there/i);
    // The phrasing varies between questions.
    const leads = new Set(
      [0, 1, 2].map((n) => {
        const d = decideInterjection(input({ answerMs: 200_000 }), n);
        return d?.reason === 'over-time' ? d.lead : null;
      }),
    );
    expect(leads.size).toBe(3);
    expect(decideInterjection(input({ answerMs: 45_000, budgetMs: 30_000 }))?.detail).toBe(
      'ran 45 s, past the 30 s for this question',
    );
    // Silence alone is no answer to cut short.
    expect(decideInterjection(input({ answerMs: 400_000, words: 0, reading: null }))).toBeNull();
  });

  it('brings an answer back to the question once it has clearly left it, and only once', () => {
    const off = { relevance: 0.4, pointsCovered: 0, keyTermsSaid: 0 };
    expect(decideInterjection(input({ words: 80, reading: off }))).toMatchObject({
      reason: 'off-topic',
      detail: 'off the question after 80 words',
    });
    expect(decideInterjection(input({ words: 80, reading: off, redirected: true }))).toBeNull();
    // Too little said to judge; a term of the question said; a point covered; or related words: not off topic.
    expect(decideInterjection(input({ words: 30, reading: off }))).toBeNull();
    expect(decideInterjection(input({ words: 80, reading: { ...off, keyTermsSaid: 1 } }))).toBeNull();
    expect(decideInterjection(input({ words: 80, reading: { ...off, pointsCovered: 1 } }))).toBeNull();
    expect(decideInterjection(input({ words: 80, reading: { ...off, relevance: 3 } }))).toBeNull();
  });

  it('reads a real off-topic answer as one, and real answers to the question (even the weak ones) as on it', async () => {
    const bank = QuestionBank.load();
    const engine = new RubricEngine();
    const question = bank.get('optimistic-vs-pessimistic-locking') as Question;
    const reading = async (transcript: string) => {
      const a = await engine.assess({ question, transcript, level: 'mid' });
      return {
        relevance: a.scores.relevance,
        pointsCovered: a.rubric.filter((r) => r.covered).length,
        keyTermsSaid: a.keyTermsUsed.length,
      };
    };
    const story =
      'Last summer I went hiking in the mountains with two friends from university. We started early in the morning, carried far too much food, ' +
      'and got lost twice because the trail markers had been washed away by the rain. In the evening we reached a small village, ate soup in a ' +
      'family restaurant and slept in a barn. It taught me to pack lighter and to always carry a paper map.';
    const weak =
      'Optimistic locking is when you assume there will not be many conflicts, so you check a version column when you write and retry if it changed. ' +
      'Pessimistic locking takes the lock first with select for update, which is safer when there is a lot of contention but can cause deadlocks.';
    const words = (t: string) => t.split(/\s+/).length;
    expect(decideInterjection(input({ words: words(story), reading: await reading(story) }))).toMatchObject({
      reason: 'off-topic',
    });
    expect(decideInterjection(input({ words: words(weak), reading: await reading(weak) }))).toBeNull();
  });
});

describe('redirectText', () => {
  const bank = QuestionBank.load();
  it('asks the question again in one sentence, or the follow-up being answered', () => {
    const question = bank.get('slow-postgres-query-diagnosis') as Question;
    const text = redirectText(question);
    expect(text).toMatch(/^Let me stop you there — I'd like to bring us back to the question\. /);
    expect(text).toContain('Walk through your full diagnosis');
    expect(text).not.toContain('50 million rows. A query');
    expect(redirectText(question, 'How would you build the index without locking the table?')).toMatch(
      /How would you build the index without locking the table\?$/,
    );
  });
});

describe('describeAnswerEnding', () => {
  it('says the interviewer cut in, and why', () => {
    expect(
      describeAnswerEnding({
        by: 'interjection',
        silenceMs: null,
        state: null,
        reasons: ['ran 3:12, past the 3 minutes for this question'],
        nudged: false,
      }),
    ).toBe('the interviewer cut in: ran 3:12, past the 3 minutes for this question');
  });
});
