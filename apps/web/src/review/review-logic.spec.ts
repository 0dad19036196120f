import { describe, expect, it } from '@jest/globals';
import type { InterviewSummary, Prompt, ReviewAnswer, ReviewLine, ReviewQuestion } from '@mockroom/contracts';
import {
  answeredCount,
  describeScoreChanges,
  answerTitle,
  awaitingScores,
  groupLines,
  headlineScore,
  paceLabel,
  practiseAgainHref,
  questionMarkers,
  shouldPollScores,
  speakerLabels,
} from './review-logic';

const scores = { relevance: 7, depth: 6, clarity: 8, correctness: 7, overall: 7 };

const interview = (patch: Partial<InterviewSummary> = {}): InterviewSummary => ({
  id: 'i1',
  status: 'completed',
  title: 'Backend · Senior',
  trackId: null,
  role: 'backend',
  level: 'senior',
  interviewer: { kind: 'ai', name: 'Ada', id: null },
  candidate: { id: 'u1', name: 'Casey Candidate' },
  questionCount: 2,
  createdAt: '2030-01-01T10:00:00.000Z',
  startedAt: '2030-01-01T10:01:00.000Z',
  endedAt: '2030-01-01T10:20:00.000Z',
  durationMs: 19 * 60_000,
  overallScore: null,
  ...patch,
});

const answer = (patch: Partial<ReviewAnswer> = {}): ReviewAnswer => ({
  answerId: 'a1',
  kind: 'answer',
  promptSeq: 1,
  startMs: 0,
  endMs: 1_000,
  transcript: '',
  wordCount: 0,
  scores,
  reasons: null,
  rubric: [],
  mistakes: [],
  keyTermsUsed: [],
  analytics: null,
  feedback: null,
  engine: null,
  ...patch,
});

const prompt = (patch: Partial<Prompt>): Prompt => ({
  seq: 0,
  kind: 'question',
  questionId: 'q',
  questionIndex: 0,
  text: 'Question?',
  atMs: 0,
  audioUrl: null,
  audioDurationMs: null,
  ...patch,
});

const question = (patch: Partial<ReviewQuestion> = {}): ReviewQuestion => ({
  index: 0,
  questionId: 'q1',
  text: 'How do you store passwords?',
  category: null,
  prompts: [],
  answers: [],
  scores: null,
  commonMistakes: [],
  sampleAnswer: null,
  asked: true,
  ...patch,
});

const line = (seq: number, questionIndex: number | null): ReviewLine => ({
  seq,
  speaker: seq % 2 ? 'candidate' : 'interviewer',
  text: `line ${seq}`,
  startMs: seq * 1_000,
  endMs: seq * 1_000 + 900,
  questionIndex,
  answerId: null,
  words: null,
  highlights: [],
});

describe('speakerLabels', () => {
  it('calls the owner "You" and shows others the candidate\'s name', () => {
    expect(speakerLabels({ access: 'owner', interview: interview() })).toEqual({
      interviewer: 'Interviewer',
      candidate: 'You',
    });
    expect(speakerLabels({ access: 'shared', interview: interview() })).toEqual({
      interviewer: 'Interviewer',
      candidate: 'Casey Candidate',
    });
    expect(
      speakerLabels({ access: 'admin', interview: interview({ candidate: { id: 'u', name: '' } }) }).candidate,
    ).toBe('Candidate');
  });
});

describe('scores still to come', () => {
  const unscored = [question({ answers: [answer(), answer({ answerId: 'a2', scores: null })] })];
  const scored = [question({ answers: [answer()] }), question({ index: 1, asked: false })];
  const now = Date.parse('2030-01-01T10:20:30.000Z');

  it('is noticed when any answer has no scores yet', () => {
    expect(awaitingScores({ questions: unscored })).toBe(true);
    expect(awaitingScores({ questions: scored })).toBe(false);
  });

  it('is polled for right after the interview, or shortly after it ended', () => {
    expect(shouldPollScores({ questions: unscored, interview: interview() }, true, now + 3_600_000)).toBe(true);
    expect(shouldPollScores({ questions: unscored, interview: interview() }, false, now)).toBe(true);
    expect(shouldPollScores({ questions: unscored, interview: interview() }, false, now + 3_600_000)).toBe(false);
    expect(shouldPollScores({ questions: unscored, interview: interview({ endedAt: null }) }, false, now)).toBe(false);
    expect(shouldPollScores({ questions: scored, interview: interview() }, true, now)).toBe(false);
  });
});

