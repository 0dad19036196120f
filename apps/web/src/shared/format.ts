import type { InterviewStatus, PromptKind } from '@mockroom/contracts';

/** "03:07" (or "1:02:03" past an hour) from milliseconds. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** "12 min", "1 h 5 min", "45 s" from milliseconds; "—" when unknown. */
export function elapsed(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** Spoken form of a duration for screen readers: "2 minutes 5 seconds". */
export function spokenDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts = [];
  if (minutes) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  parts.push(`${seconds} second${seconds === 1 ? '' : 's'}`);
  return parts.join(' ');
}

const DATE = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('en', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : DATE.format(date);
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : DATE_TIME.format(date);
}

/** "7.5" for a 0–10 score; "—" when there is none. */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '—'
    : (Math.round(value * 10) / 10).toFixed(1);
}

export const STATUS_LABELS: Record<InterviewStatus, string> = {
  created: 'Not started',
  live: 'In progress',
  completed: 'Completed',
  abandoned: 'Ended early',
};

export const STATUS_TONES: Record<InterviewStatus, 'neutral' | 'accent' | 'info' | 'warning' | 'success'> = {
  created: 'neutral',
  live: 'info',
  completed: 'success',
  abandoned: 'warning',
};

/** The label above the prompt: "Question 2 of 5", "Follow-up"… */
export function promptKindLabel(kind: PromptKind, questionIndex: number, questionCount: number): string {
  switch (kind) {
    case 'question':
      return `Question ${questionIndex + 1} of ${questionCount}`;
    case 'follow-up':
      return 'Follow-up';
    case 'clarification':
      return 'Clarification';
    case 'repeat':
      return 'Repeating the question';
    case 'skip':
      return 'Moving on';
    case 'intro':
      return 'Introduction';
    case 'closing':
      return 'Closing';
    case 'nudge':
      return 'Still listening';
    case 'interjection':
      return 'Interjection';
    default:
      return 'Interviewer';
  }
}
