import { describe, expect, it } from '@jest/globals';
import { monthYear, roleDates, yearsLabel } from './resume-view';

describe('roleDates', () => {
  it('writes the span of a role', () => {
    expect(roleDates({ start: '2021-03', end: null, current: true })).toBe('Mar 2021 – present');
    expect(roleDates({ start: '2017', end: '2019-12', current: false })).toBe('2017 – Dec 2019');
    // An end not given is taken as "present": the contract says so.
    expect(roleDates({ start: '2020-01', end: null, current: false })).toBe('Jan 2020 – present');
  });

  it('copes with a missing start, and with no dates at all', () => {
    expect(roleDates({ start: null, end: '2019', current: false })).toBe('until 2019');
    expect(roleDates({ start: null, end: null, current: true })).toBe('present');
    expect(roleDates({ start: null, end: null, current: false })).toBeNull();
  });

  it('leaves a date it does not know the shape of as it is', () => {
    expect(monthYear('Spring 2020')).toBe('Spring 2020');
    expect(monthYear('2020-13')).toBe('2020');
  });
});

describe('yearsLabel', () => {
  it('rounds to half years, and months under a year', () => {
    expect(yearsLabel(7)).toBe('7 years');
    expect(yearsLabel(1)).toBe('1 year');
    expect(yearsLabel(4.3)).toBe('4.5 years');
    expect(yearsLabel(0.5)).toBe('6 months');
    expect(yearsLabel(null)).toBeNull();
  });
});
