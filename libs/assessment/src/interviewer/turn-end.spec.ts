import { decideTurnEnd, describeAnswerEnding, DONE_WAIT_MS, LIKELY_DONE_WAIT_MS, QUICK_WAITS_MS } from './turn-end';

const PATIENCE = 5000;
const decide = (text: string, extra: Partial<Parameters<typeof decideTurnEnd>[0]> = {}) =>
  decideTurnEnd({ text, patienceMs: PATIENCE, ...extra });

const FINISHED =
  'i would put a token bucket per user in redis and run the check and the decrement in a lua script so it is atomic ' +
  'and if redis is down we fail open for reads';

describe('decideTurnEnd', () => {
  it('takes a finished answer after a short silence, and a probably finished one after a little longer', () => {
    const d = decide(FINISHED, { coverage: { covered: 3, total: 5 } });
    expect(d).toMatchObject({ state: 'done', waitMs: LIKELY_DONE_WAIT_MS });
    expect(d.reasons).toEqual(['finished sentence', '3 of 5 points covered']);
    // The voice falling at the end as well: clearly finished.
    expect(decide(FINISHED, { coverage: { covered: 3, total: 5 }, prosody: { falling: true } })).toMatchObject({
      state: 'done',
      waitMs: DONE_WAIT_MS,
    });
    // A short patience is never exceeded.
    expect(decideTurnEnd({ text: FINISHED, coverage: { covered: 3, total: 5 }, patienceMs: 1000 }).waitMs).toBe(1000);
    expect(decide("so that's how i'd shard it. that's it")).toMatchObject({
      state: 'done',
      reasons: ['said they were done'],
    });
  });

  it('answers a finished-looking pause sooner when an early end can be taken back, and a thinking one no sooner', () => {
    const recoverable = { recoverable: true };
    expect(decide(FINISHED, { coverage: { covered: 3, total: 5 }, ...recoverable })).toMatchObject({
      state: 'done',
      waitMs: QUICK_WAITS_MS.likely,
    });
    expect(
      decide(FINISHED, { coverage: { covered: 3, total: 5 }, prosody: { falling: true }, ...recoverable }),
    ).toMatchObject({ state: 'done', waitMs: QUICK_WAITS_MS.done });
    // Unsure (short, little of the rubric): still about a second, not half the patience.
    const short = 'i would use a token bucket per user kept in redis';
    expect(decide(short, { coverage: { covered: 2, total: 5 }, ...recoverable })).toMatchObject({
      state: 'unsure',
      waitMs: QUICK_WAITS_MS.unsure,
    });
    expect(decide(short, { coverage: { covered: 2, total: 5 } }).waitMs).toBeGreaterThan(QUICK_WAITS_MS.unsure);
    // Mid-thought and asking for time wait as long as ever.
    expect(decide('the first thing is the token bucket and', recoverable)).toMatchObject({
      state: 'mid-thought',
      waitMs: PATIENCE,
    });
    expect(decide('hmm let me think', recoverable).state).toBe('asked-for-time');
    // A longer patience (a slower interviewer, by the candidate's choice) stretches the quick waits alike.
    expect(decide(FINISHED, { coverage: { covered: 3, total: 5 }, ...recoverable, patienceMs: 15_000 }).waitMs).toBe(
      3 * QUICK_WAITS_MS.likely,
    );
    // A breath learnt (they went on once after 1.4 s) is waited past.
    expect(decide(FINISHED, { coverage: { covered: 3, total: 5 }, resumedAfterMs: 1400, ...recoverable }).waitMs).toBe(
      1900,
    );
  });

  it('waits past the breaths this candidate went on after, never past the patience', () => {
    const clearly = { coverage: { covered: 3, total: 5 }, prosody: { falling: true } };
    // They went on after 1.1 s once, though the answer read as finished: a finished answer now waits 1.6 s.
    const d = decide(FINISHED, { ...clearly, resumedAfterMs: 1100 });
    expect(d).toMatchObject({ state: 'done', waitMs: 1600 });
    expect(d.reasons.at(-1)).toBe('went on after 1.1 s before');
    // A breath shorter than the wait changes nothing.
    expect(decide(FINISHED, { ...clearly, resumedAfterMs: 200 })).toMatchObject({ waitMs: DONE_WAIT_MS });
    // Capped at the patience; saying so still ends it quickly; a sentence left open waits the patience anyway.
    expect(decide(FINISHED, { ...clearly, resumedAfterMs: 4800 }).waitMs).toBe(PATIENCE);
    expect(decide("that's it, i'm done", { resumedAfterMs: 3000 }).waitMs).toBe(DONE_WAIT_MS);
    expect(decide('the server hashes the password and then', { resumedAfterMs: 3000 })).toMatchObject({
      state: 'mid-thought',
      waitMs: PATIENCE,
    });
  });

  it('waits the whole patience for a sentence left open', () => {
    for (const text of [
      `${FINISHED} and`,
      `${FINISHED} because`,
      `${FINISHED} and the second thing is`,
      `${FINISHED} um`,
      // A trailing "and um" as PocketSphinx hears it, and clauses opened with a contraction.
      `${FINISHED} and i'm`,
      `${FINISHED} so it's`,
      `${FINISHED} and then we're`,
      'there are three reasons',
      'so basically the',
      'the main reason is',
    ]) {
      expect({ text, ...decide(text) }).toMatchObject({ state: 'mid-thought', waitMs: PATIENCE });
    }
    expect(decide(`${FINISHED} so`).reasons[0]).toMatch(/^sentence left open \(“.* so”\)$/);
  });

  it('waits while an announced list is unfinished, and not once it is done', () => {
    const two =
      'i see three main problems here. first the cache is not invalidated on writes. second the ttl is far too long';
    expect(decide(two)).toMatchObject({ state: 'mid-thought', reasons: ['announced 3 points, gave 2'] });
    expect(decide(`${two}. and third nobody monitors the hit rate`).state).not.toBe('mid-thought');
    expect(
      decide('there are two ways to do it. first a queue, and finally a cron job that sweeps them').state,
    ).not.toBe('mid-thought');
  });

  it('gives more time when the candidate asks for it', () => {
    for (const text of [
      'hmm let me think',
      'give me a moment',
      'okay so one second',
      'i am still thinking about the partitioning',
      'god made a moment to think',
    ]) {
      expect({ text, ...decide(text) }).toMatchObject({ state: 'asked-for-time', waitMs: 15_000 });
    }
    expect(decideTurnEnd({ text: 'let me think', patienceMs: 15_000 }).waitMs).toBe(30_000);
  });

  it('is unsure about a short answer with little of the rubric, and leans on the voice when it is measured', () => {
    const short = decide('we use a cache', { coverage: { covered: 0, total: 5 } });
    expect(short.state).toBe('mid-thought');
    // Two points of five are not yet half of what was asked for: a finished sentence alone does not make it finished.
    expect(
      decide(
        'we would put the sessions in redis with an expiry time on each key and send the id back in an http only cookie',
        { coverage: { covered: 2, total: 5 } },
      ).state,
    ).toBe('unsure');
    const middling = decide('we would put the sessions in redis with an expiry time on each key', {
      coverage: { covered: 1, total: 5 },
    });
    expect(middling).toMatchObject({ state: 'unsure', waitMs: 2500 });
    // With a short patience, still no quicker than a probably finished answer.
    expect(
      decideTurnEnd({
        text: 'we would put the sessions in redis with an expiry time on each key',
        coverage: { covered: 1, total: 5 },
        patienceMs: 2000,
      }),
    ).toMatchObject({ state: 'unsure', waitMs: LIKELY_DONE_WAIT_MS });
    expect(
      decide('we would put the sessions in redis with an expiry time on each key', {
        coverage: { covered: 1, total: 5 },
        prosody: { falling: true },
      }).state,
    ).toBe('done');
    // A level voice is noted, and holds nothing open by itself.
    const level = decide(FINISHED, { prosody: { falling: false } });
    expect(level).toMatchObject({ state: decide(FINISHED).state, waitMs: decide(FINISHED).waitMs });
    expect(decide(FINISHED, { coverage: { covered: 3, total: 5 }, prosody: { falling: false } })).toMatchObject({
      state: 'done',
      waitMs: LIKELY_DONE_WAIT_MS,
    });
    expect(level.reasons).toContain('voice stayed level');
  });

  it('says in the review that the candidate went on after the interviewer had begun', () => {
    expect(
      describeAnswerEnding({
        by: 'silence',
        silenceMs: 1900,
        state: 'done',
        reasons: ['finished sentence'],
        nudged: false,
        wentOn: 1,
      }),
    ).toBe('ended after 1.9 s of silence: finished sentence; went on once after the interviewer had begun');
  });

  it('says why, for the review', () => {
    const decision = decide(FINISHED, { coverage: { covered: 4, total: 5 } });
    expect(
      describeAnswerEnding({
        by: 'silence',
        silenceMs: 1230,
        state: decision.state,
        reasons: decision.reasons,
        nudged: false,
      }),
    ).toBe('ended after 1.2 s of silence: finished sentence, 4 of 5 points covered');
    expect(describeAnswerEnding({ by: 'done-button', silenceMs: null, state: null, reasons: [], nudged: true })).toBe(
      'ended by “I’m done” (after a nudge)',
    );
  });
});
