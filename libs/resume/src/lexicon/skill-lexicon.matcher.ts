/**
 * The skills lexicon: the question bank's key terms (normalised) plus common technologies with
 * their aliases, matched with word boundaries and case rules that keep English words out.
 */
import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { escapeRegExp } from '../text/normalise-text.util';
import { CONCEPT_AREAS, CONCEPT_FAMILIES, FRONTEND_CONCEPTS, GENERIC_BANK_TERMS } from './bank-terms.data';
import { TECH_LEXICON, type SkillArea, type SkillGuard, type TechEntry } from './tech-lexicon.data';

export interface SkillEntry {
  /** Canonical name. */
  name: string;
  area: SkillArea;
  family: string | null;
  source: 'tech' | 'bank' | 'both';
  /** Every spelling it is found by (exact-case ones without their "=" mark). */
  aliases: string[];
}

export interface SkillMention {
  name: string;
  index: number;
  length: number;
}

export interface FindSkillsOptions {
  /**
   * The text is a list (a skills section, a headline): an item that is exactly a skill's name counts
   * in any case ("go, python"); in prose the case rules and guards apply.
   */
  list?: boolean;
}

interface AliasMatcher {
  entry: SkillEntry;
  alias: string;
  exact: boolean;
  re: RegExp;
  /** Lower-case text that must occur for the regex to have a chance (a cheap filter). */
  needle: string;
  guard: SkillGuard | undefined;
}

/** Merge key for spellings: case, hyphens, spacing and a final plural "s" do not matter. */
export function lexiconKey(term: string): string {
  const key = term
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\(\)$/, '')
    .replace(/[-_\s]+/g, ' ')
    .trim();
  return key.replace(/([a-z]{3,}[^s])s$/, '$1');
}

const ACRONYM = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9][A-Za-z0-9&/+]{1,7}$/;

/** "Change Data Capture (CDC)" → name + alias; "CVSS (Common …)" → the acronym named; "(Redis)" dropped. */
export function splitBankTerm(raw: string): { name: string; aliases: string[] } {
  const term = raw.trim().replace(/\(\)$/, '');
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(term);
  if (!m) return { name: term, aliases: [] };
  const [, head, inner] = m;
  const acronymInner = inner.replace(/s$/, '');
  if (ACRONYM.test(inner) || ACRONYM.test(acronymInner)) {
    const aliases = [inner, acronymInner].filter((a, i, all) => a.length > 2 && all.indexOf(a) === i);
    return { name: head, aliases };
  }
  if (ACRONYM.test(head) && !inner.includes(',')) return { name: head, aliases: [inner] };
  return { name: head, aliases: [] };
}

/** Words that, right after an ambiguous name, say it is the technology ("Go services", "Spring Boot"). */
const TECH_CONTEXT_NEXT =
  /^(?:\s*[,/|&+()]|\s*$|\s+v?\d+(?:\.\d+)+\b|\s+(?:and|or)\s+\p{Lu}|\s+(?:micro)?services?\b|\s+(?:backend|back-end|api|apis|sdk|code|codebase|modules?|librar(?:y|ies)|developers?|engineers?|engineering|programming|language|runtime|apps?|applications?|servers?|workers?|binar(?:y|ies)|tooling|cli|concurrency|stack|frameworks?|projects?|monolith|clients?|rewrite|port|boot|mvc|cloud|web|charts?|jobs?|pipelines?|tasks?|consumers?|producers?|handlers?|functions?|endpoints?|clusters?|quer(?:y|ies)|tests?|suites?|components?|ui|native|ios|android|generics|templates|migrations|scripts?|plugins?|middleware|controllers?|on rails|expertise|experience)\b)/iu;

/** A following hyphen usually makes a different word ("go-to", "spring-loaded"), except these suffixes. */
const HYPHEN_SUFFIX =
  /^-(?:based|powered|backed|driven|native|first|heavy|centric|compatible|like|style|specific|only|friendly)\b/i;

function atSentenceStart(before: string): boolean {
  return /(?:^\s*|[.!?;:•▪*–—\n]\s*|^\s*(?:[-–—*•▪]|\d+[.)])\s*)$/u.test(before);
}

function passesGuard(guard: SkillGuard | undefined, before: string, after: string): boolean {
  if (!guard) return true;
  if (guard.blockNext?.test(after)) return false;
  if (guard.blockPrev?.test(before)) return false;
  if (after.startsWith('-') && !HYPHEN_SUFFIX.test(after)) return false;
  // A capitalised word after it makes a proper name ("Express Logistics Ltd"), unless it is technical.
  if (/^\s+\p{Lu}\p{Ll}/u.test(after) && !TECH_CONTEXT_NEXT.test(after)) return false;
  if (guard.needsContextAtStart && atSentenceStart(before) && !TECH_CONTEXT_NEXT.test(after)) return false;
  return true;
}

