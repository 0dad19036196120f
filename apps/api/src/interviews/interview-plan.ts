import { BadRequestException } from '@nestjs/common';
import {
  ANSWER_SILENCE_DEFAULT_MS,
  CATEGORY_LABELS,
  CreateInterviewRequest,
  InterviewPlan,
  Level,
  Question,
  Role,
  VoiceSource,
} from '@mockroom/contracts';
import type { QuestionBank } from '@mockroom/question-bank';

const DEFAULT_QUESTION_COUNT = 5;
const ROLE_NAMES: Record<Role, string> = { fullstack: 'Fullstack', backend: 'Backend' };
const LEVEL_NAMES: Record<Level, string> = { mid: 'Mid', senior: 'Senior', staff: 'Staff' };

/**
 * Turns a request into the plan of an interview: the track's questions, the given ones, or a balanced pick
 * for the role and level (one category after another, so a five-question interview is not five design questions).
 */
export function planInterview(
  bank: QuestionBank,
  request: CreateInterviewRequest,
  defaultVoice: VoiceSource,
  random: () => number = Math.random,
): InterviewPlan {
  let questions: Question[];
  let role: Role;
  let level: Level;
  let title: string;
  let trackId: string | null = null;

  if (request.trackId) {
    const track = bank.track(request.trackId);
    if (!track) throw new BadRequestException(`No track with id "${request.trackId}".`);
    trackId = track.id;
    role = request.role ?? track.role;
    level = request.level ?? track.level;
    title = track.name;
    questions = track.questionIds.map((id) => bank.get(id)!);
  } else if (request.questionIds) {
    const missing = request.questionIds.filter((id) => !bank.get(id));
    if (missing.length) throw new BadRequestException(`Unknown question ids: ${missing.join(', ')}.`);
    questions = request.questionIds.map((id) => bank.get(id)!);
    role = request.role ?? questions[0].role;
    level = request.level ?? questions[0].levels[0];
    title = `${ROLE_NAMES[role]} ${LEVEL_NAMES[level]} practice`;
  } else {
    if (!request.role || !request.level) throw new BadRequestException('Choose a track, or a role and a level.');
    role = request.role;
    level = request.level;
    title = `${ROLE_NAMES[role]} ${LEVEL_NAMES[level]} interview`;
    questions = pickBalanced(
      bank,
      role,
      level,
      request.categories ?? [],
      request.questionCount ?? DEFAULT_QUESTION_COUNT,
      random,
    );
    if (!questions.length) {
      const categories = (request.categories ?? []).map((c) => CATEGORY_LABELS[c]).join(', ');
      throw new BadRequestException(
        `No questions for ${ROLE_NAMES[role]} at ${LEVEL_NAMES[level]} level${categories ? ` in ${categories}` : ''}.`,
      );
    }
  }
  if (request.questionCount && request.questionCount < questions.length)
    questions = questions.slice(0, request.questionCount);

  return {
    role,
    level,
    trackId,
    title,
    questionIds: questions.map((q) => q.id),
    maxFollowUps: request.maxFollowUps ?? 1,
    answerSilenceMs: request.answerSilenceMs ?? ANSWER_SILENCE_DEFAULT_MS,
    voice: request.voice ?? defaultVoice,
  };
}

function pickBalanced(
  bank: QuestionBank,
  role: Role,
  level: Level,
  categories: string[],
  count: number,
  random: () => number,
): Question[] {
  const pool = bank
    .list({ role, level, limit: 100 })
    .items.map((summary) => bank.get(summary.id)!)
    .filter((q) => !categories.length || categories.includes(q.category));
  const byCategory = new Map<string, Question[]>();
  for (const question of shuffle(pool, random))
    byCategory.set(question.category, [...(byCategory.get(question.category) ?? []), question]);
  const groups = shuffle([...byCategory.values()], random);
  const picked: Question[] = [];
  while (picked.length < count && groups.some((g) => g.length)) {
    for (const group of groups) {
      const next = group.shift();
      if (next && picked.length < count) picked.push(next);
    }
  }
  // Behavioral questions go last, as in a real loop.
  return [...picked.filter((q) => q.category !== 'behavioral'), ...picked.filter((q) => q.category === 'behavioral')];
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