describe('practiseAgainHref', () => {
  it('starts from the same track, or the same role and level', () => {
    expect(practiseAgainHref({ trackId: 'node senior', role: 'backend', level: 'senior' })).toBe(
      '/interviews/new?track=node%20senior',
    );
    expect(practiseAgainHref({ trackId: null, role: 'fullstack', level: 'mid' })).toBe(
      '/interviews/new?role=fullstack&level=mid',
    );
  });

  it('makes a tailored interview again where résumés and postings are chosen', () => {
    const tailoring = {
      claims: [],
      reasons: {},
      jobTitle: null,
      resumeName: 'resume.pdf',
      phrasing: { by: 'templates' as const, note: null },
    };
    expect(practiseAgainHref({ trackId: null, role: 'backend', level: 'senior', tailoring })).toBe('/resumes');
  });
});

describe('groupLines', () => {
  it('cuts the transcript into runs per question, with the introduction and closing around them', () => {
    const groups = groupLines([line(0, null), line(1, null), line(2, 0), line(3, 0), line(4, 1), line(5, null)]);
    expect(groups.map((g) => [g.label, g.offset, g.lines.map((l) => l.seq)])).toEqual([
      ['Introduction', 0, [0, 1]],
      ['Question 1', 2, [2, 3]],
      ['Question 2', 4, [4]],
      ['Closing', 5, [5]],
    ]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it('starts a new run when a question comes back, keeping keys unique', () => {
    const groups = groupLines([line(0, 0), line(1, 1), line(2, 0)]);
    expect(groups.map((g) => g.label)).toEqual(['Question 1', 'Question 2', 'Question 1']);
    expect(new Set(groups.map((g) => g.key)).size).toBe(3);
  });

  it('returns nothing for an empty transcript', () => {
    expect(groupLines([])).toEqual([]);
  });
});

describe('answerTitle', () => {
  it('names answers for the owner and for others', () => {
    expect(answerTitle('answer', null, true)).toBe('Your answer');
    expect(answerTitle('answer', null, false)).toBe('Answer');
    expect(answerTitle('follow-up', 2, true)).toBe('Your answer to follow-up 2');
    expect(answerTitle('follow-up', null, false)).toBe('Answer to a follow-up');
  });
});

describe('questionMarkers', () => {
  it('places each asked question where it was asked', () => {
    const questions = [
      question({ prompts: [prompt({ seq: 1, atMs: 4_000 }), prompt({ seq: 2, kind: 'follow-up', atMs: 30_000 })] }),
      question({ index: 1, asked: false }),
      question({
        index: 2,
        prompts: [prompt({ seq: 5, kind: 'repeat', atMs: 60_000 }), prompt({ seq: 4, atMs: 50_000 })],
      }),
    ];
    expect(questionMarkers(questions)).toEqual([
      { index: 0, atMs: 4_000 },
      { index: 2, atMs: 50_000 },
    ]);
  });
});

describe('totals', () => {
  it('counts the questions answered', () => {
    expect(answeredCount([question({ answers: [answer()] }), question({ index: 1 })])).toBe(1);
  });

  it("headlines the interview's overall score, or the mean of the questions", () => {
    expect(headlineScore({ interview: { overallScore: 6.5 }, scores })).toBe(6.5);
    expect(headlineScore({ interview: { overallScore: null }, scores })).toBe(7);
    expect(headlineScore({ interview: { overallScore: null }, scores: null })).toBeNull();
  });
});

describe('paceLabel', () => {
  it('calls a pace slow, comfortable or fast', () => {
    expect(paceLabel(90).label).toBe('On the slow side');
    expect(paceLabel(140)).toEqual({ label: 'A comfortable pace', tone: 'success' });
    expect(paceLabel(200).label).toBe('On the fast side');
    expect(paceLabel(0).tone).toBe('neutral');
    expect(paceLabel(Number.NaN).tone).toBe('neutral');
  });
});

describe('what a correction did to the scores', () => {
  it('says from what to what, overall first', () => {
    expect(
      describeScoreChanges([
        { questionIndex: 1, dimension: 'depth', before: 2, after: 5.5 },
        { questionIndex: 1, dimension: 'overall', before: 3.1, after: 6.2 },
      ]),
    ).toBe('Overall 3.1 → 6.2, depth 2.0 → 5.5 after your correction.');
    expect(describeScoreChanges([{ questionIndex: 0, dimension: 'correctness', before: 5.8, after: 7.1 }])).toBe(
      'Correctness 5.8 → 7.1 after your correction.',
    );
  });

  it('says when nothing moved, and when the new scores are still coming', () => {
    expect(describeScoreChanges([])).toBe('The scores did not change.');
    expect(describeScoreChanges(null)).toMatch(/being scored again/);
  });
});
