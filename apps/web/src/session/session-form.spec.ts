import { describe, expect, it } from '@jest/globals';
import { TRACK_PLAN } from '../shared/plan/plan-examples';
import type { PlanValues } from '../shared/plan/plan-form';
import { buildSessionRequest, invitationUrl, scheduledIso } from './session-form';

const plan: PlanValues = TRACK_PLAN;

describe('buildSessionRequest', () => {
  it('is the plan, with the schedule as an ISO date-time when one is given', () => {
    expect(buildSessionRequest({ plan, scheduledFor: '' }, 8)).toEqual({
      request: { trackId: 'fullstack-mid', questionCount: 5 },
      errors: {},
    });
    const { request } = buildSessionRequest({ plan, scheduledFor: '2031-05-04T09:30' }, 8);
    expect(request?.scheduledAt).toBe(new Date(2031, 4, 4, 9, 30).toISOString());
  });

  it('sends chosen questions in order', () => {
    const chosen = { ...plan, source: 'chosen' as const, questionIds: ['b', 'a'] };
    expect(buildSessionRequest({ plan: chosen, scheduledFor: '' }, null).request).toEqual({
      role: 'fullstack',
      level: 'mid',
      questionIds: ['b', 'a'],
    });
  });

  it('refuses a schedule that is not a date, and reports it with the plan’s problems', () => {
    expect(buildSessionRequest({ plan, scheduledFor: 'tomorrow' }, 8)).toEqual({
      request: null,
      errors: { scheduledFor: 'Enter a date and time, or leave it empty.' },
    });
    const empty = { ...plan, source: 'chosen' as const };
    expect(buildSessionRequest({ plan: empty, scheduledFor: 'tomorrow' }, null).errors).toEqual({
      questionIds: 'Add at least one question.',
      scheduledFor: 'Enter a date and time, or leave it empty.',
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

describe('invitationUrl', () => {
  it('puts the path on this origin', () => {
    expect(invitationUrl('https://mockroom.example', '/join/abc')).toBe('https://mockroom.example/join/abc');
    expect(invitationUrl('http://localhost:4200/', 'join/abc')).toBe('http://localhost:4200/join/abc');
  });

  it('keeps an address that is absolute already', () => {
    expect(invitationUrl('http://localhost:4200', 'https://mockroom.example/join/abc')).toBe(
      'https://mockroom.example/join/abc',
    );
  });
});
