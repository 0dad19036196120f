import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { RubricEngine } from './rubric-engine';

/**
 * A recogniser writes everyday words for technical terms it does not know well. The engine reads those words as the
 * terms they sound like, but only where the word is no word of the interview's domain: what was said stays said.
 */
const bank = QuestionBank.load();
const engine = new RubricEngine();

function question(id: string): Question {
  const q = bank.get(id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

function assess(id: string, transcript: string) {
  const q = question(id);
  return engine.assessSync({ question: q, transcript, level: q.levels[0] ?? 'mid' });
}

describe('sound-alikes of technical terms', () => {
  it('reads "radius" as Redis in a question about Redis, and scores the answer as if it had been heard right', () => {
    const said =
      'I keep one counter per user in Redis and run the check and the increment atomically in a Lua script, so two servers cannot both let a request through.';
    const heard = said.replace('Redis', 'radius');
    const clean = assess('distributed-rate-limiter', said);
    const misheard = assess('distributed-rate-limiter', heard);
    expect(misheard.keyTermsUsed).toContain('Redis');
    expect(misheard.scores.overall).toBeCloseTo(clean.scores.overall, 1);
    const atomic = (a: typeof clean) => a.rubric.find((r) => /atomically in Redis/.test(r.text))!;
    expect(atomic(misheard).covered).toBe(atomic(clean).covered);
    // The quote is what was heard: the transcript's own words.
    expect(atomic(misheard).evidence?.quote ?? '').not.toMatch(/Redis/);
  });

  it('reads two words as one term when together they sound like it ("bee crypt" for bcrypt)', () => {
    const said = 'The server hashes the password with bcrypt and a salt, and compares it to the stored hash at login.';
    const clean = assess('authentication-sessions-end-to-end', said);
    const misheard = assess('authentication-sessions-end-to-end', said.replace('bcrypt', 'bee crypt'));
    expect(clean.keyTermsUsed).toContain('bcrypt');
    expect(misheard.keyTermsUsed).toContain('bcrypt');
    expect(misheard.scores.overall).toBeCloseTo(clean.scores.overall, 1);
  });

  it('leaves words of the domain alone: "write" is not a misheard "rate", "set" not "sorted set"', () => {
    const answer =
      'Every write goes to the primary, and I set a timeout on each request so a slow replica cannot hold a thread.';
    const scored = assess('distributed-rate-limiter', answer);
    expect(scored.keyTermsUsed).not.toContain('Rate limiter');
    expect(scored.keyTermsUsed).not.toContain('Sorted set');
    expect(scored.rubric.filter((r) => r.covered)).toEqual([]);
  });

  it('listens for short words only when a key term names them: "rain" is no misheard "run"', () => {
    // A story about a hike, as the recogniser heard it, to a question about synchronous and asynchronous code.
    const hike =
      'we got lost twice because the trail markers have been washed away by the rain and we reached a small village ' +
      'and slept in a barn it taught me to pack lighter and carry a paper map';
    const a = assess('synchronous-vs-asynchronous-programming', hike);
    expect(a.rubric.filter((r) => r.covered)).toEqual([]);
  });

  it('does not make a vague or off-topic answer better by sounding like the key terms', () => {
    const vague =
      'I would just make sure it is fast and works well, maybe with some kind of radius thing, and test it properly.';
    const scored = assess('distributed-rate-limiter', vague);
    expect(scored.scores.overall).toBeLessThan(3.5);
  });
});
