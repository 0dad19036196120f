import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { followUpForPartOfPoint, followUpForPoint, pointTopic } from './phrasing';

const bank = QuestionBank.load();
const questions: Question[] = bank.list({ limit: 200 }).items.map((s) => bank.get(s.id) as Question);

describe('pointTopic', () => {
  it('names what a point is about, without what a strong answer says about it', () => {
    expect(pointTopic('Moderation: queue new comments for approval, flagging system')).toBe('moderation');
    expect(pointTopic('Cache miss handling (cache-aside, circuit breakers)')).toBe('cache miss handling');
    expect(pointTopic('Send request to server asynchronously')).toBe('sending request');
    expect(pointTopic('Optimize API calls: batch requests, paginate, use GraphQL or data-loader')).toBe(
      'optimizing API calls',
    );
    expect(
      pointTopic('Adds a B-tree index for a high-cardinality column, or a partial index when only a subset is queried'),
    ).toBe('adding a B-tree index');
    expect(
      pointTopic(
        'Explains that exactly-once delivery is hard: at-least-once delivery with idempotent processing is the realistic contract',
      ),
    ).toBe('exactly-once delivery');
    expect(
      pointTopic(
        'Presents at least two algorithms (token bucket, sliding window log, sliding window counter) with their trade-offs',
      ),
    ).toBe('algorithms');
    expect(pointTopic('API Gateway')).toBe('API Gateway');
  });
});

describe('followUpForPoint', () => {
  it('never reads out what the point says: no detail after its label, nothing of its examples', () => {
    let checked = 0;
    const leaks: { point: string; text: string }[] = [];
    for (const q of questions) {
      for (const p of q.rubric) {
        const text = followUpForPoint(p.text, null, 'mid', q.category === 'behavioral');
        const lower = text.toLowerCase();
        const label = p.text.match(/^([^:]{2,40}):\s+(.+)$/);
        const details = [
          ...(label && label[1].split(/\s+/).length <= 3 ? [label[2]] : []),
          ...[...p.text.matchAll(/\(([^)]{6,})\)/g)].map((m) => m[1]),
        ];
        for (const detail of details) {
          checked++;
          if (
            lower.includes(
              detail
                .toLowerCase()
                .replace(/^e\.g\.,?\s*/, '')
                .trim()
                .slice(0, 20),
            )
          )
            leaks.push({ point: p.text, text });
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it("asks about the topic in the rubric's words, pitched to the level", () => {
    const mid = followUpForPoint('Moderation: queue new comments for approval, flagging system', null, 'mid');
    const senior = followUpForPoint('Moderation: queue new comments for approval, flagging system', null, 'senior');
    expect(mid).toMatch(/moderation/);
    expect(mid).toMatch(/concretely/i);
    expect(senior).toMatch(/trade-offs or failure modes/);
    expect(mid).not.toMatch(/approval|flagging/);
    // An action is asked as a how, never "how would you handle handling …".
    expect(
      followUpForPoint('Handles tokens without =, empty values and malformed input explicitly', null, 'mid'),
    ).toMatch(/^(?:How would you go about|Walk me through) handling tokens/);
  });

  it('varies its phrasing from point to point', () => {
    const openings = new Set(
      questions.flatMap((q) =>
        q.rubric.map((p) => followUpForPoint(p.text, null, 'mid').split(' ').slice(0, 3).join(' ')),
      ),
    );
    expect(openings.size).toBeGreaterThanOrEqual(4);
  });

  it('acknowledges the part of a point that was said and asks for more, without naming what is missing', () => {
    const text = followUpForPartOfPoint(
      'a JWT',
      'Session token generation (JWT or random string) and HTTP-only cookies',
      'mid',
    );
    expect(text).toMatch(/^You mentioned a JWT\. /);
    expect(text).toMatch(/session token generation/);
    expect(text).not.toMatch(/cookie|random string/i);
  });
});
