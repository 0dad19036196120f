import { describe, expect, it } from '@jest/globals';
import type { ResumeProfile } from '@mockroom/contracts';
import {
  addSkill,
  correctionFrom,
  draftErrors,
  draftFromProfile,
  removeClaim,
  removeSkill,
  setClaimText,
} from './profile-draft';

const profile: ResumeProfile = {
  name: 'Ada Lovelace',
  headline: null,
  email: null,
  roles: [],
  skills: ['PostgreSQL', 'Kafka'],
  projects: [],
  claims: [
    {
      id: 'c1',
      text: 'Cut p95 latency by 40%',
      action: 'cut',
      object: 'p95 latency',
      metric: '40%',
      organisation: null,
      roleTitle: null,
      skills: [],
      kind: 'impact',
    },
    {
      id: 'c2',
      text: 'Led a team of 5',
      action: 'led',
      object: 'a team',
      metric: '5',
      organisation: null,
      roleTitle: null,
      skills: [],
      kind: 'leadership',
    },
  ],
  yearsOfExperience: 7,
  suggestedRole: 'backend',
  suggestedLevel: 'senior',
  warnings: [],
};

describe('addSkill', () => {
  it('adds a tidied skill at the end', () => {
    expect(addSkill(['Go'], '  Apache   Kafka ')).toEqual({ skills: ['Go', 'Apache Kafka'], error: null });
  });

  it('refuses nothing, a repeat in another case, and a skill too long', () => {
    expect(addSkill(['Go'], '   ').error).toBe('Type a skill first.');
    expect(addSkill(['Kafka'], 'kafka')).toEqual({ skills: ['Kafka'], error: 'Kafka is already listed.' });
    expect(addSkill([], 'x'.repeat(61)).error).toBe('A skill is at most 60 characters.');
  });

  it('removes one skill by name', () => {
    expect(removeSkill(['Go', 'Kafka'], 'Go')).toEqual(['Kafka']);
  });
});

describe('correctionFrom', () => {
  it('is empty while nothing changed', () => {
    expect(correctionFrom(draftFromProfile(profile), profile)).toEqual({});
  });

  it('sends only what changed, the lists whole', () => {
    let draft = draftFromProfile(profile);
    draft = { ...draft, headline: ' Backend engineer ', skills: removeSkill(draft.skills, 'Kafka') };
    draft = setClaimText(draft, 'c1', 'Cut p95 latency by 45%');
    expect(correctionFrom(draft, profile)).toEqual({
      headline: 'Backend engineer',
      skills: ['PostgreSQL'],
      claims: [
        { id: 'c1', text: 'Cut p95 latency by 45%' },
        { id: 'c2', text: 'Led a team of 5' },
      ],
    });
  });

  it('clears a name emptied by hand, and keeps the claims left after a removal in order', () => {
    const draft = removeClaim({ ...draftFromProfile(profile), name: '  ' }, 'c1');
    expect(correctionFrom(draft, profile)).toEqual({ name: null, claims: [{ id: 'c2', text: 'Led a team of 5' }] });
  });
});

describe('draftErrors', () => {
  it('names the claims left without words', () => {
    const draft = setClaimText(draftFromProfile(profile), 'c2', '   ');
    expect(Object.keys(draftErrors(draft))).toEqual(['c2']);
    expect(draftErrors(draftFromProfile(profile))).toEqual({});
  });
});
