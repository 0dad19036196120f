import type { JobSkill } from '@mockroom/contracts';

/** The posting's title as given (or as read from it), else a stand-in. */
export function jobTitle(job: { title: string | null }): string {
  return job.title?.trim() || 'Untitled job description';
}

/** "Senior Backend", "Backend", or null when the posting says neither. */
export function roleLevelLabel(
  job: { role: string | null; level: string | null },
  roles: Record<string, string>,
  levels: Record<string, string>,
): string | null {
  const words = [job.level && (levels[job.level] ?? job.level), job.role && (roles[job.role] ?? job.role)];
  return words.filter(Boolean).join(' ') || null;
}

/** A skill of the posting with its bar: `share` is its weight against the strongest one's (0–1). */
export interface SkillBar {
  name: string;
  weight: number;
  share: number;
}

/** The thinnest bar still drawn, so a skill that is named at all never reads as nothing. */
const MIN_SHARE = 0.04;

/** The posting's skills strongest first (ties by name), each with its bar scaled to the strongest. */
export function skillBars(skills: readonly JobSkill[]): SkillBar[] {
  const weights = skills.map((skill) => (Number.isFinite(skill.weight) && skill.weight > 0 ? skill.weight : 0));
  const max = Math.max(0, ...weights);
  return skills
    .map((skill, i) => ({
      name: skill.name,
      weight: weights[i],
      share: max > 0 && weights[i] > 0 ? Math.max(MIN_SHARE, weights[i] / max) : 0,
    }))
    .sort((x, y) => y.weight - x.weight || x.name.localeCompare(y.name));
}

/** A reason as part of a sentence: a plain opener is lower-cased ("The posting…"), a name never ("Kafka…"). */
function asClause(reason: string): string {
  const text = reason.trim().replace(/[.;\s]+$/, '');
  const [first = ''] = text.split(/\s/, 1);
  const plainWord = /^[A-Z][a-z]+$/.test(first) && ['The', 'It', 'Its', 'A', 'An', 'This', 'Your'].includes(first);
  return plainWord ? text[0].toLowerCase() + text.slice(1) : text;
}

/** "Asked because the posting stresses Kafka and on-call; it fits a senior role." (empty without reasons). */
export function reasonSentence(reasons: readonly string[]): string {
  const clauses = reasons.map(asClause).filter(Boolean);
  return clauses.length ? `Asked because ${clauses.join('; ')}.` : '';
}
