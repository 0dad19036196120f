import { formatBench, runAssessmentBench } from './assessment-bench';

describe('assessment benchmark', () => {
  it('assesses a 300-word answer at ≥ 50 per second with p95 under 50 ms', async () => {
    const r = await runAssessmentBench({ iterations: 200 });
    console.log(formatBench(r));
    expect(r.words).toBe(300);
    expect(r.perSecond).toBeGreaterThanOrEqual(50);
    expect(r.p95Ms).toBeLessThan(50);
  });
});
