import { describe, expect, it } from '@jest/globals';
import type {
  ChecklistPoint,
  InterviewerNote,
  Participant,
  Prompt,
  QuestionChecklist,
  TranscriptSegment,
} from '@mockroom/contracts';
import {
  askedFollowUps,
  blankChecklist,
  candidateSegments,
  consoleLines,
  coverage,
  currentQuestionIndex,
  elapsedSince,
  followUpsFor,
  hasCandidate,
  latestPrompt,
  nextOverride,
  nextQuestionIndex,
  otherConnected,
  parseScore,
  parseScores,
  pointSource,
  pointStatus,
  presenceChips,
  questionPrompt,
  scoreDraft,
  sessionNames,
  speakerLabel,
  upsertChecklist,
  upsertNote,
  upsertScore,
  wasAsked,
  withOverride,
} from './session-logic';

const prompt = (seq: number, kind: Prompt['kind'], questionIndex: number, text = `p${seq}`): Prompt => ({
  seq,
  kind,
  questionId: `q${questionIndex}`,
  questionIndex,
  text,
  atMs: seq * 1000,
  audioUrl: null,
  audioDurationMs: null,
});

const segment = (seq: number, speaker: TranscriptSegment['speaker'], text = `s${seq}`): TranscriptSegment => ({
  seq,
  speaker,
  text,
  startMs: seq * 1000,
  endMs: seq * 1000 + 500,
  questionId: null,
  answerId: null,
  engine: null,
});

const point = (pointId: string, auto: boolean, override: boolean | null): ChecklistPoint => ({
  pointId,
  text: `point ${pointId}`,
  auto,
  evidence: auto ? 'the words' : null,
  override,
  covered: override ?? auto,
});

describe('rubric overrides', () => {
  it('cycle engine → covered → not covered → engine', () => {
    expect(nextOverride(null)).toBe(true);
    expect(nextOverride(true)).toBe(false);
    expect(nextOverride(false)).toBeNull();
  });

  it('say whose word a point is', () => {
    expect(pointSource(point('a', true, null))).toBe('auto');
    expect(pointSource(point('a', true, false))).toBe('override');
    expect(pointStatus(point('a', true, null))).toBe('Covered: heard in the answer');
    expect(pointStatus(point('a', false, null))).toBe('Not covered yet');
    expect(pointStatus(point('a', true, true))).toBe('Covered (marked by you)');
    expect(pointStatus(point('a', false, true))).toBe('Covered (marked by you; not heard in the answer)');
    expect(pointStatus(point('a', true, false))).toBe('Not covered (marked by you; the answer seemed to cover it)');
    expect(pointStatus(point('a', false, false))).toBe('Not covered (marked by you)');
  });

  it('apply an override the way the server does, falling back to the engine on null', () => {
    const checklist: QuestionChecklist = {
      questionIndex: 0,
      points: [point('a', true, null), point('b', false, null)],
    };
    const ticked = withOverride(checklist, 'b', true);
    expect(ticked.points[1]).toMatchObject({ override: true, covered: true });
    const unticked = withOverride(ticked, 'a', false);
    expect(unticked.points[0]).toMatchObject({ override: false, covered: false });
    expect(withOverride(unticked, 'a', null).points[0]).toMatchObject({ override: null, covered: true });
    expect(coverage(ticked)).toEqual({ covered: 2, total: 2 });
    expect(coverage(null)).toEqual({ covered: 0, total: 0 });
  });

  it('build a blank checklist from the bank rubric', () => {
    expect(blankChecklist(2, [{ id: 'q#1', text: 'Caching' }])).toEqual({
      questionIndex: 2,
      points: [{ pointId: 'q#1', text: 'Caching', auto: false, evidence: null, override: null, covered: false }],
    });
  });

  it('replace one question’s checklist, keeping question order', () => {
    const one: QuestionChecklist = { questionIndex: 1, points: [] };
    const zero: QuestionChecklist = { questionIndex: 0, points: [] };
    const updated: QuestionChecklist = { questionIndex: 1, points: [point('x', true, null)] };
    expect(upsertChecklist(upsertChecklist([one], zero), updated)).toEqual([zero, updated]);
  });
});

