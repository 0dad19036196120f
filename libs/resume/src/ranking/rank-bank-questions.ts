/**
 * rankBankQuestions: orders bank questions for a job posting by how well their key terms, rubric and
 * text meet the posting's weighted skills and themes, how well they suit its role and level, and a
 * small category balance; each comes with reasons in plain words.
 */
import { CATEGORY_LABELS, type Category, type Question } from '@mockroom/contracts';
import type { JobProfile, RankBankQuestionsOptions, RankedQuestion, ResumeProfile } from '../types';
import { SkillLexicon } from '../lexicon/skill-lexicon.matcher';
import { THEME_LABELS, countThemes } from '../job/job-themes.data';

export const DEFAULT_RANK_LIMIT = 10;

/** Where a skill is named in a question, and how much that says about the question. */
const FIELD_WEIGHT = { keyTerm: 1, text: 1, context: 0.6, rubric: 0.6 } as const;
/** A related technology (RabbitMQ for a Kafka posting) counts for this share of the skill. */
const FAMILY_CREDIT = 0.35;
const THEME_FACTOR = 0.8;
const PROFILE_CREDIT = 0.15;
const BASE = 0.1;
const SATURATION = 3;
/** Each question already chosen from a category lowers the next one's score by this factor. */
const CATEGORY_DECAY = 0.8;

/** What a category is about before any phrase is counted. */
const CATEGORY_THEMES: Partial<Record<Category, Record<string, number>>> = {
  'reliability-operations': { 'on-call': 0.6, cloud: 0.2 },
  security: { security: 0.8 },
  'system-design': { scalability: 0.4, 'distributed-systems': 0.4 },
  architecture: { 'distributed-systems': 0.4 },
  performance: { scalability: 0.6 },
  'api-design': { apis: 0.8 },
  databases: { data: 0.7 },
  frontend: { frontend: 0.8 },
};

interface QuestionProfile {
  question: Question;
  skills: Map<string, number>;
  families: Map<string, { weight: number; name: string }>;
  themes: Map<string, number>;
  frontendHeavy: boolean;
}

interface Scored {
  question: Question;
  score: number;
  reasons: string[];
}

function describeQuestion(question: Question, lexicon: SkillLexicon): QuestionProfile {
  const skills = new Map<string, number>();
  const note = (name: string, w: number) => skills.set(name, Math.max(skills.get(name) ?? 0, w));
  for (const term of question.keyTerms) {
    const canonical = lexicon.canonical(term);
    if (canonical) note(canonical, FIELD_WEIGHT.keyTerm);
    for (const name of lexicon.find(term)) note(name, FIELD_WEIGHT.keyTerm * 0.8);
  }
  for (const name of lexicon.find(question.text)) note(name, FIELD_WEIGHT.text);
  for (const name of lexicon.find(question.context ?? '')) note(name, FIELD_WEIGHT.context);
  for (const name of lexicon.find(question.rubric.map((r) => r.text).join('\n'))) note(name, FIELD_WEIGHT.rubric);

  const families = new Map<string, { weight: number; name: string }>();
  for (const [name, w] of skills) {
    const family = lexicon.entry(name)?.family;
    if (family && (families.get(family)?.weight ?? 0) < w) families.set(family, { weight: w, name });
  }

  const themes = new Map<string, number>(Object.entries(CATEGORY_THEMES[question.category] ?? {}));
  const text = [
    question.text,
    question.keyTerms.join(', '),
    question.context ?? '',
    ...question.rubric.map((r) => r.text),
  ].join('\n');
  for (const [theme, n] of countThemes(text)) themes.set(theme, Math.min(1, (themes.get(theme) ?? 0) + 0.25 * n));

  const frontendSkills = [...skills].filter(([name, w]) => w >= 1 && lexicon.entry(name)?.area === 'frontend').length;
  const frontendHeavy =
    question.category === 'frontend' || frontendSkills >= 2 || (themes.get('frontend') ?? 0) >= 0.75;
  return { question, skills, families, themes, frontendHeavy };
}

function roleFit(q: QuestionProfile, role: JobProfile['role']): number {
  if (!role || q.question.role === role) return 1;
  if (role === 'fullstack') return 0.9; // a fullstack interview may use backend questions
  return q.frontendHeavy ? 0.3 : 0.8;
}

function levelFit(q: Question, level: JobProfile['level']): number {
  if (!level || q.levels.includes(level)) return 1;
  if (level === 'senior') return q.levels.includes('staff') ? 0.85 : 0.65;
  return 0.55;
}