function isAutoExact(alias: string): boolean {
  return /^[A-Z0-9]{2,5}$/.test(alias) && /[A-Z]/.test(alias);
}

function aliasPattern(alias: string, exact: boolean, plural: boolean): RegExp {
  let body = escapeRegExp(alias).replace(/(?<=[\p{L}\p{N}])(?:\\-|\s)+(?=[\p{L}\p{N}])/gu, '[\\s\\-]+');
  if (plural)
    body = /[a-rt-z]s$/i.test(alias) ? `${body.slice(0, -1)}s?` : /\p{L}$/u.test(alias) ? `${body}(?:s|es)?` : body;
  const start = /^[\p{L}\p{N}]/u.test(alias) ? '(?<![\\p{L}\\p{N}_@])' : '(?<![\\p{L}\\p{N}_])';
  const end = '(?![\\p{L}\\p{N}_]|\\.[\\p{L}\\p{N}]|\\+\\+|#)';
  return new RegExp(`${start}${body}${end}`, exact ? 'gu' : 'giu');
}

function needleOf(alias: string): string {
  const first = alias.toLowerCase().split(/[\s\-]+/)[0];
  return first.length > 4 ? first.slice(0, 4) : first;
}

export class SkillLexicon {
  private static cached: SkillLexicon | undefined;

  /** The lexicon over the loaded question bank, built once. */
  static default(): SkillLexicon {
    SkillLexicon.cached ??= SkillLexicon.build(listBankQuestions());
    return SkillLexicon.cached;
  }

  static build(questions: readonly Pick<Question, 'keyTerms'>[]): SkillLexicon {
    return new SkillLexicon(
      TECH_LEXICON,
      questions.flatMap((q) => q.keyTerms),
    );
  }

  private readonly entries: SkillEntry[] = [];
  private readonly byKey = new Map<string, SkillEntry>();
  private readonly byName = new Map<string, SkillEntry>();
  private readonly matchers: AliasMatcher[] = [];

  private constructor(tech: readonly TechEntry[], bankTerms: readonly string[]) {
    const guards = new Map<SkillEntry, SkillGuard | undefined>();
    const exactNames = new Set<SkillEntry>();
    for (const t of tech) {
      const entry: SkillEntry = { name: t.name, area: t.area, family: t.family ?? null, source: 'tech', aliases: [] };
      this.addEntry(entry, [t.exactName ? `=${t.name}` : t.name, ...(t.aliases ?? [])]);
      guards.set(entry, t.guard);
      if (t.exactName) exactNames.add(entry);
    }
    this.addBankTerms(bankTerms);
    for (const entry of this.entries) this.compile(entry, guards.get(entry), exactNames.has(entry));
  }

  get size(): number {
    return this.entries.length;
  }

  /** All entries, in a stable order. */
  list(): readonly SkillEntry[] {
    return this.entries;
  }

  entry(name: string): SkillEntry | undefined {
    return this.byName.get(name) ?? this.byKey.get(lexiconKey(name));
  }

  /** The canonical name a term is a spelling of ("Postgres" → "PostgreSQL"), or undefined. */
  canonical(term: string): string | undefined {
    const direct = this.byKey.get(lexiconKey(term));
    if (direct) return direct.name;
    const split = splitBankTerm(term);
    return this.byKey.get(lexiconKey(split.name))?.name;
  }

  /** Every mention of a skill, in text order (overlapping names each count: "Redis Pub/Sub" is also Redis). */
  mentions(text: string, options: FindSkillsOptions = {}): SkillMention[] {
    const out: SkillMention[] = [];
    const lower = text.toLowerCase();
    for (const m of this.matchers) {
      if (!lower.includes(m.needle)) continue;
      m.re.lastIndex = 0;
      for (let hit = m.re.exec(text); hit; hit = m.re.exec(text)) {
        const before = text.slice(Math.max(0, hit.index - 40), hit.index);
        const after = text.slice(hit.index + hit[0].length, hit.index + hit[0].length + 40);
        if (passesGuard(m.guard, before, after))
          out.push({ name: m.entry.name, index: hit.index, length: hit[0].length });
      }
    }
    if (options.list) out.push(...this.listItems(text));
    return dedupeMentions(out);
  }

