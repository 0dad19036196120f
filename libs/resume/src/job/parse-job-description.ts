/**
 * parseJobDescription: a pasted job posting → its title, role, level, the skills it asks for
 * (weighted by how much it stresses them) and its themes.
 */
import type { JobProfile, SuggestedLevel, SuggestedRole } from '../types';
import { SkillLexicon } from '../lexicon/skill-lexicon.matcher';
import { normaliseText, squash, stripMarkup, words } from '../text/normalise-text.util';
import { countThemes } from './job-themes.data';

type SectionWeight = 'required' | 'duties' | 'nice' | 'about' | 'perks' | 'intro';

/** How much a mention counts, by the part of the posting it is in. */
const SECTION_WEIGHT: Record<SectionWeight, number> = {
  required: 2,
  duties: 1.5,
  intro: 1,
  about: 0.75,
  nice: 0.5,
  perks: 0.25,
};
/** The title says what the job is: a skill in it counts as much as two requirement lines. */
const TITLE_WEIGHT = 4;
/** A theme needs at least this much weighted mention (one line of requirements, or two ordinary ones). */
const THEME_THRESHOLD = 1.5;

const NICE_LINE =
  /nice[- ]to[- ]have|\bbonus\b|\ba plus\b|\bpreferred\b|\bideally\b|familiarity with|exposure to|\bis a plus\b|\bnot required\b|\boptional\b/i;
const STRONG_LINE =
  /\bmust\b|\brequired\b|\bstrong\b|\bdeep\b|\bexpert\w*|\bextensive\b|\bproven\b|\bsolid\b|\bhands-on\b|\bin production\b/i;

const TITLE_LABEL = /^(?:job\s*title|title|role|position|job)\s*[:：]\s*(.+)$/i;
const FULLSTACK = /full[\s-]?stack/i;
const FRONTEND_TITLE = /front[\s-]?end|\bui engineer\b|\bweb developer\b/i;
const BACKEND_TITLE =
  /back[\s-]?end|\bplatform\b|\binfrastructure\b|\bapi\b|\bserver\b|\bdata engineer|\bsre\b|site reliability|\bdevops\b|distributed systems|\bpayments?\b/i;
const SENIOR = /(?<![\p{L}])(?:senior|sr\.?|staff|lead|principal)(?![\p{L}])/iu;
const MID =
  /(?<![\p{L}])(?:junior|jr\.?|mid(?:-level)?|intermediate|associate|graduate|entry[- ]level)(?![\p{L}])|\b(?:engineer|developer)\s+(?:II|2)\b/iu;

function sectionOf(heading: string): SectionWeight | null {
  const h = heading.toLowerCase();
  if (/\b(?:nice|bonus|pluses|plus|preferred|good to have|even better|extra credit)\b/.test(h)) return 'nice';
  if (/\b(?:benefits?|perks?|we offer|what we offer|compensation|salary|package)\b/.test(h)) return 'perks';
  if (
    /\babout (?:us|the company|[a-z]+)$|\bwho we are\b|\bour (?:company|mission|story)\b/.test(h) &&
    !/\babout (?:you|the role)\b/.test(h)
  )
    return 'about';
  if (
    /\b(?:requirements?|required|must|needs?|looking for|qualifications?|about you|you have|you bring|who you are|your profile|skills|experience|what you know)\b/.test(
      h,
    )
  )
    return 'required';
  if (/\b(?:do|responsibilit(?:y|ies)|the role|your role|day|you will|you'll|impact|stack|tech|work on)\b/.test(h))
    return 'duties';
  return null;
}

/** A heading line ("Requirements", "## What you'll do", "Nice to have:"), or null. */
function headingOf(line: string): { section: SectionWeight; rest: string } | null {
  if (/^\s*(?:[-*•▪–—+]|\d+[.)])\s/u.test(line)) return null;
  const text = squash(stripMarkup(line));
  const inline = /^([^:：]{3,40})[:：]\s*(.*)$/u.exec(text);
  const candidate = inline ? inline[1] : text;
  const looksLikeHeading =
    /^\s{0,3}#{1,6}\s/.test(line) || inline !== null || (words(candidate).length <= 6 && !/[.,;]$/.test(candidate));
  if (!looksLikeHeading || words(candidate).length > 6) return null;
  const section = sectionOf(candidate);
  if (!section) return null;
  return { section, rest: inline ? inline[2] : '' };
}

/** "Senior Backend Engineer (Payments) — Remote" → "Senior Backend Engineer (Payments)". */
function cleanTitle(text: string): string {
  const parts = squash(stripMarkup(text)).split(/\s+[|–—]\s+|\s+-\s+/u);
  const kept = [
    parts[0],
    ...parts.slice(1).filter((p) => !/^(?:remote|hybrid|on-?site|\(.*\)|full[- ]time|part[- ]time)$/i.test(p)),
  ];
  return kept.join(' – ').replace(/\s*\((?:remote|hybrid|on-?site)[^)]*\)\s*$/i, '');
}

