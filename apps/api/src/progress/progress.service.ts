import { Injectable } from '@nestjs/common';
import type { AnswerScores, Category, CategoryProgress, Progress, ProgressSession, User } from '@mockroom/contracts';
import { resolvePlanQuestion } from '@mockroom/server-interviews';
import { QuestionBank } from '@mockroom/question-bank';
import { InterviewRepository } from '@mockroom/server-database';
import { ratedAnswers } from '../reviews/rated-scores';
import { meanScores } from '../reviews/review-builder';

/** A candidate's progress: their scores across finished interviews, over time and by question category. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly repository: InterviewRepository,
    private readonly bank: QuestionBank,
  ) {}

  /** The candidate's scores across finished sessions: per session over time, and per question category. */
  async progress(user: User): Promise<Progress> {
    const finished = await this.repository.listFinishedWithAnswers(user.id);
    const sessions: ProgressSession[] = [];
    const byCategory = new Map<Category, { scores: AnswerScores[]; sessions: { at: number; overall: number[] }[] }>();
    for (const { interview, answers } of finished) {
      const rated = [...ratedAnswers(answers).values()];
      const scores = meanScores(rated.map((a) => a.assessment!.scores));
      if (!scores) continue;
      const at = interview.startedAt ?? interview.createdAt;
      sessions.push({
        id: interview.id,
        title: interview.plan.title,
        trackId: interview.plan.trackId,
        role: interview.plan.role,
        level: interview.plan.level,
        at: at.toISOString(),
        scores,
        answers: rated.length,
      });
      for (const answer of rated) {
        const category = resolvePlanQuestion(this.bank, interview.plan, answer.questionId)?.category;
        if (!category) continue;
        const entry = byCategory.get(category) ?? { scores: [], sessions: [] };
        const score = answer.assessment!.scores;
        entry.scores.push(score);
        const last = entry.sessions.at(-1);
        if (last?.at === at.getTime()) last.overall.push(score.overall);
        else entry.sessions.push({ at: at.getTime(), overall: [score.overall] });
        byCategory.set(category, entry);
      }
    }
    const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
    const categories: CategoryProgress[] = [...byCategory.entries()].map(([category, entry]) => ({
      category,
      answers: entry.scores.length,
      scores: meanScores(entry.scores)!,
      first: mean(entry.sessions[0].overall),
      last: mean(entry.sessions.at(-1)!.overall),
    }));
    categories.sort((a, b) => a.scores.overall - b.scores.overall || a.category.localeCompare(b.category));
    return { sessions, categories };
  }
}
