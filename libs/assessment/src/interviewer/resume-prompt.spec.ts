import { resumePoint } from './resume-prompt';

describe('resumePoint', () => {
  const spoken =
    'Good answer, thanks. Next question. How would you design a rate limiter for an API used by many servers?';

  it('goes back to the start of the sentence the prompt was stopped in', () => {
    const duration = 10_000;
    const third = spoken.indexOf('How');
    // Stopped a little into the third sentence: taken up where it starts.
    const stopped = ((third + 15) / spoken.length) * duration;
    const resume = resumePoint(spoken, duration, stopped);
    expect(resume.fromChar).toBe(third);
    expect(resume.fromMs).toBe(Math.round((third / spoken.length) * duration));
    expect(spoken.slice(resume.fromChar)).toMatch(/^How would you design/);
  });

  it('starts from the beginning when stopped in the first sentence, or with nothing to go on', () => {
    expect(resumePoint(spoken, 10_000, 500)).toEqual({ fromMs: 0, fromChar: 0 });
    expect(resumePoint(spoken, 0, 500)).toEqual({ fromMs: 0, fromChar: 0 });
    expect(resumePoint('', 10_000, 500)).toEqual({ fromMs: 0, fromChar: 0 });
    // Past the end (a late report): the last sentence.
    expect(spoken.slice(resumePoint(spoken, 10_000, 20_000).fromChar)).toMatch(/^How/);
  });
});
