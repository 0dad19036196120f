import { describe, expect, it } from '@jest/globals';
import { buildTailoredRequest, initialTailoredValues, suggestedRoleLevel } from './tailored-form';

const suggested = { role: 'backend', level: 'senior' } as const;

describe('suggestedRoleLevel', () => {
  it("takes the posting's role and level first, then the résumé's suggestion", () => {
    expect(
      suggestedRoleLevel({ role: 'fullstack', level: null }, { suggestedRole: 'backend', suggestedLevel: 'senior' }),
    ).toEqual({ role: 'fullstack', level: 'senior' });
    expect(suggestedRoleLevel(null, null)).toEqual({ role: 'fullstack', level: 'mid' });
  });
});

describe('buildTailoredRequest', () => {
  it('starts with five questions, two of them about the claims', () => {
    const values = initialTailoredValues({ resumeId: 'r1' }, 'server');
    expect(buildTailoredRequest(values, suggested)).toEqual({
      request: {
        resumeId: 'r1',
        claimQuestionCount: 2,
        questionCount: 5,
        role: 'backend',
        level: 'senior',
        voice: 'server',
      },
      errors: {},
    });
  });

  it('sends the role and level picked over the suggested ones, and both sources when both are chosen', () => {
    const values = {
      ...initialTailoredValues({ resumeId: 'r1', jobDescriptionId: 'j1' }, 'browser' as const),
      role: 'fullstack' as const,
      questionCount: '8',
      claimQuestionCount: '3',
    };
    expect(buildTailoredRequest(values, suggested).request).toEqual({
      resumeId: 'r1',
      jobDescriptionId: 'j1',
      claimQuestionCount: 3,
      questionCount: 8,
      role: 'fullstack',
      level: 'senior',
      voice: 'browser',
    });
  });

  it('asks no claim questions without a résumé, whatever the hidden field holds', () => {
    const values = { ...initialTailoredValues({ jobDescriptionId: 'j1' }, 'server' as const), claimQuestionCount: '9' };
    const { request, errors } = buildTailoredRequest(values, suggested);
    expect(errors).toEqual({});
    expect(request).not.toHaveProperty('claimQuestionCount');
    expect(request).toMatchObject({ jobDescriptionId: 'j1', questionCount: 5 });
  });

  it('says every field that needs fixing at once', () => {
    const values = {
      ...initialTailoredValues({}, 'server' as const),
      resumeId: 'r1',
      questionCount: '2',
      claimQuestionCount: '4',
    };
    expect(buildTailoredRequest(values, suggested)).toEqual({
      request: null,
      errors: {
        questionCount: 'Enter a whole number from 3 to 8.',
        claimQuestionCount: 'Enter a whole number from 1 to 3.',
      },
    });
    expect(buildTailoredRequest(initialTailoredValues({}, 'server'), suggested).errors).toEqual({
      source: 'Choose a résumé or a job description.',
    });
  });
});
