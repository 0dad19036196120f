import { describe, expect, it } from '@jest/globals';
import { agreementTone, basisText, biasText } from './agreement-view';

describe('the agreement report in words', () => {
  it('says which way the engine leans', () => {
    expect(biasText(0.44)).toBe('0.4 higher on average');
    expect(biasText(-1.26)).toBe('1.3 lower on average');
    expect(biasText(0.02)).toBe('the same on average');
  });

  it('colours a difference by how close it is', () => {
    expect(agreementTone(0.8)).toBe('success');
    expect(agreementTone(1.5)).toBe('warning');
    expect(agreementTone(3)).toBe('danger');
  });

  it('says what the figures come from', () => {
    expect(basisText({ pairs: 1, sessions: 1, interviewers: 1 })).toBe('1 question scored by both, in 1 session with 1 interviewer');
    expect(basisText({ pairs: 12, sessions: 4, interviewers: 2 })).toBe('12 questions scored by both, in 4 sessions with 2 interviewers');
  });
});