describe('scores', () => {
  it('parse 0–10 with one decimal, a comma allowed', () => {
    expect(parseScore('7')).toBe(7);
    expect(parseScore(' 7.5 ')).toBe(7.5);
    expect(parseScore('7,5')).toBe(7.5);
    expect(parseScore('7.46')).toBe(7.5);
    expect(parseScore('.5')).toBe(0.5);
    expect(parseScore('0')).toBe(0);
    expect(parseScore('10')).toBe(10);
    expect(parseScore('10.1')).toBeNull();
    expect(parseScore('-1')).toBeNull();
    expect(parseScore('')).toBeNull();
    expect(parseScore('seven')).toBeNull();
    expect(parseScore('1e1')).toBeNull();
  });

  it('parse all four or say which are wrong', () => {
    expect(parseScores({ relevance: '8', depth: '6.5', clarity: '7', correctness: '9' })).toEqual({
      scores: { relevance: 8, depth: 6.5, clarity: 7, correctness: 9 },
      errors: {},
    });
    const bad = parseScores({ relevance: '8', depth: '', clarity: '11', correctness: '9' });
    expect(bad.scores).toBeNull();
    expect(Object.keys(bad.errors).sort()).toEqual(['clarity', 'depth']);
  });

  it('fill the inputs from saved scores', () => {
    expect(scoreDraft(null)).toEqual({ relevance: '', depth: '', clarity: '', correctness: '' });
    expect(
      scoreDraft({
        questionIndex: 0,
        scores: { relevance: 8, depth: 6.5, clarity: 7.25, correctness: 10 },
        updatedAt: '',
      }),
    ).toEqual({
      relevance: '8',
      depth: '6.5',
      clarity: '7.3',
      correctness: '10',
    });
  });

  it('replace a question’s scores', () => {
    const a = { questionIndex: 1, scores: { relevance: 1, depth: 1, clarity: 1, correctness: 1 }, updatedAt: 'a' };
    const b = { ...a, updatedAt: 'b' };
    const c = { ...a, questionIndex: 0 };
    expect(upsertScore(upsertScore([a], b), c)).toEqual([c, b]);
  });
});

describe('notes', () => {
  it('are kept once each, oldest first', () => {
    const note = (id: string, atMs: number): InterviewerNote => ({
      id,
      questionIndex: 0,
      text: id,
      visibility: 'private',
      atMs,
      createdAt: `2030-01-01T00:00:0${atMs}Z`,
    });
    const notes = upsertNote(upsertNote([note('b', 5)], note('a', 2)), { ...note('b', 5), text: 'edited' });
    expect(notes.map((n) => [n.id, n.text])).toEqual([
      ['a', 'a'],
      ['b', 'edited'],
    ]);
  });
});

describe('the question on screen', () => {
  const prompts = [
    prompt(0, 'question', 0),
    prompt(2, 'follow-up', 0, 'Why?'),
    prompt(4, 'question', 1),
    prompt(6, 'closing', 1),
  ];

  it('is the one the latest question or follow-up belongs to', () => {
    expect(currentQuestionIndex([])).toBe(-1);
    expect(currentQuestionIndex(prompts.slice(0, 2))).toBe(0);
    expect(currentQuestionIndex(prompts)).toBe(1);
    expect(latestPrompt(prompts)?.seq).toBe(6);
    expect(latestPrompt([])).toBeNull();
  });

  it('is followed by the next, none after the last', () => {
    expect(nextQuestionIndex(-1, 3)).toBe(0);
    expect(nextQuestionIndex(0, 3)).toBe(1);
    expect(nextQuestionIndex(2, 3)).toBeNull();
    expect(nextQuestionIndex(-1, 0)).toBeNull();
  });

  it('has the prompt that showed it', () => {
    expect(questionPrompt(prompts, 1)?.seq).toBe(4);
    expect(questionPrompt(prompts, 2)).toBeNull();
  });

  it('knows which follow-ups were asked, whatever the spacing and case', () => {
    const asked = askedFollowUps(prompts, 0);
    expect(wasAsked(asked, '  why? ')).toBe(true);
    expect(wasAsked(asked, 'How?')).toBe(false);
    expect(askedFollowUps(prompts, 1).size).toBe(0);
  });

  it('offers the server’s suggestions for it, else the bank’s, each once', () => {
    const suggestions = { questionIndex: 1, followUps: ['What about scale?', 'what about  scale?', 'And cost?'] };
    expect(followUpsFor(suggestions, 1, ['bank'])).toEqual(['What about scale?', 'And cost?']);
    expect(followUpsFor(suggestions, 0, ['Bank one', ' '])).toEqual(['Bank one']);
    expect(followUpsFor(null, 0)).toEqual([]);
  });
});

