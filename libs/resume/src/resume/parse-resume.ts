/**
 * parseResume: a résumé's plain text (as extracted from PDF, DOCX, Markdown or text) → a profile of
 * roles, skills, projects and the claims worth asking about. Offline and deterministic (given `asOf`).
 */
import type {
  ParseResumeOptions,
  ResumeClaim,
  ResumeProfile,
  ResumeRole,
  SuggestedLevel,
  SuggestedRole,
} from '../types';
import { SkillLexicon } from '../lexicon/skill-lexicon.matcher';
import { extractClaim, type ClaimContext } from '../claims/claim.parser';
import { sentences, squash, words } from '../text/normalise-text.util';
import { currentMonth, yearsCovered } from './date-range.parser';
import { parseExperience } from './experience.parser';
import { findEmail, parseHeader } from './resume-header.parser';
import { parseProjects } from './projects.parser';
import { splitSections, type ResumeSection, type SectionKind } from './resume-sections.parser';

const SENIOR_TITLE =
  /(?<![\p{L}])(?:senior|sr\.?|staff|lead|principal|head of|architect|leitender?|senior-|シニア)(?![\p{L}])/iu;
const FULLSTACK_WORDS = /full[\s-]?stack/i;
const BACKEND_WORDS =
  /back[\s-]?end|platform|infrastructure|server[\s-]side|\bsre\b|site reliability|\bapi\b|data engineer/i;

function linesOf(sections: ResumeSection[], kind: SectionKind): ResumeSection['lines'] {
  return sections.filter((s) => s.kind === kind).flatMap((s) => s.lines);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function claimsFrom(texts: string[], context: ClaimContext, lexicon: SkillLexicon): ResumeClaim[] {
  const out: ResumeClaim[] = [];
  for (const text of texts) {
    const parts = sentences(text);
    for (const sentence of parts.length > 1 ? parts : [text]) {
      const claim = extractClaim(sentence, context, lexicon);
      if (claim) out.push(claim);
    }
  }
  return out;
}

function suggestRole(skills: string[], lexicon: SkillLexicon, titles: string[]): SuggestedRole | null {
  const stated = titles.find((t) => FULLSTACK_WORDS.test(t) || BACKEND_WORDS.test(t));
  if (stated) return FULLSTACK_WORDS.test(stated) ? 'fullstack' : 'backend';
  const entries = skills.map((s) => lexicon.entry(s)).filter((e) => e !== undefined);
  const frameworks = entries.filter((e) => e.family === 'frontend-framework').length;
  const frontend = entries.filter((e) => e.area === 'frontend').length;
  const backend = entries.filter((e) => ['backend', 'language', 'datastore', 'messaging'].includes(e.area)).length;
  if ((frameworks >= 1 || frontend >= 2) && backend >= 1) return 'fullstack';
  if (backend >= 1) return 'backend';
  return frontend >= 1 ? 'fullstack' : null;
}

function suggestLevel(years: number | null, titles: string[], roles: ResumeRole[]): SuggestedLevel | null {
  if ((years !== null && years >= 5) || titles.some((t) => SENIOR_TITLE.test(t))) return 'senior';
  return roles.length > 0 || years !== null ? 'mid' : null;
}

function warningsFor(profile: Omit<ResumeProfile, 'warnings'>, hasExperience: boolean): string[] {
  const warnings: string[] = [];
  if (!profile.name) warnings.push('No name found at the top of the résumé.');
  if (!hasExperience) warnings.push('No experience section found; roles may be missing.');
  if (profile.roles.length > 0 && profile.roles.every((r) => !r.start))
    warnings.push('No dates found on any role; years of experience unknown.');
  else
    for (const r of profile.roles) if (!r.start) warnings.push(`No dates for the role "${r.title || r.organisation}".`);
  for (const r of profile.roles)
    if (!r.title)
      warnings.push(`Could not tell the job title of a role at ${r.organisation ?? 'an unnamed organisation'}.`);
  if (profile.skills.length === 0) warnings.push('No known skills found.');
  if (profile.claims.length === 0) warnings.push('No claims with a measurable outcome or clear ownership found.');
  return warnings;
}

export function parseResume(text: string, options: ParseResumeOptions = {}): ResumeProfile {
  const lexicon = SkillLexicon.default();
  const sections = splitSections(text);
  const headerLines = sections[0].lines;
  const allLines = sections.flatMap((s) => s.lines);

  const header = parseHeader((headerLines.length > 0 ? headerLines : allLines).map((l) => l.raw));
  const summaryText = squash(
    linesOf(sections, 'summary')
      .map((l) => l.text)
      .join(' '),
  );
  const firstSummarySentence = sentences(summaryText)[0];
  const headline =
    header.headline ?? (firstSummarySentence && words(firstSummarySentence).length <= 25 ? firstSummarySentence : null);

  const experienceLines = linesOf(sections, 'experience');
  const hasExperience = experienceLines.length > 0;
  const { roles, looseBullets } = parseExperience(hasExperience ? experienceLines : headerLines.slice(2));

  const { projects, sentences: projectSentences } = parseProjects(linesOf(sections, 'projects'), lexicon);

  const listText = [headline ?? '', ...linesOf(sections, 'skills').map((l) => l.text)].join('\n');
  const proseText = [
    summaryText,
    ...roles.flatMap((r) => [r.title, ...r.bullets]),
    ...looseBullets,
    ...projects.map((p) => `${p.name}. ${p.description}`),
    ...linesOf(sections, 'certifications').map((l) => l.text),
  ].join('\n');
  const skills = unique([...lexicon.find(listText, { list: true }), ...lexicon.find(proseText)]);

  const claims = [
    ...roles.flatMap((r) =>
      claimsFrom(r.bullets, { organisation: r.organisation, roleTitle: r.title || null }, lexicon),
    ),
    ...claimsFrom([...looseBullets, ...projectSentences], { organisation: null, roleTitle: null }, lexicon),
    ...claimsFrom(sentences(summaryText), { organisation: null, roleTitle: null }, lexicon),
  ].filter((c, i, all) => all.findIndex((d) => d.id === c.id) === i);

  const yearsOfExperience = yearsCovered(roles, options.asOf ?? currentMonth());
  const titles = [headline ?? '', ...roles.map((r) => r.title)].filter(Boolean);
  const profile = {
    name: header.name,
    headline,
    email: findEmail(text),
    roles,
    skills,
    projects,
    claims,
    yearsOfExperience,
    suggestedRole: suggestRole(skills, lexicon, [headline ?? '', roles[0]?.title ?? ''].filter(Boolean)),
    suggestedLevel: suggestLevel(yearsOfExperience, titles, roles),
  };
  return { ...profile, warnings: warningsFor(profile, hasExperience) };
}
