import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { RubricEngine } from './rubric-engine';

const bank = QuestionBank.load();
const q = (id: string) => bank.get(id) as Question;
const engine = new RubricEngine();
const assess = (question: Question, transcript: string) => engine.assessSync({ question, transcript, level: 'mid' });
const opposites = (question: Question, transcript: string) =>
  assess(question, transcript).commonMistakes.filter((m) => m.text.startsWith('Says the opposite'));

describe('concerns waved away', () => {
  const cap = q('cap-theorem-distributed-systems');
  const stateless = q('state-in-stateless-applications');

  it('reads "X is so rare you can ignore it" and "X is not needed" as the opposite of the point about X', () => {
    const found = opposites(
      cap,
      'Network partitions are so rare in cloud data centres that you can safely ignore them, so pick a CA system.',
    );
    expect(found.map((m) => m.text)).toEqual([expect.stringContaining('partition tolerance')]);
    expect(found[0].evidence?.quote).toContain('so rare');
    const jwt = opposites(
      stateless,
      'Keep sessions in server memory with sticky sessions. JWTs are not needed, since the server remembers the user.',
    );
    expect(jwt.map((m) => m.text)).toEqual([expect.stringContaining('JWT')]);
  });

  it('takes a scoped dismissal as a trade-off, not an error', () => {
    expect(
      opposites(
        stateless,
        'At this scale JWTs are not needed: a signed session cookie checked against Redis is simpler to revoke.',
      ),
    ).toEqual([]);
    expect(
      opposites(
        cap,
        'Partitions can be ignored only if everything runs on one node, which is not a distributed system.',
      ),
    ).toEqual([]);
  });

  it('does not count a dismissal of the question’s own subject', () => {
    const versioning = q('api-versioning-strategy');
    expect(
      opposites(
        versioning,
        'Adding an optional field to a response does not need a new version, because old clients ignore it; ' +
          'removing or renaming one does, and we document each version and publish a deprecation date.',
      ),
    ).toEqual([]);
  });

  it('costs the answer its place in the band', () => {
    const wrong =
      'The easiest way is to keep each session in the memory of the server that handled the login and turn on sticky ' +
      'sessions, so there is no need for a database or Redis for sessions. JWTs are not needed, since the server ' +
      'remembers the user. If a server restarts, users just log in again.';
    expect(assess(stateless, wrong).scores.overall).toBeLessThan(3.5);
  });
});
