import { FIXTURE_AS_OF, RESUME_FIXTURES } from '../fixtures';
import { parseResume } from '../resume/parse-resume';
import { SkillLexicon } from '../lexicon/skill-lexicon.matcher';
import type { ResumeClaim, ResumeProfile } from '../types';
import { claimId, extractClaim } from './claim.parser';
import { claimQuestions } from './claim-questions';

const profiles = Object.entries(RESUME_FIXTURES).map(([name, f]) => ({
  name,
  profile: parseResume(f.text, { asOf: FIXTURE_AS_OF }),
}));
const classic = parseResume(RESUME_FIXTURES['classic senior backend'].text, { asOf: FIXTURE_AS_OF });

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%$€£.\s-]/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
    .filter(Boolean);

/** The longest run of consecutive words the question copies from the claim, metric words left out. */
function longestCopiedRun(question: string, claim: ResumeClaim): number {
  const strip = (t: string) => (claim.metric ? t.replace(claim.metric, ' ') : t);
  const q = wordsOf(strip(question));
  const c = wordsOf(strip(claim.text));
  let best = 0;
  for (let i = 0; i < q.length; i++)
    for (let j = 0; j < c.length; j++) {
      let n = 0;
      while (q[i + n] !== undefined && q[i + n] === c[j + n]) n++;
      best = Math.max(best, n);
    }
  return best;
}

function profileWith(claims: ResumeClaim[]): ResumeProfile {
  return {
    name: null,
    headline: null,
    email: null,
    roles: [],
    skills: [],
    projects: [],
    claims,
    yearsOfExperience: null,
    suggestedRole: null,
    suggestedLevel: null,
    warnings: [],
  };
}

function claimFrom(text: string, organisation: string | null = 'Acme'): ResumeClaim {
  const claim = extractClaim(text, { organisation, roleTitle: null }, SkillLexicon.default());
  if (!claim) throw new Error(`not a claim: ${text}`);
  return claim;
}

describe('claimQuestions over the test résumés', () => {
  describe.each(profiles)('$name', ({ profile }) => {
    const questions = claimQuestions(profile);
    const claimOf = (id: string) => profile.claims.find((c) => c.id === id) as ResumeClaim;

    it('asks about some claims, each once', () => {
      expect(questions.length).toBeGreaterThan(0);
      expect(questions.length).toBeLessThanOrEqual(5);
      expect(new Set(questions.map((q) => q.claimId)).size).toBe(questions.length);
    });

    it('phrases each as a question that names the metric and the organisation', () => {
      for (const q of questions) {
        const claim = claimOf(q.claimId);
        expect(q.text).toMatch(/\?$/);
        expect(q.text).toMatch(/^[A-Z]/);
        expect(q.text).not.toMatch(/\s{2,}|\s[,.?]|\.\./);
        if (claim.metric) expect(q.text).toContain(claim.metric.replace(/^(?:by|to|with)\s+/i, ''));
        if (claim.organisation) expect(q.text).toContain(claim.organisation);
      }
    });

    it('never copies more than twelve words of the bullet, the metric aside', () => {
      for (const q of questions) expect(longestCopiedRun(q.text, claimOf(q.claimId))).toBeLessThanOrEqual(12);
    });

    it('has a rubric of four or five points about the claim, and key terms', () => {
      for (const q of questions) {
        const claim = claimOf(q.claimId);
        expect(q.rubric.length).toBeGreaterThanOrEqual(4);
        expect(q.rubric.length).toBeLessThanOrEqual(5);
        q.rubric.forEach((point, i) => expect(point.id).toBe(`${claim.id}#${i + 1}`));
        expect(q.rubric.map((r) => r.text).join(' ')).toContain(claim.object ?? '');
        expect(q.rubric.some((r) => /own contribution/.test(r.text))).toBe(true);
        expect(q.rubric.some((r) => /trade-off or alternative/.test(r.text))).toBe(true);
        expect(q.rubric.some((r) => /went wrong|differently/.test(r.text))).toBe(true);
        expect(q.keyTerms.length).toBeGreaterThan(0);
      }
    });

    it('follows up without giving the answer away', () => {
      for (const q of questions) {
        const claim = claimOf(q.claimId);
        expect(q.followUps.length).toBeGreaterThanOrEqual(3);
        for (const f of q.followUps) {
          expect(f).toMatch(/\?$/);
          for (const skill of claim.skills) if (!q.text.includes(skill)) expect(f).not.toContain(skill);
        }
      }
    });
  });
});

