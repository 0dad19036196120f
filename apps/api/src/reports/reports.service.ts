import { Injectable } from '@nestjs/common';
import type { AgreementReport } from '@mockroom/contracts';
import { agreementReport, type ScoredPair } from '@mockroom/assessment';
import { QuestionBank } from '@mockroom/question-bank';
import { InterviewerFeedbackRepository, InterviewRepository } from '@mockroom/server-database';
import { ratedScores } from '../reviews/rated-scores';

/** How many of the latest interviewer scores the report reads (a few hundred sessions). */
const SCORES_READ = 2000;

/** Reports over many interviews, for admins: how well the engine agrees with human interviewers. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly interviews: InterviewRepository,
    private readonly feedback: InterviewerFeedbackRepository,
    private readonly bank: QuestionBank,
  ) {}

  /**
   * Every question of a finished human session that its interviewer scored and the engine assessed: the engine's
   * scores are those the question is rated on (its last assessed answer), the interviewer's their four for it.
   */
  async agreement(): Promise<AgreementReport> {
    const scores = await this.feedback.listRecentScores(SCORES_READ);
    const byInterview = new Map<string, typeof scores>();
    for (const row of scores) byInterview.set(row.interviewId, [...(byInterview.get(row.interviewId) ?? []), row]);
    const pairs: ScoredPair[] = [];
    for (const [interviewId, rows] of byInterview) {
      const interview = await this.interviews.findById(interviewId);
      if (!interview || interview.interviewerKind !== 'human' || (interview.status !== 'completed' && interview.status !== 'abandoned')) continue;
      const answers = await this.interviews.listAnswers(interviewId);
      for (const row of rows) {
        const engine = ratedScores(answers, row.questionIndex);
        if (!engine) continue;
        const questionId = interview.plan.questionIds[row.questionIndex];
        pairs.push({
          interviewId,
          title: interview.plan.title,
          questionIndex: row.questionIndex,
          questionText: this.bank.get(questionId)?.text ?? questionId ?? `Question ${row.questionIndex + 1}`,
          interviewer: interview.interviewer?.displayName ?? 'Interviewer',
          engine,
          human: { relevance: row.relevance, depth: row.depth, clarity: row.clarity, correctness: row.correctness },
          at: row.updatedAt,
        });
      }
    }
    return agreementReport(pairs);
  }
}
