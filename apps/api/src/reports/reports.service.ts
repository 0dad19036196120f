import { Injectable } from '@nestjs/common';
import { agreementReport, type ScoredPair } from '@mockroom/assessment';
import { TYPED_ANSWER_ENGINE, type AgreementAnswer, type AgreementAnswers, type AgreementReport } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { InterviewerFeedbackRepository, InterviewRepository, type InterviewAnswerEntity, type InterviewEntity, type InterviewerScoreEntity } from '@mockroom/server-database';
import { assessedSegments, describeEngine, resolvePlanQuestion } from '@mockroom/server-interviews';
import { ratedAnswers } from '../reviews/rated-scores';

/** How many of the latest interviewer scores the report reads (a few hundred sessions). */
const SCORES_READ = 2000;

/** A question of a finished human session scored by both: the interviewer's row and the answer the engine rated. */
interface ScoredQuestion {
  interview: InterviewEntity;
  score: InterviewerScoreEntity;
  /** The question's rated answer (its last assessed one). */
  rated: InterviewAnswerEntity & { assessment: NonNullable<InterviewAnswerEntity['assessment']> };
  answers: InterviewAnswerEntity[];
}

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
    const pairs: ScoredPair[] = [];
    for (const group of await this.scoredQuestions()) for (const q of group) pairs.push(this.pair(q));
    return agreementReport(pairs);
  }

  /**
   * The same questions with what the engine read (the rated answer's transcript, and its timed segments when spoken),
   * so the scoring eval can score them again with another version of the engine and compare it with the interviewers.
   */
  async agreementAnswers(): Promise<AgreementAnswers> {
    const answers: AgreementAnswer[] = [];
    for (const group of await this.scoredQuestions()) {
      const segments = await this.interviews.listSegments(group[0].interview.id);
      for (const q of group) {
        const read = assessedSegments(q.rated, q.answers, segments);
        const typed = read.some((s) => s.engine === TYPED_ANSWER_ENGINE);
        const pair = this.pair(q);
        answers.push({
          interviewId: pair.interviewId,
          title: pair.title,
          questionIndex: pair.questionIndex,
          questionId: q.interview.plan.questionIds[q.score.questionIndex] ?? q.rated.questionId,
          questionText: pair.questionText,
          level: q.interview.plan.level,
          interviewer: pair.interviewer,
          transcript: read.map((s) => s.text).join(' '),
          segments: typed ? null : read.map((s) => ({ text: s.text, startMs: s.startMs, endMs: s.endMs })),
          human: pair.human,
          engine: pair.engine,
          engineName: describeEngine(q.rated.assessment),
          at: pair.at.toISOString(),
        });
      }
    }
    return { exportedAt: new Date().toISOString(), answers };
  }

  /** The scored questions of finished human sessions, grouped by session (most recently scored first). */
  private async scoredQuestions(): Promise<ScoredQuestion[][]> {
    const scores = await this.feedback.listRecentScores(SCORES_READ);
    const byInterview = new Map<string, typeof scores>();
    for (const row of scores) byInterview.set(row.interviewId, [...(byInterview.get(row.interviewId) ?? []), row]);
    const groups: ScoredQuestion[][] = [];
    for (const [interviewId, rows] of byInterview) {
      const interview = await this.interviews.findById(interviewId);
      if (!interview || interview.interviewerKind !== 'human' || (interview.status !== 'completed' && interview.status !== 'abandoned')) continue;
      const answers = await this.interviews.listAnswers(interviewId);
      const rated = ratedAnswers(answers);
      const group: ScoredQuestion[] = [];
      for (const score of rows) {
        const answer = rated.get(score.questionIndex);
        if (answer?.assessment) group.push({ interview, score, rated: answer as ScoredQuestion['rated'], answers });
      }
      if (group.length) groups.push(group);
    }
    return groups;
  }

  private pair({ interview, score, rated }: ScoredQuestion): ScoredPair {
    const questionId = interview.plan.questionIds[score.questionIndex];
    return {
      interviewId: interview.id,
      title: interview.plan.title,
      questionIndex: score.questionIndex,
      questionText:
        (questionId && resolvePlanQuestion(this.bank, interview.plan, questionId)?.text) ??
        questionId ??
        `Question ${score.questionIndex + 1}`,
      interviewer: interview.interviewer?.displayName ?? 'Interviewer',
      engine: rated.assessment.scores,
      human: { relevance: score.relevance, depth: score.depth, clarity: score.clarity, correctness: score.correctness },
      at: score.updatedAt,
    };
  }
}
