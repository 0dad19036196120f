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
    segments.push({ text: words.slice(i, i + 12).join(' '), startMs: i * msPerWord, endMs: Math.min(words.length, i + 12) * msPerWord });
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
    assessments: transcript === null ? [] : [engine.assessSync({ question, transcript, segments: timed(transcript, 140) })],
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
    expect(insights.practiseNext[0]).toMatchObject({ questionId: weakQ.id, reason: expect.stringMatching(/^Scored \d/) });
  });

  it('asks for every question to be answered and suggests the skipped one', () => {
    const insights = sessionInsights([strong, outcome(skippedQ, null, { skipped: true })]);
    expect(insights.workOn.join(' ')).toMatch(/Answer every question/);
    expect(insights.practiseNext).toContainEqual(expect.objectContaining({ questionId: skippedQ.id, reason: 'You skipped it in this session.' }));
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

  it('is deterministic and says nothing it cannot back up for an empty session', () => {
    expect(sessionInsights([strong, weak])).toEqual(sessionInsights([strong, weak]));
    expect(sessionInsights([])).toEqual({ strengths: [], workOn: [], practiseNext: [] });
  });
});

function shortStart(text: string): string {
  return text.slice(0, 20);
}
