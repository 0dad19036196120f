import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { comparedPair } from './polar';
import { RubricEngine } from './rubric-engine';

const bank = QuestionBank.load();
const q = (id: string) => bank.get(id) as Question;
const engine = new RubricEngine();
const assess = (question: Question, transcript: string) => engine.assessSync({ question, transcript, level: 'mid' });
const opposites = (question: Question, transcript: string) =>
  assess(question, transcript).commonMistakes.filter((m) => m.text.startsWith('Says the opposite'));
const point = (question: Question, transcript: string, id: string) =>
  assess(question, transcript).rubric.find((r) => r.pointId === id)!;

describe('opposites: a point said of the other side of a pair', () => {
  const ui = q('optimistic-ui-updates-rollback');
  const locking = q('optimistic-vs-pessimistic-locking');
  const sync = q('synchronous-vs-asynchronous-programming');

  it("contradicts a point by the domain's opposite of its word, quoting the word", () => {
    const wrong = 'I would send the request to the server synchronously, so the order of the updates is guaranteed.';
    const found = opposites(ui, wrong);
    expect(found.map((m) => m.text)).toEqual([
      'Says the opposite of a key point: Send request to server asynchronously',
    ]);
    expect(found[0].evidence?.quote).toContain('synchronously');
    expect(point(ui, wrong, 'optimistic-ui-updates-rollback#3').covered).toBe(false);
    const right = 'I would send the request to the server asynchronously, so the interface never waits for it.';
    expect(opposites(ui, right)).toEqual([]);
    expect(point(ui, right, 'optimistic-ui-updates-rollback#3').covered).toBe(true);
    // Named as the thing avoided, the other side says nothing against the point.
    expect(opposites(ui, 'Send the request to the server asynchronously rather than synchronously.')).toEqual([]);
  });

  it('reads a point labelled by one side as contradicted by its words said of the other (the subject swapped)', () => {
    const swapped = 'Optimistic locking means you lock the row as soon as you read it, with SELECT FOR UPDATE.';
    expect(opposites(locking, swapped).map((m) => m.text)).toEqual([
      expect.stringContaining('Pessimistic locking: locks the row on read'),
    ]);
    const right = 'Pessimistic locking means you lock the row as soon as you read it, with SELECT FOR UPDATE.';
    expect(opposites(locking, right)).toEqual([]);
    expect(point(locking, right, 'optimistic-vs-pessimistic-locking#1').confidence).toBeGreaterThan(0.5);
  });

  it('keeps a statement about the other thing (both of a part’s pairs on the other side) from contradicting it', () => {
    // "Synchronous: tasks run in sequence" — said of asynchronous code with the opposite of "in sequence", it is the
    // contrast; said of synchronous code, it is wrong.
    expect(
      opposites(sync, 'Asynchronous programming lets tasks run at the same time while one of them waits.'),
    ).toEqual([]);
    expect(
      opposites(sync, 'Synchronous programming means the tasks run at the same time on different threads.').map(
        (m) => m.text,
      ),
    ).toEqual([expect.stringContaining('Explains synchronous execution')]);
  });

  it('reads a clause that names neither side as said of neither, not of the side named before it', () => {
    // As heard, "client" misrecognised: the clause after "because" names neither side and is no claim about the server.
    const heard =
      'the server has to validate the same inputs again because you can never rely on it on the upside i would use optimistic updates on supply so the interface stays responsive';
    expect(opposites(q('client-vs-server-logic'), heard)).toEqual([]);
  });

  it('takes the two things a question compares as a pair, unless the domain knows them already', () => {
    expect(comparedPair('What are the key differences between REST and GraphQL?')).not.toBeNull();
    expect(comparedPair('How do you decide what logic belongs on the client vs. the server?')).not.toBeNull();
    expect(comparedPair('Explain the difference between optimistic and pessimistic locking.')).toBeNull();
    expect(comparedPair('How do you manage state in a stateless application?')).toBeNull();
  });
});
