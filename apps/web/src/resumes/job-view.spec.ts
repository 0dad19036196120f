import { describe, expect, it } from '@jest/globals';
import { jobTitle, reasonSentence, roleLevelLabel, skillBars } from './job-view';

describe('skillBars', () => {
  it('puts the strongest first and scales every bar to it', () => {
    const bars = skillBars([
      { name: 'PostgreSQL', weight: 1 },
      { name: 'Kafka', weight: 4 },
      { name: 'Go', weight: 2 },
    ]);
    expect(bars.map((bar) => [bar.name, bar.share])).toEqual([
      ['Kafka', 1],
      ['Go', 0.5],
      ['PostgreSQL', 0.25],
    ]);
  });

  it('keeps a faint skill visible, and draws nothing for a weight that is not one', () => {
    const bars = skillBars([
      { name: 'Kafka', weight: 100 },
      { name: 'Redis', weight: 1 },
      { name: 'Broken', weight: Number.NaN },
      { name: 'Negative', weight: -3 },
    ]);
    expect(bars.map((bar) => bar.share)).toEqual([1, 0.04, 0, 0]);
  });

  it('orders equal weights by name, and copes with no weights at all', () => {
    expect(
      skillBars([
        { name: 'b', weight: 1 },
        { name: 'a', weight: 1 },
      ]).map((bar) => bar.name),
    ).toEqual(['a', 'b']);
    expect(skillBars([{ name: 'x', weight: 0 }])).toEqual([{ name: 'x', weight: 0, share: 0 }]);
    expect(skillBars([])).toEqual([]);
  });
});

describe('reasonSentence', () => {
  it('makes one sentence of the reasons', () => {
    expect(reasonSentence(['the posting stresses Kafka and on-call'])).toBe(
      'Asked because the posting stresses Kafka and on-call.',
    );
    expect(reasonSentence(['The posting stresses Kafka.', 'AWS is in the title', ' '])).toBe(
      'Asked because the posting stresses Kafka; AWS is in the title.',
    );
  });

  it('says nothing without reasons', () => {
    expect(reasonSentence([])).toBe('');
  });
});

describe('jobTitle and roleLevelLabel', () => {
  it('names a posting without a title, and says its level and role in that order', () => {
    expect(jobTitle({ title: '  ' })).toBe('Untitled job description');
    expect(jobTitle({ title: 'Staff engineer' })).toBe('Staff engineer');
    const roles = { backend: 'Backend' };
    const levels = { senior: 'Senior' };
    expect(roleLevelLabel({ role: 'backend', level: 'senior' }, roles, levels)).toBe('Senior Backend');
    expect(roleLevelLabel({ role: 'backend', level: null }, roles, levels)).toBe('Backend');
    expect(roleLevelLabel({ role: null, level: null }, roles, levels)).toBeNull();
  });
});
