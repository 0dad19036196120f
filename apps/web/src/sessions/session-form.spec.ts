import { describe, expect, it } from '@jest/globals';
import { buildSessionRequest, invitationUrl, maxQuestions, moveItem, scheduledIso, type SessionFormValues } from './session-form';

const base: SessionFormValues = {
  source: 'track',
  trackId: 'fullstack-mid',
  role: 'fullstack',
  level: 'mid',
  questionCount: '5',
  categories: [],
  questionIds: [],
  scheduledFor: '',
};

describe('buildSessionRequest', () => {
  it('asks for a track and a count within it', () => {
    expect(buildSessionRequest(base, 8)).toEqual({ request: { trackId: 'fullstack-mid', questionCount: 5 }, errors: {} });
    expect(buildSessionRequest({ ...base, questionCount: '9' }, 8).errors.questionCount).toBe('Enter a whole number from 1 to 8.');
    expect(buildSessionRequest({ ...base, trackId: '' }, null).errors.trackId).toBe('Choose a track.');
  });

  it('picks by role and level, with categories only when some are chosen', () => {
    const picked = { ...base, source: 'picked' as const, role: 'backend' as const, level: 'senior' as const, questionCount: '3' };
    expect(buildSessionRequest(picked, null).request).toEqual({ role: 'backend', level: 'senior', questionCount: 3 });
    expect(buildSessionRequest({ ...picked, categories: ['databases'] }, null).request).toEqual({
      role: 'backend',
      level: 'senior',
      questionCount: 3,
      categories: ['databases'],
    });
  });

  it('sends chosen questions in order, and needs at least one', () => {
    const chosen = { ...base, source: 'chosen' as const, questionIds: ['b', 'a'] };
    expect(buildSessionRequest(chosen, null).request).toEqual({ role: 'fullstack', level: 'mid', questionIds: ['b', 'a'] });
    expect(buildSessionRequest({ ...chosen, questionIds: [] }, null)).toEqual({ request: null, errors: { questionIds: 'Add at least one question.' } });
  });

  it('adds the schedule as an ISO date-time, and refuses one that is not a date', () => {
    const { request } = buildSessionRequest({ ...base, scheduledFor: '2031-05-04T09:30' }, 8);
    expect(request?.scheduledAt).toBe(new Date(2031, 4, 4, 9, 30).toISOString());
    expect(buildSessionRequest({ ...base, scheduledFor: 'tomorrow' }, 8)).toEqual({
      request: null,
      errors: { scheduledFor: 'Enter a date and time, or leave it empty.' },
    });
  });
});

describe('scheduledIso', () => {
  it('is undefined when empty and null when not a date-time', () => {
    expect(scheduledIso('  ')).toBeUndefined();
    expect(scheduledIso('2031-13-40T25:00')).toBeNull();
    expect(scheduledIso('2031-05-04')).toBeNull();
  });
});

describe('maxQuestions', () => {
  it('is the track size, within 1 and the most a session has', () => {
    expect(maxQuestions(null)).toBe(12);
    expect(maxQuestions(4)).toBe(4);
    expect(maxQuestions(40)).toBe(12);
    expect(maxQuestions(0)).toBe(1);
  });
});

describe('invitationUrl', () => {
  it('puts the path on this origin', () => {
    expect(invitationUrl('https://mockroom.example', '/join/abc')).toBe('https://mockroom.example/join/abc');
    expect(invitationUrl('http://localhost:4200/', 'join/abc')).toBe('http://localhost:4200/join/abc');
  });

  it('keeps an address that is absolute already', () => {
    expect(invitationUrl('http://localhost:4200', 'https://mockroom.example/join/abc')).toBe('https://mockroom.example/join/abc');
  });
});

describe('moveItem', () => {
  it('moves one item up or down, stopping at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 5, 1)).toEqual(['a', 'b', 'c']);
  });
});
