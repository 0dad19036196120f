import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { runThatCounts, withCodeResults, type TimedSegment } from '@mockroom/assessment';
import { JobName, JobPayloads, JobResults, TYPED_ANSWER_ENGINE } from '@mockroom/contracts';
import { codingTaskFor, QuestionBank } from '@mockroom/question-bank';
import { CodeRunRepository, InterviewRepository } from '@mockroom/server-database';
import { OnJob } from '@mockroom/server-queue';
import { LiveEmitter } from '@mockroom/server-realtime';
import { Engines } from '../engines.providers';
import { assessedSegments, interviewOverall, resolvePlanQuestion, toAnswerResult } from '@mockroom/server-interviews';

/**
 * Scores an answer against its question's rubric. A follow-up answer is scored together with the answers before it
 * to the same question: the follow-up exists to fill the first answer's gaps, so the question's score is cumulative. A
 * coding question's correctness weighs in its code's tests.
 */
@Injectable()
export class AssessAnswerJob {
  constructor(
    private readonly interviews: InterviewRepository,
    private readonly codeRuns: CodeRunRepository,
    private readonly engines: Engines,
    private readonly bank: QuestionBank,
    private readonly live: LiveEmitter,
  ) {}

  @OnJob(JobName.AssessAnswer)
  async run(payload: JobPayloads[JobName.AssessAnswer]): Promise<JobResults[JobName.AssessAnswer]> {
    const interview = await this.interviews.findById(payload.interviewId);
    const answer = await this.interviews.findAnswer(payload.answerId);
    if (!interview || !answer) return null; // deleted meanwhile
    // Open again: the candidate went on after the interviewer had begun; it is assessed when it closes again.
    if (answer.status === 'open') return null;
    const question = resolvePlanQuestion(this.bank, interview.plan, answer.questionId);
    // Not worth retrying: the bank will not have it on the next attempt either.
    if (!question) throw new UnrecoverableError(`question ${answer.questionId} is no longer in the bank`);

    const [answers, segments, prompts] = await Promise.all([
      this.interviews.listAnswers(interview.id),
      this.interviews.listSegments(interview.id),
      this.interviews.listPrompts(interview.id),
    ]);
    const assessed = assessedSegments(answer, answers, segments);
    const timed: TimedSegment[] = assessed.map((s) => ({ text: s.text, startMs: s.startMs, endMs: s.endMs }));
    // Typed words have no pace, pauses or fillers to measure: speech analytics come from spoken segments only.
    const spoken = assessed.some((s) => s.engine === TYPED_ANSWER_ENGINE) ? undefined : timed;
    const followUpsAsked = prompts
      .filter((p) => p.kind === 'follow-up' && p.questionIndex === answer.questionIndex)
      .map((p) => p.text);

    const heard = await this.engines.assessment.assess({
      question,
      transcript: timed.map((s) => s.text).join(' '),
      segments: spoken,
      level: interview.plan.level,
      followUpsAsked,
    });
    // A coding question's correctness is also what its tests say of the code.
    const assessment = codingTaskFor(question.id)
      ? withCodeResults(
          heard,
          runThatCounts(
            (await this.codeRuns.listForInterview(interview.id)).filter(
              (r) => r.questionId === question.id && r.status === 'done',
            ),
          ),
        )
      : heard;
    // Only if the answer is still the one read: reopened (and perhaps closed again with more words) meanwhile, the
    // assessment of its later close is the one that counts.
    if (!(await this.interviews.saveAssessment(answer.id, assessment, assessment.scores.overall, answer.endMs)))
      return null;
    const stored = { ...answer, assessment, overallScore: assessment.scores.overall };
    const result = toAnswerResult(stored, segments);
    await this.interviews.setOverallScore(
      interview.id,
      interviewOverall(answers.map((a) => (a.id === answer.id ? stored : a))),
    );
    // With a human interviewer the candidate sees scores in the review only, not while the session runs.
    if (interview.interviewerKind === 'human') this.live.toInterviewer(interview.id, 'answer:assessed', result);
    else this.live.toInterview(interview.id, 'answer:assessed', result);
    return { answer: result, assessment };
  }
}
