import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { interviewerOverall, type Assessment, type OtherQuestion } from '@mockroom/assessment';
import {
  type AnswerScores,
  type Category,
  type Question,
  type Review,
  type ReviewAccess,
  type ReviewInterviewerView,
  type ShareInfo,
  type User,
} from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import {
  InterviewAnswerEntity,
  InterviewEntity,
  InterviewerFeedbackRepository,
  InterviewRepository,
  InterviewShareEntity,
  normalizeEmail,
  TranscriptCorrectionRepository,
} from '@mockroom/server-database';
import { InterviewAccess, InterviewsService } from '../interviews/interviews.service';
import { toCorrectionDto } from './corrections/correction-dto';
import { ratedAnswers } from './rated-scores';
import { buildReview, meanScores } from './review-builder';
import { resolvePlanQuestion, SessionAudio } from '@mockroom/server-interviews';
import { isUUID } from 'class-validator';

const REVIEW_ACCESS: Record<InterviewAccess, ReviewAccess> = {
  candidate: 'owner',
  interviewer: 'interviewer',
  admin: 'admin',
  shared: 'shared',
};

function toShareInfo(share: InterviewShareEntity): ShareInfo {
  return { id: share.id, email: share.email, createdAt: share.createdAt.toISOString() };
}

@Injectable()
export class ReviewsService {
  constructor(
    private readonly interviews: InterviewsService,
    private readonly repository: InterviewRepository,
    private readonly bank: QuestionBank,
    private readonly audio: SessionAudio,
    private readonly feedback: InterviewerFeedbackRepository,
    private readonly corrections: TranscriptCorrectionRepository,
  ) {}

  /** The interview if this user may read its review (it must have ended). */
  async findForReview(user: User, id: string): Promise<{ entity: InterviewEntity; access: ReviewAccess }> {
    const { entity, access } = await this.interviews.findFor(user, id);
    if (entity.status === 'created' || entity.status === 'live')
      throw new ConflictException('This interview has not ended yet: its review is ready once it ends.');
    return { entity, access: REVIEW_ACCESS[access] };
  }

  async review(user: User, id: string): Promise<Review> {
    const { entity, access } = await this.findForReview(user, id);
    return this.build(entity, access);
  }

  async build(entity: InterviewEntity, access: ReviewAccess): Promise<Review> {
    const [prompts, segments, answers, recordings, shares, corrections] = await Promise.all([
      this.repository.listPrompts(entity.id),
      this.repository.listSegments(entity.id),
      this.repository.listAnswers(entity.id),
      this.repository.listRecordings(entity.id),
      access === 'owner' ? this.repository.listShares(entity.id) : Promise.resolve([]),
      this.corrections.list(entity.id),
    ]);
    const questions = new Map<string, Question>();
    for (const questionId of entity.plan.questionIds) {
      const question = resolvePlanQuestion(this.bank, entity.plan, questionId);
      if (question) questions.set(questionId, question);
    }
    const others: OtherQuestion[] = this.bank
      .list({ role: entity.plan.role, level: entity.plan.level, limit: 100 })
      .items.filter((q) => !questions.has(q.id))
      .map((q) => ({ questionId: q.id, text: q.text, category: q.category }));
    const [audio, interviewer] = await Promise.all([
      this.audio.ensure(entity, recordings, prompts, segments),
      this.interviewerView(entity, access),
    ]);
    return buildReview({
      entity,
      prompts,
      segments,
      answers,
      questions,
      others,
      access,
      shares: shares.map(toShareInfo),
      audio,
      interviewer,
      corrections: corrections.map(toCorrectionDto),
    });
  }

  /** A human interviewer's scores and notes: shared notes for everyone, private ones for the interviewer alone. */
  private async interviewerView(entity: InterviewEntity, access: ReviewAccess): Promise<ReviewInterviewerView | null> {
    if (entity.interviewerKind !== 'human') return null;
    const [scores, notes] = await Promise.all([
      this.feedback.listScores(entity.id),
      this.feedback.listNotes(entity.id, access !== 'interviewer'),
    ]);
    return {
      name: entity.interviewer?.displayName ?? 'Interviewer',
      scores: scores.map((row) => {
        const values = {
          relevance: row.relevance,
          depth: row.depth,
          clarity: row.clarity,
          correctness: row.correctness,
        };
        const overall = interviewerOverall(values);
        return { questionIndex: row.questionIndex, scores: values, overall, updatedAt: row.updatedAt.toISOString() };
      }),
      notes: notes.map((n) => ({
        id: n.id,
        questionIndex: n.questionIndex,
        text: n.text,
        visibility: n.visibility,
        atMs: n.atMs,
        createdAt: n.createdAt.toISOString(),
      })),
    };
  }

  /** The mixed session audio's path, for a user who may read the review. */
  async audioPath(user: User, id: string): Promise<string> {
    const { entity } = await this.findForReview(user, id);
    const [prompts, segments, recordings] = await Promise.all([
      this.repository.listPrompts(entity.id),
      this.repository.listSegments(entity.id),
      this.repository.listRecordings(entity.id),
    ]);
    if (!(await this.audio.ensure(entity, recordings, prompts, segments)))
      throw new NotFoundException('Nothing was recorded in this interview.');
    return this.audio.mixPath(entity.id);
  }

  private async ownedBy(user: User, id: string): Promise<InterviewEntity> {
    const { entity, access } = await this.interviews.findFor(user, id);
    if (access !== 'candidate') throw new ForbiddenException('Only the candidate can share this interview.');
    return entity;
  }

  async shares(user: User, id: string): Promise<ShareInfo[]> {
    const entity = await this.ownedBy(user, id);
    return (await this.repository.listShares(entity.id)).map(toShareInfo);
  }

  /**
   * Shares the finished review read-only with an e-mail address; sharing twice changes nothing. The answer is the same
   * for every address, so it never tells whether an account exists there or what it is: the review opens to an
   * interviewer's account at that address, now or once one is made.
   */
  async share(user: User, id: string, email: string): Promise<{ share: ShareInfo; created: boolean }> {
    const entity = await this.ownedBy(user, id);
    if (entity.status !== 'completed' && entity.status !== 'abandoned') {
      throw new ConflictException('This interview has not finished yet: share its review once it is over.');
    }
    if (normalizeEmail(email) === normalizeEmail(user.email))
      throw new BadRequestException('This is your own address: there is no need to share it with yourself.');
    const { share, created } = await this.repository.addShare(entity.id, email);
    return { share: toShareInfo(share), created };
  }

  async revoke(user: User, id: string, shareId: string): Promise<void> {
    const entity = await this.ownedBy(user, id);
    if (!isUUID(shareId) || !(await this.repository.removeShare(entity.id, shareId)))
      throw new NotFoundException('This interview is not shared with that address.');
  }
}
