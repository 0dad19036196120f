import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { RubricEngine } from '../rubric/rubric-engine';
import type { TimedSegment } from '../types';
import { sessionInsights, type QuestionOutcome } from './session-insights';

const bank = QuestionBank.load();
const engine = new RubricEngine();
const strongQ = bank.get('authentication-sessions-end-to-end') as Question;
const weakQ = bank.get('distributed-rate-limiter') as Question;
const skippedQ = bank.get('rest-vs-graphql') as Question;

/** Spreads a transcript over timed segments at a given pace. */
function timed(text: string, wordsPerMinute: number): TimedSegment[] {
  const words = text.split(/\s+/);
  const msPerWord = 60_000 / wordsPerMinute;
  const segments: TimedSegment[] = [];
  for (let i = 0; i < words.length; i += 12) {
    segments.push({
      text: words.slice(i, i + 12).join(' '),
      startMs: i * msPerWord,
      endMs: Math.min(words.length, i + 12) * msPerWord,
    });
  }
  return segments;
}

function outcome(question: Question, transcript: string | null, extra: Partial<QuestionOutcome> = {}): QuestionOutcome {
  return {
    questionId: question.id,
    text: question.text,
    category: question.category,
    asked: true,
    skipped: false,
    assessments:
      transcript === null ? [] : [engine.assessSync({ question, transcript, segments: timed(transcript, 140) })],
    ...extra,
  };
}

describe('sessionInsights', () => {
  const strong = outcome(strongQ, (strongQ.sampleAnswer ?? '').toLowerCase().replace(/[^a-z0-9' ]+/g, ' '));
  const weak = outcome(weakQ, 'um i would uh put a counter somewhere and like check it');

  it('names a strength from the best answer and the most valuable gap from the weakest', () => {
    const insights = sessionInsights([strong, weak]);
    expect(insights.strengths.join(' ')).toMatch(/authentication/i);
    expect(insights.workOn.length).toBeGreaterThanOrEqual(2);
    expect(insights.workOn.length).toBeLessThanOrEqual(3);
    const missed = weak.assessments[0].rubric.filter((p) => !p.covered);
    expect(missed.length).toBeGreaterThan(0);
    expect(insights.workOn.some((w) => w.includes('rate limiter') || w.includes(shortStart(weakQ.text)))).toBe(true);
    // The weak question comes first among the questions to practise.
    expect(insights.practiseNext[0]).toMatchObject({
      questionId: weakQ.id,
      reason: expect.stringMatching(/^Scored \d/),
    });
  });

  it('asks for every question to be answered and suggests the skipped one', () => {
    const insights = sessionInsights([strong, outcome(skippedQ, null, { skipped: true })]);
    expect(insights.workOn.join(' ')).toMatch(/Answer every question/);
    expect(insights.practiseNext).toContainEqual(
      expect.objectContaining({ questionId: skippedQ.id, reason: 'You skipped it in this session.' }),
    );
  });

  it('suggests more questions of the weakest category from the bank', () => {
    const others = bank
      .list({ category: weakQ.category, limit: 10 })
      .items.filter((q) => q.id !== weakQ.id)
      .map((q) => ({ questionId: q.id, text: q.text, category: q.category }));
    const insights = sessionInsights([strong, weak], others);
    const fromBank = insights.practiseNext.filter((s) => s.questionId !== weakQ.id);
    expect(fromBank.length).toBeGreaterThan(0);
    expect(fromBank.every((s) => others.some((o) => o.questionId === s.questionId))).toBe(true);
  });

  it('says what to work on and what to practise after a good session that still missed points', () => {
    // An 8.5 interview with one point missed per answer: the summary must not read "Nothing noted".
    const good = (question: Question): QuestionOutcome => {
      const base = outcome(question, (question.sampleAnswer ?? question.answerFramework ?? '').toLowerCase());
      const assessment = base.assessments[0];
      const rubric = assessment.rubric.map((point, index) => ({
        ...point,
        covered: index !== 1,
        confidence: index === 1 ? 0.3 : 0.9,
      }));
      return {
        ...base,
        assessments: [
          {
            ...assessment,
            rubric,
            commonMistakes: [],
            scores: { relevance: 9.1, depth: 8.2, clarity: 8.6, correctness: 8.4, overall: 8.5 },
          },
        ],
      };
    };
    const session = [good(strongQ), good(skippedQ)];
    const others = bank
      .list({ role: 'fullstack', limit: 100 })
      .items.filter((q) => !session.some((o) => o.questionId === q.id))
      .map((q) => ({ questionId: q.id, text: q.text, category: q.category }));
    const insights = sessionInsights(session, others);
    expect(insights.workOn.length).toBeGreaterThanOrEqual(2);
    const missedPoints = session.map((o) => o.assessments[0].rubric[1].text.replace(/[.;:]+$/, ''));
    expect(missedPoints.some((point) => insights.workOn.join(' ').includes(`the answer missed “${point}”`))).toBe(true);
    expect(insights.workOn.join(' ')).toMatch(/Depth, your lowest dimension \(8\.2\)/);
    expect(insights.practiseNext.length).toBe(3);
    // The answers with a missed point come back, and at least one new question from the bank.
    expect(
      insights.practiseNext.some(
        (s) => s.questionId === strongQ.id && /1 of \d+ key points were missed/.test(s.reason),
      ),
    ).toBe(true);
    expect(insights.practiseNext.some((s) => others.some((o) => o.questionId === s.questionId))).toBe(true);
  });

  it('suggests a question from the bank even when every point was covered', () => {
    const base = outcome(strongQ, strongQ.sampleAnswer ?? '');
    const perfect = {
      ...base,
      assessments: [
        {
          ...base.assessments[0],
          rubric: base.assessments[0].rubric.map((p) => ({ ...p, covered: true })),
          commonMistakes: [],
          scores: { relevance: 9.6, depth: 9.4, clarity: 9.5, correctness: 9.6, overall: 9.5 },
        },
      ],
    };
    const others = [{ questionId: 'x-other', text: 'Another question?', category: strongQ.category }];
    const insights = sessionInsights([perfect], others);
    expect(insights.practiseNext).toEqual([expect.objectContaining({ questionId: 'x-other' })]);
  });

  it('is deterministic and says nothing it cannot back up for an empty session', () => {
    expect(sessionInsights([strong, weak])).toEqual(sessionInsights([strong, weak]));
    expect(sessionInsights([])).toEqual({ strengths: [], workOn: [], practiseNext: [] });
  });
});

function shortStart(text: string): string {
  return text.slice(0, 20);
}
