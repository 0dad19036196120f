/**
 * Title, organisation and dates of a role from its header line(s): "Senior Engineer, Acme Corp",
 * "Acme Corp — Backend Engineer", "Backend Engineer at Acme", or title and organisation on two lines.
 */
import { squash, stripMarkup } from '../text/normalise-text.util';
import { findDateRange, type DateRange } from './date-range.parser';

export interface RoleHeader {
  title: string;
  organisation: string | null;
  dates: DateRange | null;
}

const L = '\\p{L}';
const TITLE_WORDS = [
  'engineer',
  'engineers',
  'developer',
  'programmer',
  'architect',
  'lead',
  'manager',
  'director',
  'head',
  'cto',
  'ceo',
  'vp',
  'founder',
  'co-founder',
  'cofounder',
  'consultant',
  'intern',
  'internship',
  'sre',
  'devops',
  'analyst',
  'scientist',
  'specialist',
  'administrator',
  'designer',
  'principal',
  'staff',
  'officer',
  'researcher',
  'contractor',
  'freelance',
  'freelancer',
  'trainee',
  'apprentice',
  'werkstudent',
  'entwickler',
  'entwicklerin',
  'softwareentwickler',
  'softwareentwicklerin',
  'ingenieur',
  'ingenieurin',
  'ingénieur',
  'ingénieure',
  'développeur',
  'développeuse',
  'desarrollador',
  'desarrolladora',
  'ingeniero',
  'ingeniera',
  'jefe',
  'chef',
  'leiter',
  'leiterin',
  'stagiaire',
  'alternant',
];
export const TITLE_WORD = new RegExp(
  `(?<![${L}])(?:${TITLE_WORDS.join('|')})(?![${L}])|エンジニア|開発者|リード|マネージャー`,
  'iu',
);

const ORG_SUFFIXES = [
  'inc',
  'inc\\.',
  'ltd',
  'ltd\\.',
  'llc',
  'llp',
  'gmbh',
  'ag',
  'se',
  'kg',
  's\\.a\\.',
  'sa',
  'sas',
  'sarl',
  's\\.r\\.l\\.',
  'srl',
  'b\\.v\\.',
  'bv',
  'n\\.v\\.',
  'plc',
  'corp',
  'corp\\.',
  'corporation',
  'co\\.',
  'company',
  'group',
  'labs',
  'lab',
  'technologies',
  'systems',
  'software',
  'solutions',
  'bank',
  'university',
  'université',
  'universität',
  'oy',
  'ab',
  'as',
  'aps',
  'pty',
  'k\\.k\\.',
  'kk',
  'société',
  'studio',
  'studios',
  'agency',
  'consulting',
];
/** Legal forms and the like end a name ("Acme Software"), so "Software Engineer" is not an organisation. */
const ORG_SUFFIX = new RegExp(`(?<![${L}])(?:${ORG_SUFFIXES.join('|')})\\.?\\s*$`, 'iu');
/** Words that mark an organisation wherever they stand. */
const ORG_WORD =
  /株式会社|有限会社|合同会社|(?<![\p{L}])(?:gmbh|société|societe|bank of|banco|universit(?:y|é|ät)|inc\.|ltd\.|llc|plc|s\.a\.|ag)(?![\p{L}])/iu;

const COUNTRIES =
  'usa|us|uk|germany|deutschland|france|sweden|sverige|norway|denmark|finland|netherlands|spain|españa|italy|italia|portugal|poland|ireland|switzerland|austria|belgium|canada|india|japan|singapore|australia|brazil|mexico|israel|estonia|czechia|romania|ukraine|vietnam|china|korea|remote|worldwide|europe|emea';
const CITIES =
  'berlin|munich|münchen|hamburg|frankfurt|cologne|köln|london|manchester|edinburgh|dublin|paris|lyon|amsterdam|rotterdam|stockholm|göteborg|gothenburg|malmö|oslo|copenhagen|helsinki|zurich|zürich|geneva|vienna|wien|madrid|barcelona|lisbon|milan|rome|warsaw|kraków|krakow|prague|tallinn|new york|nyc|san francisco|sf|seattle|austin|boston|chicago|los angeles|toronto|vancouver|montreal|bangalore|bengaluru|tokyo|東京|osaka|singapore|sydney|melbourne|tel aviv|são paulo|hanoi|ho chi minh city';