  /** Canonical names found, in order of first mention. */
  find(text: string, options: FindSkillsOptions = {}): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const m of this.mentions(text, options)) {
      if (!seen.has(m.name)) {
        seen.add(m.name);
        out.push(m.name);
      }
    }
    return out;
  }

  /** Items of a list line that are exactly a skill's spelling, whatever their case. */
  private listItems(text: string): SkillMention[] {
    const out: SkillMention[] = [];
    const re = /[^,;|•·▪\n]+?(?=\s+\/\s+|[,;|•·▪\n]|$)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const raw = m[0];
      const item = raw
        .replace(/^[\s/]+/, '')
        .replace(/^[^:]{1,40}:\s*/, '')
        .replace(/\([^)]*\)/g, '')
        .replace(/^\s*(?:and|&)\s+/i, '')
        .replace(/[.\s]+$/, '')
        .trim();
      if (!item || item.split(/\s+/).length > 4) continue;
      const entry = this.byKey.get(lexiconKey(item));
      if (entry) out.push({ name: entry.name, index: m.index + raw.indexOf(item), length: item.length });
    }
    return out;
  }

  private addEntry(entry: SkillEntry, spellings: readonly string[]): void {
    this.entries.push(entry);
    this.byName.set(entry.name, entry);
    for (const s of spellings) this.addSpelling(entry, s);
  }

  private addSpelling(entry: SkillEntry, spelling: string): boolean {
    const key = lexiconKey(spelling.replace(/^=/, ''));
    if (key.length < 2 || this.byKey.has(key)) return false;
    this.byKey.set(key, entry);
    entry.aliases.push(spelling);
    return true;
  }

  private addBankTerms(terms: readonly string[]): void {
    const generic = new Set(GENERIC_BANK_TERMS.map(lexiconKey));
    const frontend = new Set(FRONTEND_CONCEPTS.map(lexiconKey));
    const families = new Map<string, string>();
    for (const [family, names] of Object.entries(CONCEPT_FAMILIES))
      for (const n of names) families.set(lexiconKey(n), family);
    const areas = new Map(Object.entries(CONCEPT_AREAS).map(([n, a]) => [lexiconKey(n), a]));

    for (const raw of terms) {
      const { name, aliases } = splitBankTerm(raw);
      const key = lexiconKey(name);
      if (generic.has(key) || name.length < 3) continue;
      const existing = [name, ...aliases].map((s) => this.byKey.get(lexiconKey(s))).find((e) => e !== undefined);
      if (existing) {
        if (existing.source === 'tech') existing.source = 'both';
        for (const a of aliases) if (!generic.has(lexiconKey(a))) this.addSpelling(existing, a);
        continue;
      }
      const area = frontend.has(key) ? 'frontend' : (areas.get(key) ?? 'concept');
      const entry: SkillEntry = { name, area, family: families.get(key) ?? null, source: 'bank', aliases: [] };
      this.addEntry(entry, [name, ...aliases.filter((a) => !generic.has(lexiconKey(a)))]);
    }
  }

  private compile(entry: SkillEntry, guard: SkillGuard | undefined, exactName: boolean): void {
    for (const spelling of entry.aliases) {
      const marked = spelling.startsWith('=');
      const alias = spelling.replace(/^=/, '');
      const exact = marked || isAutoExact(alias) || (exactName && alias === entry.name);
      const plural = !exact && entry.source === 'bank';
      this.matchers.push({
        entry,
        alias,
        exact,
        re: aliasPattern(alias, exact, plural),
        needle: needleOf(alias),
        guard,
      });
    }
    entry.aliases = entry.aliases.map((a) => a.replace(/^=/, ''));
  }
}

/** One mention per skill and place: several spellings can hit the same words ("Apache Kafka", "Kafka"). */
function dedupeMentions(mentions: SkillMention[]): SkillMention[] {
  const endOf = new Map<string, number>();
  return mentions
    .sort((a, b) => a.index - b.index || b.length - a.length || a.name.localeCompare(b.name))
    .filter((m) => {
      if (m.index < (endOf.get(m.name) ?? -1)) return false;
      endOf.set(m.name, m.index + m.length);
      return true;
    });
}

/** Every question in the loaded bank (the bank pages its listing). */
export function listBankQuestions(bank: QuestionBank = QuestionBank.load()): Question[] {
  const out: Question[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = bank.list({ limit: 100, offset });
    for (const s of page.items) {
      const q = bank.get(s.id);
      if (q) out.push(q);
    }
    if (offset + page.items.length >= page.total || page.items.length === 0) return out;
  }
}
