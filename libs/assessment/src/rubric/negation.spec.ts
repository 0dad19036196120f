import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { analyze } from '../text/analyze';
import { polarity } from './negation';
import { RubricEngine, segmentStarts } from './rubric-engine';

const bank = QuestionBank.load();
const q = (id: string) => bank.get(id) as Question;
const engine = new RubricEngine();
const assess = (question: Question, transcript: string) => engine.assessSync({ question, transcript, level: 'mid' });
const denied = (text: string) => {
  const a = analyze(text);
  const { deniedBy } = polarity(a);
  return a.tokens.filter((_, i) => deniedBy[i] >= 0).map((t) => t.lower);
};

describe('negation: what an answer denies or dismisses', () => {
  it('reads a denial before its words and a dismissing predicate after them', () => {
    expect(denied('there is no need for a session store')).toEqual(['session', 'store']);
    expect(denied('I would not bother checking the token, it is signed')).toEqual(expect.arrayContaining(['token']));
    expect(denied('Sorting is not necessary because logs arrive in order')).toContain('sorting');
    expect(denied('Sorting is not necessary because logs arrive in order')).not.toContain('logs');
    expect(denied('Metrics tools like Datadog are overkill')).toEqual(
      expect.arrayContaining(['metrics', 'tools', 'datadog']),
    );
  });

  it('stops a denial at a pause of a spoken answer, where the recogniser wrote no full stop', () => {
    // Said: "We check the estimate at month six, not eighteen. Hidden costs I would put numbers on…"; heard as one run.
    const segments = [
      { text: 'we check the estimate at month six not eighteen', startMs: 0, endMs: 2500 },
      { text: 'hidden costs i would put numbers on', startMs: 3200, endMs: 5200 },
    ];
    const heard = segments.map((s) => s.text).join(' ');
    expect(denied(heard)).toEqual(expect.arrayContaining(['hidden', 'costs']));
    const a = { ...analyze(heard), pauses: segmentStarts(heard, segments)! };
    const { deniedBy } = polarity(a);
    const deniedWords = a.tokens.filter((_, i) => deniedBy[i] >= 0).map((t) => t.lower);
    expect(deniedWords).not.toContain('hidden');
    expect(deniedWords).not.toContain('costs');
    expect(segmentStarts(heard, segments)).toEqual(new Set([heard.indexOf('hidden')]));
    expect(segmentStarts(heard, segments.slice(0, 1))).toBeNull();
  });

  it('denies nothing in "not only", and a denial inside a denial cancels', () => {
    expect(denied('it is not only fast but also safe')).toEqual([]);
    expect(denied('never deploy without tests')).not.toContain('tests');
  });
});

