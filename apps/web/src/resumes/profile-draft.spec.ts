import { describe, expect, it } from '@jest/globals';
import type { ResumeProfile } from '@mockroom/contracts';
import {
  addProject,
  addRole,
  addSkill,
  correctionFrom,
  draftErrors,
  draftFromProfile,
  editProject,
  editRole,
  errorKey,
  MAX_PROJECTS,
  MAX_ROLES,
  projectDescriptionError,
  projectNameError,
  removeClaim,
  removeProject,
  removeRole,
  removeSkill,
  roleDateError,
  roleEndError,
  roleErrors,
  roleTitleError,
  setClaimText,
  setRoleCurrent,
  type ProfileDraft,
} from './profile-draft';

const profile: ResumeProfile = {
  name: 'Ada Lovelace',
  headline: null,
  email: null,
  roles: [
    {
      title: 'Staff engineer',
      organisation: 'Acme',
      start: '2021-03',
      end: null,
      current: true,
      bullets: ['Cut p95 latency by 40%'],
    },
    {
      title: 'Engineer',
      organisation: null,
      start: '2017',
      end: '2021-02',
      current: false,
      bullets: ['Led a team of 5'],
    },
  ],
  skills: ['PostgreSQL', 'Kafka'],
  projects: [{ name: 'Ledger', description: 'A double-entry ledger in Go.', skills: ['Go'] }],
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

  it('sends the roles whole, tidied, when one of them changed', () => {
    const read = draftFromProfile(profile);
    const draft = editRole(read, read.roles[1].key, {
      title: '  Senior   engineer ',
      organisation: ' ',
      end: '2021-03',
    });
    expect(correctionFrom(draft, profile)).toEqual({
      roles: [
        { from: 0, title: 'Staff engineer', organisation: 'Acme', start: '2021-03', end: null, current: true },
        { from: 1, title: 'Senior engineer', organisation: null, start: '2017', end: '2021-03', current: false },
      ],
    });
  });

  it('sends the roles when one was added, removed or became current', () => {
    const read = draftFromProfile(profile);
    // A removed role: the one left still says which role it was, so its bullets stay with it.
    expect(correctionFrom(removeRole(read, read.roles[0].key), profile).roles).toEqual([
      expect.objectContaining({ from: 1 }),
    ]);
    expect(correctionFrom(setRoleCurrent(read, read.roles[1].key, true), profile).roles?.[1]).toEqual({
      from: 1,
      title: 'Engineer',
      organisation: null,
      start: '2017',
      end: null,
      current: true,
    });
    const added = addRole(read);
    expect(correctionFrom(added, profile).roles?.[0]).toEqual({
      from: null,
      title: '',
      organisation: null,
      start: null,
      end: null,
      current: false,
    });
  });

  it('does not count tidying alone, or a read end on a current role, as a change', () => {
    const messy: ResumeProfile = {
      ...profile,
      roles: [{ ...profile.roles[0], title: ' Staff  engineer', end: '2024-01' }, profile.roles[1]],
      projects: [{ ...profile.projects[0], description: 'A double-entry\nledger in Go.' }],
    };
    expect(correctionFrom(draftFromProfile(messy), messy)).toEqual({});
  });

  it('sends the projects whole, descriptions on one line, when one of them changed', () => {
    const read = draftFromProfile(profile);
    const draft = addProject(editProject(read, read.projects[0].key, { description: 'Double-entry,\nin Rust. ' }));
    expect(correctionFrom(editProject(draft, draft.projects[0].key, { name: ' Tracer ' }), profile)).toEqual({
      projects: [
        { name: 'Tracer', description: '' },
        { name: 'Ledger', description: 'Double-entry, in Rust.' },
      ],
    });
    expect(correctionFrom(removeProject(read, read.projects[0].key), profile)).toEqual({ projects: [] });
  });

  it('clears a name emptied by hand, and keeps the claims left after a removal in order', () => {
    const draft = removeClaim({ ...draftFromProfile(profile), name: '  ' }, 'c1');
    expect(correctionFrom(draft, profile)).toEqual({ name: null, claims: [{ id: 'c2', text: 'Led a team of 5' }] });
  });
});

describe('draftFromProfile', () => {
  it('gives every role and project a key of its own, with empty text for what was not given', () => {
    const draft = draftFromProfile(profile);
    expect(new Set(draft.roles.map((role) => role.key)).size).toBe(2);
    expect(draft.roles[1]).toMatchObject({ organisation: '', start: '2017', end: '2021-02', current: false });
    expect(draft.roles[0].bullets).toEqual(['Cut p95 latency by 40%']);
    expect(draft.projects[0]).toMatchObject({ name: 'Ledger', read: profile.projects[0] });
  });
});