describe('claimQuestions choices and phrasing', () => {
  it('asks about a measured impact first, and spreads questions over organisations', () => {
    const questions = claimQuestions(classic);
    const first = classic.claims.find((c) => c.id === questions[0].claimId) as ResumeClaim;
    expect(first).toMatchObject({ kind: 'impact' });
    expect(first.metric).not.toBeNull();
    const orgs = questions.slice(0, 3).map((q) => classic.claims.find((c) => c.id === q.claimId)?.organisation);
    expect(new Set(orgs).size).toBeGreaterThanOrEqual(2);
  });

  it('varies the templates across claims', () => {
    const questions = claimQuestions(classic);
    const skeletons = questions.map((q) => q.text.slice(q.text.lastIndexOf('. ') + 2));
    expect(new Set(skeletons).size).toBe(questions.length);
  });

  it('asks the latency claim the way an interviewer would, with a rubric specific to it', () => {
    const claim = classic.claims.find((c) => c.text.startsWith('Cut p95 latency')) as ResumeClaim;
    const [q] = claimQuestions(profileWith([claim]));
    expect(q.text).toContain('cut p95 latency of the checkout API by 40% at Paylane Technologies');
    expect(q.rubric.map((r) => r.text)).toEqual(
      expect.arrayContaining([
        'Describes the specific changes they made to the checkout API',
        'Explains how the 40% p95 latency reduction was measured (baseline, tool, time window)',
        'Separates their own contribution from the team’s',
      ]),
    );
    expect(q.keyTerms).toEqual(expect.arrayContaining(['Redis', 'checkout', 'API']));
  });

  it('asks an ownership claim about decisions and trade-offs', () => {
    const [q] = claimQuestions(profileWith([claimFrom('Owned billing end to end.')]));
    expect(q.text).toMatch(/owned billing end to end at Acme/);
    expect(q.rubric[0].text).toBe('Names concrete decisions they made about billing, not only tasks');
  });

  it('asks a leadership claim about the candidate’s own part', () => {
    const [q] = claimQuestions(profileWith([claimFrom('Led the migration to Kafka.', 'Initech')]));
    expect(q.text).toMatch(/led the migration to Kafka at Initech/);
    expect(q.rubric[0].text).toBe('Describes how they organised the work on Kafka and what they did themselves');
  });

  it('puts the organisation before a result clause that carries the metric', () => {
    const claim = claimFrom(
      'Led a team of 6 engineers to rebuild the notifications platform, cutting delivery failures by 70%.',
      'Monzo',
    );
    const [q] = claimQuestions(profileWith([claim]));
    expect(q.text).toMatch(/ at Monzo, cutting delivery failures by 70%\. /);
    expect(q.rubric[1].text).toBe(
      'Explains how the 70% delivery failures reduction was measured (baseline, tool, time window)',
    );
  });

  it('skips near-duplicate claims', () => {
    const claims = [
      claimFrom('Cut p95 latency of the checkout API by 40%.'),
      claimFrom('Cut p95 latency of the checkout API by 40% with Redis.'),
      claimFrom('Owned billing end to end.'),
    ];
    expect(claimQuestions(profileWith(claims))).toHaveLength(2);
  });

  it('does not quote a claim whose split is garbled', () => {
    const garbled: ResumeClaim = {
      id: claimId('Increased the and the of by 40%'),
      text: 'Increased the and the of by 40%',
      action: 'increased',
      object: null,
      metric: 'by 40%',
      organisation: 'Acme',
      roleTitle: null,
      skills: [],
      kind: 'impact',
    };
    expect(claimQuestions(profileWith([garbled]))).toEqual([]);
  });

  it('adds level-specific follow-ups and respects the limit', () => {
    const senior = claimQuestions(classic, { level: 'senior', limit: 2 });
    const mid = claimQuestions(classic, { level: 'mid', limit: 2 });
    expect(senior).toHaveLength(2);
    expect(senior.flatMap((q) => q.followUps).join(' ')).toMatch(/stakeholders|decide not to do/);
    expect(mid.flatMap((q) => q.followUps).join(' ')).toMatch(/code or configuration/);
    expect(claimQuestions(classic, { limit: 0 })).toEqual([]);
  });

  it('gives the same questions every time', () => {
    expect(claimQuestions(classic)).toEqual(
      claimQuestions(parseResume(RESUME_FIXTURES['classic senior backend'].text, { asOf: FIXTURE_AS_OF })),
    );
  });
});
