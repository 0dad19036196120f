import { CATEGORIES, LEVELS, ROLES, type Question } from '@mockroom/contracts';
import type { BankFile } from '../types';
import { suitsTrack } from '../question-bank';
import bankJson from './bank.json';
import { TRACKS } from './tracks';

const bank = bankJson as unknown as BankFile;
const byId = new Map<string, Question>(bank.questions.map((q) => [q.id, q]));

describe('tracks', () => {
  it('offers the planned tracks', () => {
    expect(TRACKS.map((t) => t.name)).toEqual([
      'Mid Fullstack Engineer',
      'Senior Fullstack Engineer',
      'Mid Backend Engineer',
      'Backend Engineer',
      'Staff / Architect',
    ]);
    expect(new Set(TRACKS.map((t) => t.id)).size).toBe(TRACKS.length);
  });

  for (const track of TRACKS) {
    describe(track.name, () => {
      const questions = track.questionIds.map((id) => byId.get(id));

      it('is well formed', () => {
        expect(track.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(track.description.length).toBeGreaterThan(40);
        expect(ROLES).toContain(track.role);
        expect(LEVELS).toContain(track.level);
        expect(track.durationMinutes).toBeGreaterThanOrEqual(30);
        expect(track.durationMinutes).toBeLessThanOrEqual(120);
        expect(track.questionIds.length).toBeGreaterThanOrEqual(5);
        expect(track.questionIds.length).toBeLessThanOrEqual(8);
        expect(new Set(track.questionIds).size).toBe(track.questionIds.length);
      });

      it('references existing questions that suit its role and level', () => {
        for (const [i, q] of questions.entries()) {
          expect({ id: track.questionIds[i], exists: q !== undefined }).toEqual({
            id: track.questionIds[i],
            exists: true,
          });
          expect({ id: q?.id, suits: q ? suitsTrack(q, track) : false }).toEqual({ id: q?.id, suits: true });
        }
        // Mostly the track's own role.
        expect(questions.filter((q) => q?.role === track.role).length).toBeGreaterThan(questions.length / 2);
      });

      it('is balanced across categories', () => {
        const categories = questions.map((q) => q?.category);
        expect(categories.every((c) => c !== undefined && CATEGORIES.includes(c))).toBe(true);
        expect(new Set(categories).size).toBeGreaterThanOrEqual(4);
        // No category takes more than half of the interview.
        for (const c of new Set(categories))
          expect(categories.filter((x) => x === c).length).toBeLessThanOrEqual(Math.ceil(questions.length / 2));
      });

      it('puts a behavioral question, if any, first or last', () => {
        const positions = questions.flatMap((q, i) => (q?.category === 'behavioral' ? [i] : []));
        for (const i of positions) expect([0, questions.length - 1]).toContain(i);
      });
    });
  }
});
