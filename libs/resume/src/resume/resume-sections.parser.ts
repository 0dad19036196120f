/**
 * Splits a résumé into sections by its headings ("EXPERIENCE", "## Work history", "Skills:",
 * "Berufserfahrung") and its lines into bullets and plain lines.
 */
import { normaliseText, squash, stripMarkup } from '../text/normalise-text.util';

export type SectionKind =
  'header' | 'summary' | 'experience' | 'education' | 'skills' | 'projects' | 'certifications' | 'other';

export interface ResumeLine {
  /** Markup stripped, bullet marker removed, spacing squashed. */
  text: string;
  /** As extracted, bullet marker and wide gaps kept (gaps separate fields on one line). */
  raw: string;
  bullet: boolean;
}

export interface ResumeSection {
  kind: SectionKind;
  heading: string | null;
  lines: ResumeLine[];
}

const HEADINGS: Record<Exclude<SectionKind, 'header'>, string[]> = {
  summary: [
    'summary',
    'professional summary',
    'career summary',
    'executive summary',
    'profile',
    'professional profile',
    'personal profile',
    'about',
    'about me',
    'objective',
    'career objective',
    'overview',
    'introduction',
    'personal statement',
    'profil',
    'zusammenfassung',
    'über mich',
    'à propos',
    'resumen',
    'perfil',
    '自己紹介',
  ],
  experience: [
    'experience',
    'experiences',
    'work experience',
    'professional experience',
    'relevant experience',
    'employment',
    'employment history',
    'work history',
    'career history',
    'career',
    'professional background',
    'work',
    'positions',
    'berufserfahrung',
    'berufliche erfahrung',
    'expérience',
    'expérience professionnelle',
    'expériences professionnelles',
    'experiencia',
    'experiencia laboral',
    'experiencia profesional',
    '職歴',
    '職務経歴',
    '経歴',
  ],
  education: [
    'education',
    'education and training',
    'academic background',
    'academic history',
    'qualifications',
    'degrees',
    'ausbildung',
    'bildung',
    'studium',
    'formation',
    'formations',
    'éducation',
    'educación',
    'formación',
    '学歴',
  ],
  skills: [
    'skills',
    'technical skills',
    'core skills',
    'key skills',
    'skills and tools',
    'skills and technologies',
    'technologies',
    'technology',
    'tech stack',
    'technical stack',
    'stack',
    'tools',
    'tools and technologies',
    'technologies and tools',
    'competencies',
    'core competencies',
    'technical competencies',
    'expertise',
    'areas of expertise',
    'technical expertise',
    'languages',
    'programming languages',
    'languages and frameworks',
    'frameworks',
    'kenntnisse',
    'fähigkeiten',
    'technische kenntnisse',
    'kompetenzen',
    'compétences',
    'compétences techniques',
    'habilidades',
    'conocimientos',
    'スキル',
    '技術スタック',
  ],
  projects: [
    'projects',
    'personal projects',
    'side projects',
    'selected projects',
    'key projects',
    'notable projects',
    'open source',
    'open source contributions',
    'open source projects',
    'projekte',
    'projets',
    'proyectos',
    'プロジェクト',
  ],
  certifications: [
    'certifications',
    'certificates',
    'certification',
    'licenses and certifications',
    'licences and certifications',
    'awards',
    'honors',
    'honours',
    'achievements',
    'awards and achievements',
    'publications',
    'talks',
    'talks and publications',
    'zertifikate',
    'zertifizierungen',
  ],
  other: [
    'interests',
    'hobbies',
    'volunteering',
    'volunteer experience',
    'references',
    'contact',
    'contact details',
    'contact information',
    'personal details',
    'personal information',
    'links',
    'spoken languages',
    'sprachen',
    'langues',
    'idiomas',
  ],
};

const HEADING_KIND = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(HEADINGS)) for (const n of names) HEADING_KIND.set(n, kind as SectionKind);

/** Sections whose heading may share its line with content ("Skills: Go, Python"). */
const INLINE_KINDS = new Set<SectionKind>(['skills', 'summary']);

const BULLET = /^\s*(?:[•◦▪▫‣⁃●○■□➢➤►✓✔❖◆◇→·](?=\s|\S)|[-–—*+](?=\s|\p{Lu})|\d{1,2}[.)](?=\s)|\(\d{1,2}\)(?=\s))\s*/u;

function headingKey(text: string): string {
  return squash(
    stripMarkup(text)
      .replace(/^\s*(?:\d+[.)]|[IVX]+\.)\s+/, '')
      .replace(/[:：|=_\-–—*#]+\s*$/u, '')
      .replace(/^[=_\-–—*#]+\s*/u, '')
      .replace(/\s*\([^)]*\)\s*$/, '')
      .replace(/\s*&\s*/g, ' and ')
      .replace(/\s*\/\s*/g, ' and '),
  ).toLowerCase();
}

/** The section a line heads, with any content that follows the heading on the same line. */
export function headingOf(line: string): { kind: SectionKind; rest: string | null } | null {
  const trimmed = line.trim();
  if (!trimmed || trimmed.split(/\s+/).length > 6) {
    const inline = /^([^:：]{2,40})[:：]\s*(.+)$/u.exec(trimmed);
    if (!inline) return null;
    const kind = HEADING_KIND.get(headingKey(inline[1]));
    return kind && INLINE_KINDS.has(kind) ? { kind, rest: inline[2] } : null;
  }
  const kind = HEADING_KIND.get(headingKey(trimmed));
  if (kind) return { kind, rest: null };
  const inline = /^([^:：]{2,40})[:：]\s*(.+)$/u.exec(trimmed);
  if (inline) {
    const inlineKind = HEADING_KIND.get(headingKey(inline[1]));
    if (inlineKind && INLINE_KINDS.has(inlineKind)) return { kind: inlineKind, rest: inline[2] };
  }
  return null;
}

/** "*Jan 2020 – Present*" is emphasis, not a bullet. */
const EMPHASIS_WRAPPED = /^\s*([*_]{1,2})\S.*\S\1\s*$/;

export function toLine(raw: string): ResumeLine {
  const bulletMatch = EMPHASIS_WRAPPED.test(raw) ? null : BULLET.exec(raw);
  const body = bulletMatch ? raw.slice(bulletMatch[0].length) : raw;
  return { raw, text: squash(stripMarkup(body)), bullet: bulletMatch !== null };
}

/** Lines made only of rule characters (Markdown underlines, separators). */
function isRule(line: string): boolean {
  return /^\s*[-=_*~–—•·]{3,}\s*$/u.test(line);
}

export function splitSections(text: string): ResumeSection[] {
  const sections: ResumeSection[] = [{ kind: 'header', heading: null, lines: [] }];
  for (const raw of normaliseText(text).split('\n')) {
    if (!raw.trim() || isRule(raw)) continue;
    const heading = toLine(raw).bullet && !/^\s*#/.test(raw) ? null : headingOf(raw);
    // "Stack: Go, Kafka" inside a role or project is part of it, not a new section.
    const current = sections[sections.length - 1].kind;
    if (heading?.rest && (current === 'experience' || current === 'projects')) {
      sections[sections.length - 1].lines.push(toLine(raw));
      continue;
    }
    if (heading) {
      sections.push({ kind: heading.kind, heading: squash(stripMarkup(raw)), lines: [] });
      if (heading.rest) sections[sections.length - 1].lines.push(toLine(heading.rest));
      continue;
    }
    const line = toLine(raw);
    if (line.text) sections[sections.length - 1].lines.push(line);
  }
  return sections;
}
