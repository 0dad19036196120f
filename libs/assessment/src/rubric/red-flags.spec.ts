import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { analyze } from '../text/analyze';
import { storyRedFlags } from './red-flags';
import { RubricEngine } from './rubric-engine';

const bank = QuestionBank.load();
const q = (id: string) => bank.get(id) as Question;
const engine = new RubricEngine();
const kinds = (text: string) => storyRedFlags(analyze(text)).map((f) => f.kind);

describe('red flags in a behavioural answer', () => {
  it('finds the blame put on others, with the words that put it', () => {
    const text =
      'Honestly it is hard to think of one that was really my fault. The real problem was that QA was understaffed, ' +
      'and anyone would have missed it.';
    const [flag] = storyRedFlags(analyze(text));
    expect(flag.kind).toBe('blame');
    expect(flag.facet).toBe('role');
    expect(flag.evidence.quote).toContain('my fault');
    expect(kinds('It was not really my decision in the end, the PM wanted it done fast.')).toEqual(['blame']);
  });

  it('finds going around the team, contempt, no evidence, no lesson and no engagement', () => {
    expect(
      kinds(
        'I rewrote the backend over a few weekends without asking anyone, since managers do not understand ' +
          'technical debt anyway. I did not bother measuring anything, because the benefits of clean code are ' +
          'obvious. I do not think there was much to change on my side. I simply prefer Go.',
      ),
    ).toEqual(['went-around', 'contempt', 'no-evidence', 'no-lesson', 'no-engagement']);
  });

  it('leaves a well-owned story alone, even one whose mistake was acting alone', () => {
    expect(
      kinds(
        'I pushed a migration to production without asking anyone to review it, and it locked the orders table for ' +
          'twelve minutes. That was on me: I should have run it against a copy of production first. Since then I ' +
          'write every migration as expand and contract, and we measured zero locking incidents in the next year.',
      ),
    ).toEqual([]);
    expect(
      kinds(
        'Our tech lead wanted to store uploads as blobs in Postgres. I disagreed because backups would grow from ' +
          '40 GB to over a terabyte, so I wrote a one-page comparison for the design review. He was not convinced, ' +
          'we went with his approach for the first version, and I committed to it; six months later we moved to S3 ' +
          'using the plan from that document.',
      ),
    ).toEqual([]);
  });

  it('makes a confidently poor story score in the weak band, each flag quoted as a mistake', () => {
    const question = q('advocating-for-technical-debt');
    const wrong =
      'I noticed our codebase was messy, so I decided to rewrite the whole backend in Go over a few weekends without ' +
      'asking anyone, since managers do not understand technical debt anyway and would just say no. I did not bother ' +
      'measuring anything, because the benefits of clean code are obvious to any engineer. When I presented the ' +
      'finished rewrite the team was surprised, but I explained that it was better code.';
    const assessment = engine.assessSync({ question, transcript: wrong, level: 'mid' });
    expect(assessment.scores.overall).toBeLessThan(3.5);
    const texts = assessment.commonMistakes.map((m) => m.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Went around the team instead of raising it and bringing people along',
        'Gives no evidence of the result (nothing measured or followed up)',
      ]),
    );
    for (const m of assessment.commonMistakes) if (m.evidence) expect(wrong).toContain(m.evidence.quote);
  });

  it('is read for behavioural questions only', () => {
    const question = q('rest-vs-graphql');
    const text =
      'REST maps resources to URLs and GraphQL lets the client pick its fields. I simply prefer REST for public ' +
      'APIs because HTTP caching works out of the box.';
    const assessment = engine.assessSync({ question, transcript: text, level: 'mid' });
    expect(assessment.commonMistakes.map((m) => m.text)).not.toContain(
      'Argues from preference, or teaches by doing it for them, rather than engaging',
    );
  });
});
