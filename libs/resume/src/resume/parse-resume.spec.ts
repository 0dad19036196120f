import { FIXTURE_AS_OF, RESUME_FIXTURES } from '../fixtures';
import type { ResumeProfile } from '../types';
import { parseResume } from './parse-resume';

const cases = Object.entries(RESUME_FIXTURES).map(([name, fixture]) => ({ name, fixture }));

describe('parseResume over the test résumés', () => {
  const profiles = new Map<string, ResumeProfile>();
  const profileOf = (name: string): ResumeProfile => {
    if (!profiles.has(name)) profiles.set(name, parseResume(RESUME_FIXTURES[name].text, { asOf: FIXTURE_AS_OF }));
    return profiles.get(name) as ResumeProfile;
  };

  describe.each(cases)('$name', ({ name, fixture }) => {
    const { expected } = fixture;

    it('finds the name and e-mail', () => {
      const profile = profileOf(name);
      expect(profile.name).toBe(expected.name);
      if (expected.email !== undefined) expect(profile.email).toBe(expected.email);
    });

    it('finds the roles with titles, organisations and dates', () => {
      const profile = profileOf(name);
      expect(profile.roles).toHaveLength(expected.roles.length);
      expected.roles.forEach((role, i) => expect(profile.roles[i]).toMatchObject(role));
      for (const role of profile.roles) expect(role.bullets.length).toBeGreaterThan(0);
    });

    it('finds the skills it must, and none of those it must not', () => {
      const profile = profileOf(name);
      expect(profile.skills).toEqual(expect.arrayContaining(expected.skills));
      for (const skill of expected.notSkills) expect(profile.skills).not.toContain(skill);
      for (const claim of profile.claims)
        for (const skill of expected.notSkills) expect(claim.skills).not.toContain(skill);
    });

    it.each(expected.claims)('finds the claim "$textIncludes"', (want) => {
      const claim = profileOf(name).claims.find((c) => c.text.includes(want.textIncludes));
      expect(claim).toBeDefined();
      if (want.metric !== undefined) expect(claim?.metric).toBe(want.metric);
      if (want.kind) expect(claim?.kind).toBe(want.kind);
      if (want.organisation !== undefined) expect(claim?.organisation).toBe(want.organisation);
    });

    it('splits every claim into an action that opens with a verb, and keeps ids stable', () => {
      const profile = profileOf(name);
      for (const claim of profile.claims) {
        expect(claim.action.split(' ').length).toBeGreaterThanOrEqual(2);
        expect(claim.action).toMatch(/^[a-z]/);
        expect(claim.id).toMatch(/^claim-[0-9a-z]+$/);
      }
      const again = parseResume(fixture.text, { asOf: FIXTURE_AS_OF });
      expect(again).toEqual(profile);
    });

    it('works out years of experience, level and role', () => {
      const profile = profileOf(name);
      if (expected.yearsOfExperience === null) expect(profile.yearsOfExperience).toBeNull();
      else if (expected.yearsOfExperience !== undefined)
        expect(Math.abs((profile.yearsOfExperience ?? -99) - expected.yearsOfExperience)).toBeLessThanOrEqual(0.5);
      if (expected.suggestedLevel !== undefined) expect(profile.suggestedLevel).toBe(expected.suggestedLevel);
      if (expected.suggestedRole !== undefined) expect(profile.suggestedRole).toBe(expected.suggestedRole);
    });
  });
});

describe('parseResume details', () => {
  const asOf = FIXTURE_AS_OF;

  it('splits action, object and metric of a latency claim', () => {
    const profile = parseResume(RESUME_FIXTURES['classic senior backend'].text, { asOf });
    const claim = profile.claims.find((c) => c.text.startsWith('Cut p95 latency'));
    expect(claim).toMatchObject({
      action: 'cut p95 latency',
      object: 'the checkout API',
      metric: 'by 40%',
      kind: 'impact',
    });
    expect(claim?.skills).toEqual(expect.arrayContaining(['Redis', 'PostgreSQL']));
  });

  it('takes the target of a migration as its object', () => {
    const profile = parseResume(RESUME_FIXTURES['classic senior backend'].text, { asOf });
    const claim = profile.claims.find((c) => c.text.startsWith('Led the migration'));
    expect(claim).toMatchObject({ action: 'led the migration', object: 'Kafka', kind: 'leadership' });
  });

  it('does not turn weak verbs or outcome-less bullets into claims', () => {
    const profile = parseResume(RESUME_FIXTURES['classic senior backend'].text, { asOf });
    expect(profile.claims.find((c) => c.text.startsWith('Worked on'))).toBeUndefined();
    expect(profile.claims.find((c) => c.text.startsWith('Developed Spring Boot services'))).toBeUndefined();
  });

  it('joins a bullet the extractor wrapped onto a second line', () => {
    const profile = parseResume(RESUME_FIXTURES['two-column PDF'].text, { asOf });
    expect(profile.roles[0].bullets).toContain(
      'Led a team of 6 engineers to rebuild the notifications platform on SQS and Lambda, cutting delivery failures by 70%.',
    );
  });

  it('reads the headline, and falls back to the summary for it', () => {
    expect(parseResume(RESUME_FIXTURES['classic senior backend'].text, { asOf }).headline).toBe(
      'Senior Backend Engineer',
    );
    expect(parseResume(RESUME_FIXTURES.Markdown.text, { asOf }).headline).toBe('Fullstack Engineer');
    expect(parseResume(RESUME_FIXTURES['two-column PDF'].text, { asOf }).headline).toMatch(
      /^Backend engineer focused on APIs/,
    );
  });

  it('collects projects with their skills', () => {
    const profile = parseResume(RESUME_FIXTURES.Markdown.text, { asOf });
    expect(profile.projects.map((p) => p.name)).toEqual(['Tinyqueue', 'Mockroom']);
    expect(profile.projects[1].skills).toEqual(expect.arrayContaining(['Next.js', 'WebSockets']));
    const junior = parseResume(RESUME_FIXTURES['junior fullstack'].text, { asOf });
    expect(junior.projects.map((p) => p.name)).toEqual(['Splitwise Clone', 'Portfolio']);
  });

  it('warns when roles have no dates and when there is no experience section', () => {
    expect(parseResume(RESUME_FIXTURES['plain text without dates'].text, { asOf }).warnings).toContain(
      'No dates found on any role; years of experience unknown.',
    );
    const bare = parseResume('Jane Doe\nI like computers.', { asOf });
    expect(bare.roles).toEqual([]);
    expect(bare.yearsOfExperience).toBeNull();
    expect(bare.suggestedLevel).toBeNull();
    expect(bare.warnings).toEqual(expect.arrayContaining(['No experience section found; roles may be missing.']));
  });

  it('counts overlapping roles once', () => {
    const text = `Ana Lima\n\nExperience\nBackend Engineer, Acme\n2018 – 2022\n- Built the billing API\nConsultant, Own Company\n2020 – 2021\n- Built things`;
    expect(parseResume(text, { asOf }).yearsOfExperience).toBe(4);
  });

  it('parses an empty text without throwing', () => {
    const profile = parseResume('', { asOf });
    expect(profile).toMatchObject({ name: null, roles: [], skills: [], claims: [], yearsOfExperience: null });
  });
});
