import { describe, expect, it } from '@jest/globals';
import { splitAtMetric } from './claim-text';

describe('splitAtMetric', () => {
  it('cuts the text around the metric as the text writes it', () => {
    expect(splitAtMetric('Cut p95 latency by 40% in 2023', '40%')).toEqual({
      before: 'Cut p95 latency by ',
      metric: '40%',
      after: ' in 2023',
    });
    expect(splitAtMetric('Grew revenue 3X', '3x')).toEqual({ before: 'Grew revenue ', metric: '3X', after: '' });
  });

  it('leaves the text whole without a metric, or when the metric is not in it', () => {
    const whole = { before: 'Led the team', metric: null, after: '' };
    expect(splitAtMetric('Led the team', null)).toEqual(whole);
    expect(splitAtMetric('Led the team', '  ')).toEqual(whole);
    expect(splitAtMetric('Led the team', '12 engineers')).toEqual(whole);
  });
});