describe('RubricEngine: contradictions and mistakes, quoted', () => {
  it('a denied rubric point is not covered and is recorded with the words that deny it', () => {
    const question = q('client-vs-server-logic');
    const answer =
      'Anything sensitive such as permissions and prices stays on the server because the browser can be tampered with. ' +
      'We do not need server-side validation, because the form already validates the input before it is sent.';
    const a = assess(question, answer);
    const point = a.rubric.find((r) => r.pointId === 'client-vs-server-logic#5');
    expect(point?.covered).toBe(false);
    const contradiction = a.commonMistakes.find((m) => m.text.startsWith('Says the opposite of a key point'));
    expect(contradiction?.evidence?.quote).toMatch(/do not need server-side validation/);
    expect(answer.slice(contradiction!.evidence!.start, contradiction!.evidence!.end)).toBe(
      contradiction!.evidence!.quote,
    );
  });

  it('a negated mention does not count as covering the point ("no need for a session store")', () => {
    const question = q('authentication-sessions-end-to-end');
    const plain = assess(
      question,
      'After login we keep the session in a session store, Redis, keyed by a random id sent in an HttpOnly cookie.',
    );
    const negated = assess(
      question,
      'After login there is no need for a session store, the signed token carries everything in an HttpOnly cookie.',
    );
    const id = 'authentication-sessions-end-to-end#3';
    expect(plain.rubric.find((r) => r.pointId === id)?.covered).toBe(true);
    expect(negated.rubric.find((r) => r.pointId === id)?.covered).toBe(false);
    expect(negated.commonMistakes.some((m) => /no need for a session store/.test(m.evidence?.quote ?? ''))).toBe(true);
  });

  it('a problem said not to happen agrees with the point about preventing it', () => {
    const question = q('api-security-common-vulnerabilities');
    const a = assess(
      question,
      'Every query is parameterized so an attacker cannot inject SQL through a form field, and all input is validated against a schema.',
    );
    expect(a.commonMistakes.filter((m) => m.text.startsWith('Says the opposite'))).toEqual([]);
  });

  it('a mistake warned against is not made ("a common pitfall is not handling …")', () => {
    const question = q('crud-feature-schema-api-ui');
    const a = assess(
      question,
      'A common pitfall is not handling concurrent updates, so each row carries an updated_at timestamp that the update checks.',
    );
    expect(a.commonMistakes.filter((m) => m.evidence)).toEqual([]);
  });

  it('an omission said outright is the mistake, quoted ("I did not follow up" for "Failing to follow up")', () => {
    const question = q('mentoring-junior-developer');
    const a = assess(
      question,
      'A junior was stuck on a Redux bug for a day, so I rewrote the thunk for him and pushed the fix. I did not really follow up afterwards, because he seemed fine.',
    );
    const m = a.commonMistakes.find((x) => x.text.startsWith('Failing to follow up'));
    expect(m?.evidence?.quote).toMatch(/did not really follow up/);
  });

  it('what an answer gets wrong costs the overall, not only correctness', () => {
    const question = q('state-in-stateless-applications');
    const start =
      'Nothing about a user lives in one server: preferences sit in local storage on the client, and identity travels in a signed JWT sent with every request. ';
    const right = `${start}Shared state such as carts is kept in Postgres or in Redis, so any instance can answer and we can scale out.`;
    const wrong = `${start}Shared state such as carts does not need a database or an external cache: each instance keeps it in its own memory, so we can scale out.`;
    const a = assess(question, right);
    const b = assess(question, wrong);
    expect(
      b.commonMistakes.some((m) => /does not need a database or an external cache/.test(m.evidence?.quote ?? '')),
    ).toBe(true);
    expect(a.scores.overall - b.scores.overall).toBeGreaterThanOrEqual(2);
    expect(b.scores.correctness).toBeLessThan(a.scores.correctness);
  });
});

describe('RubricEngine: calibrated to what the bands mean', () => {
  it('a strong behavioural story in other words than the sample scores in the strong band', () => {
    const question = q('mistake-that-was-your-fault');
    const story =
      'Two years ago at a payments startup I owned the service that sent payout files to our bank. I changed the file generator to batch payouts by currency, ' +
      'and I only tested it with euro payouts because that was all the fixtures had. In production we also paid out in pounds, and my code rounded those amounts ' +
      'to whole units, so for two days about 300 merchants were paid slightly wrong amounts. Finance noticed it in the reconciliation report. That was my mistake: ' +
      'I wrote the change, I skipped checking the real currency mix, and I approved my own test plan. I told my lead within the hour, stopped the payout job, ' +
      'calculated every difference from the bank statements and we sent correcting payments the next morning, which took about a day of work. Afterwards I added ' +
      'property-based tests that run the generator over every currency we support, and I changed our release checklist so that any change to money formatting ' +
      'needs a second reviewer from finance. Since then I always ask what production data looks like before I write the tests.';
    const a = assess(question, story);
    expect(a.scores.overall).toBeGreaterThanOrEqual(7.5);
  });

  it('a vague answer lands under 3.5, and the depth reason names its generic phrases', () => {
    const question = q('optimistic-vs-pessimistic-locking');
    const a = assess(
      question,
      'Locking is about handling concurrent access. Optimistic and pessimistic are two philosophies, and which one is better really depends on the situation ' +
        'and the requirements. Both have pros and cons, so I would follow best practices and pick what makes sense for the application.',
    );
    expect(a.scores.overall).toBeLessThan(3.5);
    expect(a.reasons.depth).toMatch(/general statements/);
  });
});
