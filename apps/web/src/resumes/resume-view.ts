import type { ResumeRole } from '@mockroom/contracts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2021" from '2021-03', "2021" from '2021'; anything else as it is. */
export function monthYear(value: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(value.trim());
  if (!match) return value;
  const month = match[2] ? MONTHS[Number(match[2]) - 1] : undefined;
  return month ? `${month} ${match[1]}` : match[1];
}

/** "Mar 2021 – present", "2017 – 2019", "until 2019"; null when the résumé gives no dates. */
export function roleDates(role: Pick<ResumeRole, 'start' | 'end' | 'current'>): string | null {
  const end = role.current ? 'present' : role.end ? monthYear(role.end) : null;
  if (!role.start) return end && end !== 'present' ? `until ${end}` : end;
  return `${monthYear(role.start)} – ${end ?? 'present'}`;
}

/** "7 years", "1 year", "6 months"; null when not known. */
export function yearsLabel(years: number | null): string | null {
  if (years === null || !Number.isFinite(years) || years < 0) return null;
  if (years < 1) return `${Math.max(1, Math.round(years * 12))} months`;
  const rounded = Math.round(years * 2) / 2;
  return `${rounded} year${rounded === 1 ? '' : 's'}`;
}
