import { listBankQuestions, lexiconKey, splitBankTerm, SkillLexicon } from './skill-lexicon.matcher';

describe('SkillLexicon', () => {
  const lexicon = SkillLexicon.default();

  it('joins the bank’s key terms and the technology list', () => {
    expect(lexicon.size).toBeGreaterThan(400);
    const bank = listBankQuestions();
    expect(bank.length).toBeGreaterThan(60);
    for (const term of [
      'Idempotency',
      'Circuit breaker',
      'Change Data Capture (CDC)',
      'CQRS (Command Query Responsibility Segregation)',
    ])
      expect(lexicon.canonical(term)).toBeDefined();
    expect(lexicon.canonical('CDC')).toBe('Change Data Capture');
    expect(lexicon.canonical('Apache Kafka')).toBe('Kafka');
    expect(lexicon.canonical('Impact')).toBeUndefined();
    expect(lexicon.canonical('Ownership')).toBeUndefined();
  });

  it.each([
    ['Postgres', 'PostgreSQL'],
    ['psql', 'PostgreSQL'],
    ['K8s', 'Kubernetes'],
    ['JS', 'JavaScript'],
    ['Node', 'Node.js'],
    ['React.js', 'React'],
    ['Golang', 'Go'],
    ['Spring Boot', 'Spring'],
    ['RESTful', 'REST'],
    ['Express.js', 'Express'],
    ['OAuth2', 'OAuth'],
  ])('knows %s as %s', (alias, name) => {
    expect(lexicon.find(`We used ${alias} there.`)).toContain(name);
  });

  it.each([
    ['We planned the go to market launch', 'Go'],
    ['Go-to-market strategy for the new product', 'Go'],
    ['Go live checklist for every release', 'Go'],
    ['Worked with the rest of the team', 'REST'],
    ['Shared the REST of the backlog with the team', 'REST'],
    ['Spring cleaning of the codebase', 'Spring'],
    ['Joined in Spring 2021', 'Spring'],
    ['Built the express delivery checkout', 'Express'],
    ['Backend Engineer at Express Logistics Ltd', 'Express'],
    ['Express delivery for every order', 'Express'],
    ['A swift response to incidents', 'Swift'],
    ['Swift to learn and calm under pressure', 'Swift'],
    ['SWIFT payments for the bank', 'Swift'],
    ['Wrote JavaScript for the UI', 'Java'],
    ['Good at Google Cloud', 'Go'],
    ['Reactive streams', 'React'],
    ['Added rust-proofing to the pipeline', 'Rust'],
  ])('does not read "%s" as %s', (text, skill) => {
    expect(lexicon.find(text)).not.toContain(skill);
  });

  it.each([
    ['Built services in Go and Python', 'Go'],
    ['Go services on Kubernetes', 'Go'],
    ['Go, Rust and TypeScript', 'Rust'],
    ['An API on Node/Express', 'Express'],
    ['Spring Boot 3 microservices', 'Spring'],
    ['Designed REST APIs', 'REST'],
    ['iOS apps in Swift and SwiftUI', 'Swift'],
  ])('reads "%s" as %s', (text, skill) => {
    expect(lexicon.find(text)).toContain(skill);
  });

  it('accepts lower-case items of a list, not of prose', () => {
    expect(lexicon.find('Languages: go, python, rust', { list: true })).toEqual(['Go', 'Python', 'Rust']);
    expect(lexicon.find('we had to go, fast')).toEqual([]);
  });

  it('counts one mention where several spellings overlap', () => {
    expect(lexicon.mentions('Apache Kafka').filter((m) => m.name === 'Kafka')).toHaveLength(1);
  });

  it('normalises spellings and bank terms', () => {
    expect(lexiconKey('Circuit Breakers')).toBe(lexiconKey('circuit-breaker'));
    expect(splitBankTerm('Conflict-free Replicated Data Types (CRDTs)')).toEqual({
      name: 'Conflict-free Replicated Data Types',
      aliases: ['CRDTs', 'CRDT'],
    });
    expect(splitBankTerm('SRE (Site Reliability Engineering)')).toEqual({
      name: 'SRE',
      aliases: ['Site Reliability Engineering'],
    });
    expect(splitBankTerm('Server-Side Caching (Redis)')).toEqual({ name: 'Server-Side Caching', aliases: [] });
  });
});