/** "Kafka", "Kafka and on-call", "Kafka, Redis and on-call". */
function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function scoreQuestion(
  q: QuestionProfile,
  job: JobProfile,
  profile: ResumeProfile | undefined,
  lexicon: SkillLexicon,
): Scored {
  const contributions = new Map<string, number>();
  const related: string[] = [];
  // A family counts once, and only where the question names none of the posting's own skills in it.
  const familiesMet = new Set<string>();
  for (const skill of job.skills) {
    if (!q.skills.has(skill.name)) continue;
    contributions.set(skill.name, skill.weight * (q.skills.get(skill.name) as number));
    const family = lexicon.entry(skill.name)?.family;
    if (family) familiesMet.add(family);
  }
  for (const skill of job.skills) {
    const family = lexicon.entry(skill.name)?.family;
    const near = family && !familiesMet.has(family) ? q.families.get(family) : undefined;
    if (!family || !near || q.skills.has(skill.name)) continue;
    familiesMet.add(family);
    contributions.set(skill.name, FAMILY_CREDIT * skill.weight * near.weight);
    related.push(`${near.name}, close to ${skill.name}`);
  }
  job.themes.forEach((theme, i) => {
    const strength = q.themes.get(theme) ?? 0;
    if (strength > 0) contributions.set(THEME_LABELS[theme] ?? theme, (THEME_FACTOR * strength) / (1 + 0.5 * i));
  });
  const profileSkills = (profile?.skills ?? [])
    .filter((s) => (q.skills.get(s) ?? 0) >= FIELD_WEIGHT.rubric)
    .slice(0, 2);
  const raw = [...contributions.values()].reduce((a, b) => a + b, 0) + PROFILE_CREDIT * profileSkills.length;
  // Saturating, so a question with twenty key terms does not win on volume alone.
  const relevance = SATURATION * (1 - Math.exp(-raw / SATURATION));

  const role = job.role ?? profile?.suggestedRole ?? null;
  const level = job.level ?? profile?.suggestedLevel ?? null;
  const fitRole = roleFit(q, role);
  const fitLevel = levelFit(q.question, level);
  const score = (BASE + relevance) * fitRole * fitLevel;

  const top = [...contributions.entries()]
    .filter(([, c]) => c >= 0.05)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([name]) => name);
  const reasons: string[] = [];
  if (top.length > 0) reasons.push(`asked because the posting stresses ${listWords(top)}`);
  else reasons.push(`a general ${CATEGORY_LABELS[q.question.category].toLowerCase()} question for the role`);
  if (related.length > 0) reasons.push(`covers ${related.slice(0, 2).join('; ')}`);
  if (profileSkills.length > 0) reasons.push(`your résumé mentions ${listWords(profileSkills)}`);
  if (fitRole < 1 && role) reasons.push(`a ${q.question.role} question, for a ${role} role`);
  if (fitLevel < 1 && level) reasons.push(`written for ${listWords(q.question.levels)} level; the role is ${level}`);
  return { question: q.question, score, reasons };
}

const profileCache = new WeakMap<Question, QuestionProfile>();

export function rankBankQuestions(
  bank: readonly Question[],
  job: JobProfile,
  options: RankBankQuestionsOptions = {},
): RankedQuestion[] {
  const lexicon = SkillLexicon.default();
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_RANK_LIMIT));
  const pool = bank.map((q) => {
    let described = profileCache.get(q);
    if (!described) {
      described = describeQuestion(q, lexicon);
      profileCache.set(q, described);
    }
    return scoreQuestion(described, job, options.profile, lexicon);
  });

  // Greedy pick with a per-category decay, so the plan is not five questions of one kind.
  const picked: RankedQuestion[] = [];
  const perCategory = new Map<Category, number>();
  const remaining = [...pool];
  while (picked.length < limit && remaining.length > 0) {
    let best = -1;
    let bestScore = -Infinity;
    remaining.forEach((s, i) => {
      const adjusted = s.score * CATEGORY_DECAY ** (perCategory.get(s.question.category) ?? 0);
      if (adjusted > bestScore || (adjusted === bestScore && s.question.id < remaining[best].question.id)) {
        best = i;
        bestScore = adjusted;
      }
    });
    const [chosen] = remaining.splice(best, 1);
    perCategory.set(chosen.question.category, (perCategory.get(chosen.question.category) ?? 0) + 1);
    picked.push({
      questionId: chosen.question.id,
      score: Math.round(bestScore * 1000) / 1000,
      reasons: chosen.reasons,
    });
  }
  return picked;
}