function findTitle(lines: string[]): string | null {
  for (const line of lines) {
    const m = TITLE_LABEL.exec(squash(stripMarkup(line)));
    if (m) return cleanTitle(m[1]);
  }
  const first = lines.find((l) => l.trim().length > 0);
  if (!first) return null;
  const text = squash(stripMarkup(first));
  if (words(text).length > 12 || /[.!?]$/.test(text) || headingOf(first)) return null;
  return cleanTitle(text);
}

function findRole(
  title: string | null,
  text: string,
  skills: { name: string; weight: number }[],
  lexicon: SkillLexicon,
): SuggestedRole | null {
  if (title && FULLSTACK.test(title)) return 'fullstack';
  if (title && FRONTEND_TITLE.test(title)) return 'fullstack';
  if (title && BACKEND_TITLE.test(title)) return 'backend';
  if (FULLSTACK.test(text)) return 'fullstack';
  let frontend = 0;
  let backend = 0;
  for (const s of skills) {
    const area = lexicon.entry(s.name)?.area;
    if (area === 'frontend') frontend += s.weight;
    else if (area === 'backend' || area === 'language' || area === 'datastore' || area === 'messaging')
      backend += s.weight;
  }
  if (frontend > 0 && backend > 0 && frontend >= 0.3 * (frontend + backend)) return 'fullstack';
  if (backend > 0) return 'backend';
  return frontend > 0 ? 'fullstack' : null;
}

function findLevel(title: string | null, text: string): SuggestedLevel | null {
  if (title && SENIOR.test(title)) return 'senior';
  if (title && MID.test(title)) return 'mid';
  const years = [...text.matchAll(/(\d{1,2})\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*years?/gi)].map((m) =>
    Number(m[1]),
  );
  if (years.length > 0) return Math.max(...years) >= 5 ? 'senior' : 'mid';
  if (SENIOR.test(text)) return 'senior';
  return null;
}

/** Items separated by commas or slashes with few words each: read as a list (so "go" counts). */
function looksLikeList(line: string): boolean {
  const items = line.split(/[,;|•·]|\s\/\s/);
  return items.length >= 3 && items.reduce((n, i) => n + words(i).length, 0) / items.length <= 3;
}

export function parseJobDescription(text: string): JobProfile {
  const lexicon = SkillLexicon.default();
  const lines = normaliseText(text)
    .split('\n')
    .filter((l) => l.trim().length > 0);
  const title = findTitle(lines);

  const skillWeights = new Map<string, number>();
  const themeWeights = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, w: number) => map.set(key, (map.get(key) ?? 0) + w);

  let section: SectionWeight = 'intro';
  let titleSeen = false;
  let previousBullet = false;
  for (const raw of lines) {
    const plain = squash(stripMarkup(raw));
    const isTitle: boolean = !titleSeen && title !== null && (cleanTitle(plain) === title || TITLE_LABEL.test(plain));
    titleSeen ||= isTitle;
    const heading = isTitle ? null : headingOf(raw);
    // "Nice to have: AWS, dbt" weighs its own line; a heading alone on its line starts a section.
    if (heading && !heading.rest) section = heading.section;
    const body = heading ? heading.rest : plain;
    if (!body) continue;
    // A closing paragraph after a list ("We value well-tested code …") is no longer part of that list.
    const bullet = /^\s*(?:[-*•▪–—+]|\d+[.)])\s/u.test(raw);
    if (!heading && !isTitle && !bullet && previousBullet && words(body).length > 8) section = 'intro';
    previousBullet = bullet;
    let weight = isTitle ? TITLE_WEIGHT : SECTION_WEIGHT[heading ? heading.section : section];
    if (!isTitle && NICE_LINE.test(body)) weight = Math.min(weight, SECTION_WEIGHT.nice);
    else if (!isTitle && STRONG_LINE.test(body)) weight *= 1.25;
    for (const m of lexicon.mentions(body, { list: looksLikeList(body) })) add(skillWeights, m.name, weight);
    for (const [theme, n] of countThemes(body)) add(themeWeights, theme, n * Math.min(weight, 2));
  }

  const max = Math.max(0, ...skillWeights.values());
  const skills = [...skillWeights.entries()]
    .map(([name, w]) => ({ name, weight: Math.round((w / max) * 1000) / 1000 }))
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  const themes = [...themeWeights.entries()]
    .filter(([, w]) => w >= THEME_THRESHOLD)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id]) => id);
  const body = lines.join('\n');
  return { title, role: findRole(title, body, skills, lexicon), level: findLevel(title, body), skills, themes };
}
