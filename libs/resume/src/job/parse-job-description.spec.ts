import { JOB_FIXTURES } from '../fixtures';
import { parseJobDescription } from './parse-job-description';

const cases = Object.entries(JOB_FIXTURES).map(([name, fixture]) => ({ name, fixture }));

describe('parseJobDescription over the test postings', () => {
  describe.each(cases)('$name', ({ fixture }) => {
    const job = parseJobDescription(fixture.text);
    const weight = (name: string) => job.skills.find((s) => s.name === name)?.weight ?? 0;

    it('reads title, role and level', () => {
      expect(job.title).toBe(fixture.expected.title);
      expect(job.role).toBe(fixture.expected.role);
      expect(job.level).toBe(fixture.expected.level);
    });

    it('finds the skills it asks for, and not words that only look like skills', () => {
      expect(job.skills.map((s) => s.name)).toEqual(expect.arrayContaining(fixture.expected.skills));
      for (const name of fixture.expected.notSkills ?? []) expect(job.skills.map((s) => s.name)).not.toContain(name);
    });

    it.each(fixture.expected.heavier)('weighs %s more than %s', (heavier, lighter) => {
      expect(weight(heavier)).toBeGreaterThan(weight(lighter));
    });

    it('lists the most stressed skill first with weight 1, the rest in (0, 1]', () => {
      expect(job.skills[0].weight).toBe(1);
      for (const s of job.skills) expect(s.weight).toBeGreaterThan(0);
      const weights = job.skills.map((s) => s.weight);
      expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    });

    it('finds its themes', () => {
      expect(job.themes).toEqual(expect.arrayContaining(fixture.expected.themes));
    });

    it('gives the same result every time', () => {
      expect(parseJobDescription(fixture.text)).toEqual(job);
    });
  });
});

describe('parseJobDescription details', () => {
  it('puts the most stressed theme first', () => {
    expect(parseJobDescription(JOB_FIXTURES['Kafka and on-call backend'].text).themes[0]).toBe('on-call');
    expect(parseJobDescription(JOB_FIXTURES['React fullstack'].text).themes[0]).toBe('frontend');
  });

  it('weighs a skill named in the title above the same skill in the body', () => {
    const job = parseJobDescription('Senior Go Engineer\n\nRequirements\n- Go and Kafka\n- Kafka\n- PostgreSQL');
    expect(job.skills.map((s) => s.name)).toEqual(['Go', 'Kafka', 'PostgreSQL']);
    expect(job.level).toBe('senior');
  });

  it('weighs requirements above nice-to-haves, and repeated mentions above single ones', () => {
    const job = parseJobDescription(
      'Backend Engineer\n\nMust have\n- Python\n- Docker\n- Python in production\n\nNice to have\n- Kubernetes',
    );
    const w = Object.fromEntries(job.skills.map((s) => [s.name, s.weight]));
    expect(w.Python).toBeGreaterThan(w.Docker);
    expect(w.Docker).toBeGreaterThan(w.Kubernetes);
  });

  it('reads lower-case list items in a stack line', () => {
    const job = parseJobDescription('Platform Engineer\n\nOur stack: go, postgres, kafka, k8s');
    expect(job.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['Go', 'PostgreSQL', 'Kafka', 'Kubernetes']));
  });

  it('finds the level from years when the title has none, and nothing from an empty posting', () => {
    expect(parseJobDescription('Backend Engineer\n\nYou have 6+ years of experience.').level).toBe('senior');
    expect(parseJobDescription('')).toEqual({ title: null, role: null, level: null, skills: [], themes: [] });
  });
});
