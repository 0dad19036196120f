/**
 * Roles from the experience section: header lines (title, organisation, dates) followed by bullets
 * or paragraphs. Wrapped bullet lines are joined back.
 */
import type { ResumeRole } from '../types';
import { sentences, words } from '../text/normalise-text.util';
import { findDateRange } from './date-range.parser';
import type { ResumeLine } from './resume-sections.parser';
import { hasOrgSuffix, hasTitleWord, parseRoleHeader } from './role-header.parser';

export interface ExperienceResult {
  roles: ResumeRole[];
  /** Bullets found before any role header. */
  looseBullets: string[];
}

type LineKind = 'bullet' | 'prose' | 'header' | 'continuation';

const CONNECTOR_END =
  /(?:[,;:(&/\-–]|\b(?:and|or|the|to|of|for|with|by|in|a|an|on|from|at|as|into|across|while|which|that))$/i;

function classify(line: ResumeLine, previous: LineKind | null, previousText: string): LineKind {
  if (line.bullet) return 'bullet';
  const hasDate = findDateRange(line.raw) !== null;
  const afterContent = previous === 'bullet' || previous === 'prose' || previous === 'continuation';
  if (afterContent && !hasDate && (/^\p{Ll}/u.test(line.text) || CONNECTOR_END.test(previousText)))
    return 'continuation';
  const n = words(line.text).length;
  if (hasDate) return 'header';
  // A long line cut mid-sentence by the extractor, continued on a line that starts with a capital ("Kafka …").
  const wrapped = afterContent && previousText.length >= 70 && !/[.!?]$/.test(previousText);
  if (wrapped && !hasTitleWord(line.text) && !hasOrgSuffix(line.text)) return 'continuation';
  if (n > 14 || (/[.!]$/.test(line.text) && n > 6 && !hasTitleWord(line.text))) return 'prose';
  return 'header';
}

function emptyRole(headerLines: string[]): ResumeRole {
  const header = parseRoleHeader(headerLines);
  return {
    title: header.title,
    organisation: header.organisation,
    start: header.dates?.start ?? null,
    end: header.dates?.end ?? null,
    current: header.dates?.current ?? false,
    bullets: [],
  };
}

/** Header lines of consecutive roles without bullets in between: a second dated line starts a new role. */
function groupHeaders(lines: string[]): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let dated = false;
  for (const line of lines) {
    const hasDate = findDateRange(line) !== null;
    const startsRole =
      group.length >= 3 || (dated && hasDate && (hasTitleWord(line) || hasOrgSuffix(line) || group.length >= 2));
    if (group.length > 0 && startsRole) {
      groups.push(group);
      group = [];
      dated = false;
    }
    group.push(line);
    dated ||= hasDate;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

export function parseExperience(lines: ResumeLine[]): ExperienceResult {
  const roles: ResumeRole[] = [];
  const looseBullets: string[] = [];
  let pending: string[] = [];
  let current: ResumeRole | null = null;
  let previous: LineKind | null = null;
  let previousText = '';

  const flushHeaders = () => {
    if (pending.length === 0) return;
    for (const group of groupHeaders(pending)) {
      current = emptyRole(group);
      roles.push(current);
    }
    pending = [];
  };
  const target = (): string[] => (current ? current.bullets : looseBullets);

  for (const line of lines) {
    const kind = classify(line, previous, previousText);
    if (kind === 'header') {
      pending.push(line.raw);
    } else if (kind === 'continuation') {
      const list = target();
      if (list.length > 0)
        list[list.length - 1] = `${list[list.length - 1]} ${line.text}`.replace(/(\w)- (\w)/, '$1$2');
      else list.push(line.text);
    } else {
      flushHeaders();
      if (kind === 'bullet') target().push(line.text);
      else target().push(...sentences(line.text));
    }
    previous = kind;
    previousText = kind === 'header' ? line.text : (target()[target().length - 1] ?? line.text);
  }
  flushHeaders();
  return { roles: roles.filter((r) => r.title || r.organisation || r.bullets.length > 0), looseBullets };
}
