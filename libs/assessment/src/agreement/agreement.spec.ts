import { agreementReport, interviewerOverall, type ScoredPair } from './agreement';

const pair = (
  interviewId: string,
  engine: number[],
  human: number[],
  interviewer = 'Ivy',
  at = '2026-12-01T10:00:00Z',
): ScoredPair => ({
  interviewId,
  title: 'Session',
  questionIndex: 0,
  questionText: 'How would you rate-limit an API?',
  interviewer,
  engine: { relevance: engine[0], depth: engine[1], clarity: engine[2], correctness: engine[3], overall: engine[4] },
  human: { relevance: human[0], depth: human[1], clarity: human[2], correctness: human[3] },
  at: new Date(at),
});

describe('the engine against interviewers', () => {
  it("takes the interviewer's overall as the mean of their four scores", () => {
    expect(interviewerOverall({ relevance: 8, depth: 6.5, clarity: 7, correctness: 9 })).toBe(7.6);
  });

  it('reports the mean absolute and signed difference per dimension', () => {
    const report = agreementReport([
      pair('a', [8, 6, 7, 9, 7.5], [6, 6, 7, 8]),
      pair('b', [4, 5, 6, 5, 5], [6, 6, 8, 6], 'Sam'),
    ]);
    expect(report).toMatchObject({ pairs: 2, sessions: 2, interviewers: 2 });
    const by = Object.fromEntries(report.dimensions.map((d) => [d.dimension, d]));
    expect(by.relevance).toEqual({ dimension: 'relevance', meanAbsoluteDifference: 2, meanDifference: 0 });
    expect(by.depth).toEqual({ dimension: 'depth', meanAbsoluteDifference: 0.5, meanDifference: -0.5 });
    expect(by.clarity).toEqual({ dimension: 'clarity', meanAbsoluteDifference: 1, meanDifference: -1 });
    // Overall: human 6.8 and 6.5; engine 7.5 and 5.
    expect(by.overall).toEqual({ dimension: 'overall', meanAbsoluteDifference: 1.1, meanDifference: -0.4 });
  });

  it('lists the questions where they disagree most, largest first', () => {
    const report = agreementReport(
      [
        pair('close', [7, 7, 7, 7, 7], [7, 7, 7, 7]),
        pair('far', [2, 2, 2, 2, 2], [8, 8, 8, 8]),
        pair('middle', [5, 5, 5, 5, 5], [7, 7, 7, 7]),
      ],
      2,
    );
    expect(report.disagreements.map((d) => [d.interviewId, d.difference])).toEqual([
      ['far', 6],
      ['middle', 2],
    ]);
    expect(report.disagreements[0].human.overall).toBe(8);
  });

  it('is empty with nothing scored by both', () => {
    expect(agreementReport([])).toEqual({ pairs: 0, sessions: 0, interviewers: 0, dimensions: [], disagreements: [] });
  });
});
