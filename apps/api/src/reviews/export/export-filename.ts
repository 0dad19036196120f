import type { Review } from '@mockroom/contracts';
import { interviewDate } from './review-format';

export type ReviewExportFormat = 'md' | 'pdf';

const SLUG_MAX = 60;

/** Lower-case ASCII words joined by dashes: accents are dropped, anything else separates words. */
export function slugify(text: string, max = SLUG_MAX): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/**
 * The download name of an exported review: `mockroom-review-<date>-<title>.<ext>`,
 * e.g. `mockroom-review-2026-11-22-backend-senior.md` (the date is the session's, in UTC).
 * Safe as a `Content-Disposition` file name: ASCII letters, digits, dashes and one dot.
 */
export function exportFilename(review: Pick<Review, 'interview'>, ext: ReviewExportFormat): string {
  const date = new Date(interviewDate(review));
  const day = Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
  const parts = ['mockroom-review', day, slugify(review.interview.title)].filter(Boolean);
  return `${parts.join('-')}.${ext}`;
}
