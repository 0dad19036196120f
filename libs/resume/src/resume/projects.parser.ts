/**
 * Projects: a name line ("Mockroom — voice interview practice", "**Ledger**: …") followed by
 * description lines or bullets; or bullets that each name a project ("- Ledger: a double-entry …").
 */
import type { ResumeProject } from '../types';
import { sentences, squash, words } from '../text/normalise-text.util';
import type { SkillLexicon } from '../lexicon/skill-lexicon.matcher';
import type { ResumeLine } from './resume-sections.parser';

const NAME_SPLIT = /^(.{2,60}?)\s*(?:[:：]|\s[—–-]\s|\s\|\s)\s*(.+)$/u;

interface Draft {
  name: string;
  parts: string[];
}

function nameAndText(text: string): { name: string; text: string } | null {
  const m = NAME_SPLIT.exec(text);
  if (!m || words(m[1]).length > 6) return null;
  return { name: squash(m[1].replace(/\s*\((?:https?:\/\/)?[^)]*\)\s*$/, '')), text: m[2] };
}

function isNameLine(line: ResumeLine): boolean {
  return !line.bullet && words(line.text).length <= 8 && !/[.!?]$/.test(line.text);
}

/** The projects, and the sentences of their descriptions (where claims are looked for). */
export function parseProjects(
  lines: ResumeLine[],
  lexicon: SkillLexicon,
): { projects: ResumeProject[]; sentences: string[] } {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  for (const line of lines) {
    const named = nameAndText(line.text);
    if (!line.bullet && (named || isNameLine(line))) {
      current = named ? { name: named.name, parts: [named.text] } : { name: line.text, parts: [] };
      drafts.push(current);
      continue;
    }
    if (line.bullet && named && (!current || current.parts.length > 0)) {
      current = { name: named.name, parts: [named.text] };
      drafts.push(current);
      continue;
    }
    if (current) current.parts.push(line.text);
    else {
      current = { name: words(line.text).slice(0, 4).join(' '), parts: [line.text] };
      drafts.push(current);
    }
  }
  const projects = drafts.map((d) => {
    const description = squash(d.parts.join(' '));
    return { name: d.name, description, skills: lexicon.find(`${d.name}\n${description}`) };
  });
  return { projects, sentences: drafts.flatMap((d) => d.parts.flatMap(sentences)) };
}