const LOCATION = new RegExp(
  `^(?:(?:remote|hybrid|on-?site|onsite|worldwide|anywhere)(?:\\s*\\([^)]*\\))?|(?:${CITIES})|(?:${COUNTRIES})|[\\p{Lu}][${L}.' -]+,\\s*(?:[A-Z]{2}|${COUNTRIES}))$`,
  'iu',
);
const WORK_MODE =
  /\s*[(,]?\s*\b(?:remote|hybrid|on-?site|full[- ]time|part[- ]time|contract|freelance|internship)\b\s*\)?/gi;

export function isLocation(text: string): boolean {
  return LOCATION.test(text.trim());
}

export function hasTitleWord(text: string): boolean {
  return TITLE_WORD.test(text);
}

export function hasOrgSuffix(text: string): boolean {
  return ORG_SUFFIX.test(text.trim()) || ORG_WORD.test(text);
}

function cleanPart(text: string): string {
  return squash(text.replace(/^[\s,;:|·•\-–—(]+|[\s,;:|·•\-–—(]+$/gu, '').replace(/\(\s*\)/g, ''));
}

/** Fields on one line are separated by pipes, dots, tabs or wide gaps. */
function fields(line: string): string[] {
  return line
    .split(/\s{3,}|\s+[|·•]\s+|\s*\|\s*/u)
    .map(cleanPart)
    .filter((f) => f.length > 0);
}

/** One field holding both: "Senior Engineer, Acme", "Acme — Backend Engineer", "Engineer at Acme". */
function splitTitleAndOrg(text: string): { title: string; organisation: string | null } {
  const at = /^(.+?)\s+(?:at|@|chez|bei|en)\s+(.+)$/iu.exec(text);
  if (at && hasTitleWord(at[1])) return { title: cleanPart(at[1]), organisation: dropLocation(cleanPart(at[2])) };
  for (const sep of [/\s+[—–]\s+/u, /\s+-\s+/, /\s*,\s+/, /:\s+/]) {
    const m = sep.exec(text);
    if (!m) continue;
    const left = cleanPart(text.slice(0, m.index));
    const right = cleanPart(text.slice(m.index + m[0].length));
    if (!left || !right) continue;
    if (isLocation(right) && !hasTitleWord(right)) return splitTitleAndOrg(left);
    const leftTitle = hasTitleWord(left) && !hasOrgSuffix(left);
    const rightTitle = hasTitleWord(right) && !hasOrgSuffix(right);
    if (rightTitle && !leftTitle) return { title: right, organisation: dropLocation(left) };
    if (leftTitle || hasOrgSuffix(right)) return { title: left, organisation: dropLocation(right) };
    if (hasOrgSuffix(left)) return { title: right, organisation: left };
    return { title: left, organisation: dropLocation(right) };
  }
  if (hasTitleWord(text) && !hasOrgSuffix(text)) return { title: text, organisation: null };
  return { title: '', organisation: text };
}

/** "Acme Corp, Berlin" → "Acme Corp". */
function dropLocation(org: string): string {
  const parts = org.split(/\s*,\s*/);
  while (parts.length > 1 && isLocation(parts[parts.length - 1])) parts.pop();
  return parts.join(', ');
}

/** Title, organisation and dates from the header lines of one role (raw lines, markup allowed). */
export function parseRoleHeader(lines: string[]): RoleHeader {
  let dates: DateRange | null = null;
  const parts: string[] = [];
  for (const raw of lines) {
    let line = stripMarkup(raw);
    const found = findDateRange(line);
    if (found) {
      dates ??= found;
      line = `${line.slice(0, found.index)}   ${line.slice(found.index + found.length)}`;
    }
    line = line.replace(/\(\s*\)|\[\s*\]/g, ' ').replace(WORK_MODE, ' ');
    parts.push(...fields(line).filter((f) => !isLocation(f)));
  }
  if (parts.length === 0) return { title: '', organisation: null, dates };
  if (parts.length === 1) return { ...splitTitleAndOrg(parts[0]), dates };

  // Several fields: the title is the one with a title word; the organisation the first other one.
  const titleIndex = parts.findIndex((p) => hasTitleWord(p) && !hasOrgSuffix(p));
  if (titleIndex < 0) {
    const first = splitTitleAndOrg(parts[0]);
    if (first.title && first.organisation) return { ...first, dates };
    return { title: parts[1] && !hasOrgSuffix(parts[1]) ? parts[1] : '', organisation: parts[0], dates };
  }
  const inTitle = splitTitleAndOrg(parts[titleIndex]);
  if (inTitle.title && inTitle.organisation) return { ...inTitle, dates };
  const organisation = parts.find((p, i) => i !== titleIndex && !hasTitleWord(p)) ?? null;
  return { title: parts[titleIndex], organisation: organisation ? dropLocation(organisation) : null, dates };
}
