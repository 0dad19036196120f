import { describe, expect, it } from '@jest/globals';
import type { PlanValues } from '../../shared/plan/plan-form';
import { buildInterviewRequest, parseSeconds, type InterviewSettings } from './new-interview-form';

const plan: PlanValues = {
  source: 'picked',
  trackId: '',
  role: 'fullstack',
  level: 'mid',
  questionCount: '5',
  categories: [],
  questionIds: [],
};
const settings: InterviewSettings = { maxFollowUps: '1', silence: '5', voice: 'server' };

describe('buildInterviewRequest', () => {
  it('sends chosen questions in order, with the role, level and how the interview runs', () => {
    const chosen = {
      ...plan,
      source: 'chosen' as const,
      role: 'backend' as const,
      questionIds: ['realtime-collaborative-editor-design', 'distributed-rate-limiter'],
    };
    expect(buildInterviewRequest(chosen, null, { maxFollowUps: '0', silence: '7.5', voice: 'browser' })).toEqual({
      request: {
        role: 'backend',
        level: 'mid',
        questionIds: ['realtime-collaborative-editor-design', 'distributed-rate-limiter'],
        maxFollowUps: 0,
        answerSilenceMs: 7500,
        voice: 'browser',
      },
      errors: {},
    });
  });

  it('needs a chosen question before anything is sent', () => {
    expect(buildInterviewRequest({ ...plan, source: 'chosen' }, null, settings)).toEqual({
      request: null,
      errors: { questionIds: 'Add at least one question.' },
    });
  });

  it('picks by role and level, or takes the first questions of a track', () => {
    expect(buildInterviewRequest(plan, null, settings).request).toEqual({
      role: 'fullstack',
      level: 'mid',
      questionCount: 5,
      maxFollowUps: 1,
      answerSilenceMs: 5000,
      voice: 'server',
    });
    const track = { ...plan, source: 'track' as const, trackId: 'backend-senior', questionCount: '3' };
    expect(buildInterviewRequest(track, 8, settings).request).toEqual({
      trackId: 'backend-senior',
      questionCount: 3,
      maxFollowUps: 1,
      answerSilenceMs: 5000,
      voice: 'server',
    });
  });

  it('reports every setting that needs fixing at once', () => {
    expect(
      buildInterviewRequest({ ...plan, questionCount: '0' }, null, { ...settings, maxFollowUps: '4', silence: '1' })
        .errors,
    ).toEqual({
      questionCount: 'Enter a whole number from 1 to 12.',
      maxFollowUps: 'Enter a whole number from 0 to 3.',
      silence: 'Enter a number of seconds from 2 to 15.',
    });
  });
});

describe('parseSeconds', () => {
  it('takes fractions within the bounds', () => {
    expect(parseSeconds('2.5')).toBe(2.5);
    expect(parseSeconds('')).toBeNull();
    expect(parseSeconds('16')).toBeNull();
  });
});