describe('transcript', () => {
  it('puts both voices and the shown prompts in order, a prompt before a segment of the same number', () => {
    const lines = consoleLines(
      [segment(3, 'candidate'), segment(1, 'interviewer'), segment(2, 'candidate')],
      [prompt(2, 'question', 0)],
    );
    expect(lines.map((line) => (line.kind === 'prompt' ? `prompt${line.seq}` : `${line.speaker}${line.seq}`))).toEqual([
      'interviewer1',
      'prompt2',
      'candidate2',
      'candidate3',
    ]);
  });

  it('gives the candidate only their own lines', () => {
    expect(candidateSegments([segment(1, 'interviewer'), segment(2, 'candidate')]).map((s) => s.seq)).toEqual([2]);
  });

  it('labels the viewer’s own lines "You" and the other’s by name', () => {
    const names = { interviewer: 'Dana', candidate: 'Sam' };
    expect(speakerLabel('interviewer', 'interviewer', names)).toBe('You');
    expect(speakerLabel('candidate', 'interviewer', names)).toBe('Sam');
    expect(speakerLabel('interviewer', 'candidate', names)).toBe('Dana');
    expect(speakerLabel('candidate', 'interviewer', { interviewer: 'Dana', candidate: ' ' })).toBe('Candidate');
  });
});

describe('presence', () => {
  const dana: Participant = { userId: 'u1', name: 'Dana', role: 'interviewer', connected: true };
  const sam: Participant = { userId: 'u2', name: 'Sam', role: 'candidate', connected: false };

  it('shows each person once, interviewer first, connected if any of their tabs is', () => {
    const chips = presenceChips([sam, dana, { ...sam, connected: true }]);
    expect(chips).toEqual([dana, { ...sam, connected: true }]);
  });

  it('knows whether the other side is here', () => {
    expect(otherConnected([dana, sam], 'interviewer')).toBe(false);
    expect(otherConnected([dana, sam], 'candidate')).toBe(true);
    expect(otherConnected([], 'candidate')).toBe(false);
  });

  it('knows whether a candidate has accepted', () => {
    expect(hasCandidate([dana], { candidate: null })).toBe(false);
    expect(hasCandidate([dana, sam], { candidate: null })).toBe(true);
    expect(hasCandidate([], { candidate: { id: 'u2' } })).toBe(true);
  });

  it('prefers the names presence gives', () => {
    const interview = { interviewer: { name: 'Dana L.' }, candidate: { name: '' } };
    expect(sessionNames([sam], interview)).toEqual({ interviewer: 'Dana L.', candidate: 'Sam' });
    expect(sessionNames([], interview)).toEqual({ interviewer: 'Dana L.', candidate: '' });
    expect(sessionNames([], { interviewer: { name: 'Dana L.' }, candidate: null })).toEqual({
      interviewer: 'Dana L.',
      candidate: '',
    });
  });
});

describe('elapsedSince', () => {
  it('counts from the start, never below zero', () => {
    const start = '2030-01-01T10:00:00.000Z';
    expect(elapsedSince(start, Date.parse(start) + 65_000)).toBe(65_000);
    expect(elapsedSince(start, Date.parse(start) - 5_000)).toBe(0);
    expect(elapsedSince(null, 0)).toBeNull();
    expect(elapsedSince('not a date', 0)).toBeNull();
  });
});
