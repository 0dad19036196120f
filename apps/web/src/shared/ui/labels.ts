import {
  CATEGORY_LABELS,
  LEVELS,
  type Category,
  type EngineInfo,
  type Level,
  type Role,
  type UserRole,
} from '@mockroom/contracts';

export const ROLE_LABELS: Record<Role, string> = {
  fullstack: 'Fullstack',
  backend: 'Backend',
};

export const LEVEL_LABELS: Record<Level, string> = {
  mid: 'Mid',
  senior: 'Senior',
  staff: 'Staff',
};

export const USER_ROLE_LABELS: Record<UserRole, string> = {
  candidate: 'Candidate',
  interviewer: 'Interviewer',
  admin: 'Admin',
};

export const ENGINE_KIND_LABELS: Record<EngineInfo['kind'], string> = {
  database: 'Database',
  queue: 'Queue',
  stt: 'Speech-to-text',
  tts: 'Text-to-speech',
  assessment: 'Scoring',
  media: 'Audio',
  code: 'Code runner',
};

export function categoryLabel(category: Category): string {
  return CATEGORY_LABELS[category] ?? category;
}

/** "Mid · Senior", or "All levels" when a question is for every level. */
export function levelsLabel(levels: readonly Level[]): string {
  if (levels.length === LEVELS.length) return 'All levels';
  return LEVELS.filter((level) => levels.includes(level))
    .map((level) => LEVEL_LABELS[level])
    .join(' · ');
}

/** "1 question", "12 questions". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** "45 min", "1 h 30 min". */
export function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