describe('roles', () => {
  const [current, earlier] = draftFromProfile(profile).roles;

  it('edits one role by its key and leaves the others', () => {
    const draft = editRole(draftFromProfile(profile), earlier.key, {
      title: 'Senior engineer',
      organisation: 'Initech',
      start: '2016-09',
      end: '2021',
    });
    expect(draft.roles[1]).toMatchObject({
      title: 'Senior engineer',
      organisation: 'Initech',
      start: '2016-09',
      end: '2021',
    });
    expect(draft.roles[0]).toEqual(current);
  });

  it('keeps a current role without an end', () => {
    expect(editRole(draftFromProfile(profile), current.key, { end: '2024-01' }).roles[0].end).toBe('');
  });

  it('clears the end when a role becomes current, and leaves it empty when it stops being so', () => {
    const ticked = setRoleCurrent(draftFromProfile(profile), earlier.key, true);
    expect(ticked.roles[1]).toMatchObject({ current: true, end: '' });
    expect(setRoleCurrent(ticked, earlier.key, false).roles[1]).toMatchObject({ current: false, end: '' });
  });

  it('adds an empty role at the top, with a new key, up to the most kept', () => {
    const draft = addRole(draftFromProfile(profile));
    expect(draft.roles).toHaveLength(3);
    expect(draft.roles[0]).toMatchObject({
      title: '',
      organisation: '',
      start: '',
      end: '',
      current: false,
      bullets: [],
    });
    expect([current.key, earlier.key]).not.toContain(draft.roles[0].key);
    expect(addRole(draft).roles[0].key).not.toBe(draft.roles[0].key);

    let full: ProfileDraft = { ...draftFromProfile(profile), roles: [] };
    for (let i = 0; i < MAX_ROLES; i++) full = addRole(full);
    expect(full.roles).toHaveLength(MAX_ROLES);
    expect(addRole(full)).toBe(full);
  });

  it('removes one role by its key', () => {
    expect(removeRole(draftFromProfile(profile), current.key).roles).toEqual([earlier]);
  });
});

describe('projects', () => {
  it('edits, adds at the top (up to the most kept) and removes by key', () => {
    const read = draftFromProfile(profile);
    const key = read.projects[0].key;
    expect(editProject(read, key, { description: 'Double-entry, in Rust.' }).projects[0]).toMatchObject({
      name: 'Ledger',
      description: 'Double-entry, in Rust.',
    });

    const added = addProject(read);
    expect(added.projects[0]).toMatchObject({ name: '', description: '', read: null });
    expect(added.projects[0].key).not.toBe(key);
    expect(removeProject(added, key).projects.map((project) => project.key)).toEqual([added.projects[0].key]);

    let full: ProfileDraft = { ...read, projects: [] };
    for (let i = 0; i < MAX_PROJECTS; i++) full = addProject(full);
    expect(addProject(full)).toBe(full);
  });
});

describe('role and project validation', () => {
  it('wants a role title, and no longer than kept', () => {
    expect(roleTitleError('  ')).toMatch(/needs a title/);
    expect(roleTitleError('x'.repeat(121))).toBe('A title is at most 120 characters.');
    expect(roleTitleError(' Engineer ')).toBeNull();
  });

  it('takes a year or a month as a date, and nothing', () => {
    for (const ok of ['', '2021', '2021-03', ' 2021-12 ']) expect(roleDateError(ok)).toBeNull();
    for (const bad of ['21', '2021-3', '2021-13', '2021-00', 'March 2021', '2021/03'])
      expect(roleDateError(bad)).toBe('Give a year (2021) or a month (2021-03).');
  });

  it('refuses an end before the start, compared as the server does', () => {
    expect(roleEndError({ start: '2021-03', end: '2020-12', current: false })).toBe(
      'The end cannot be before the start.',
    );
    expect(roleEndError({ start: '2021-03', end: '2021', current: false })).toBe(
      'Give the month it ended too: it started in Mar 2021.',
    );
    expect(roleEndError({ start: '2021', end: '2021-03', current: false })).toBeNull();
    expect(roleEndError({ start: '2021-03', end: '2021-03', current: false })).toBeNull();
    expect(roleEndError({ start: '', end: '2020', current: false })).toBeNull();
    expect(roleEndError({ start: '2021', end: 'soon', current: false })).toMatch(/Give a year/);
    expect(roleEndError({ start: '2021', end: '2019', current: true })).toBeNull();
  });

  it("gathers a role's errors by field", () => {
    const [role] = addRole(draftFromProfile(profile)).roles;
    expect(Object.keys(roleErrors({ ...role, start: '2022', end: '2021' }))).toEqual(['title', 'end']);
    expect(roleErrors({ ...role, title: 'Engineer', start: '2021-01' })).toEqual({});
  });

  it('wants a project name; a description may be empty but not too long', () => {
    expect(projectNameError(' ')).toMatch(/needs a name/);
    expect(projectNameError('Ledger')).toBeNull();
    expect(projectDescriptionError('')).toBeNull();
    expect(projectDescriptionError('x'.repeat(1001))).toBe('A description is at most 1,000 characters.');
  });
});

describe('draftErrors', () => {
  it('names the claims left without words', () => {
    const draft = setClaimText(draftFromProfile(profile), 'c2', '   ');
    expect(draftErrors(draft).map((error) => error.key)).toEqual([errorKey.claim('c2')]);
    expect(draftErrors(draftFromProfile(profile))).toEqual([]);
  });

  it('lists the fields to fix in the order of the page, each named', () => {
    let draft = addProject(addRole(draftFromProfile(profile)));
    draft = setClaimText(draft, 'c1', '');
    draft = editRole(draft, draft.roles[2].key, { end: '2016' });
    expect(draftErrors(draft).map(({ key, label }) => [key, label])).toEqual([
      [errorKey.role(draft.roles[0].key, 'title'), "role 1's title"],
      [errorKey.role(draft.roles[2].key, 'end'), "role 3's end"],
      [errorKey.project(draft.projects[0].key, 'name'), "project 1's name"],
      [errorKey.claim('c1'), 'claim 1'],
    ]);
  });
});
