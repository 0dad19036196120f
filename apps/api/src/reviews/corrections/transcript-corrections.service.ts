import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { Assessment } from '@mockroom/assessment';
import { JobName, SCORE_DIMENSIONS, type CorrectionResult, type ScoreChange, type User } from '@mockroom/contracts';
import { InterviewRepository, TranscriptCorrectionRepository } from '@mockroom/server-database';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { jobId, JobQueueService, REDIS } from '@mockroom/server-queue';
import type IORedis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyAttemptsException } from '../../auth/sign-in-limiter';
import { InterviewsService } from '../../interviews/interviews.service';
import { ReviewsService } from '../reviews.service';
import { ratedScores } from '../rated-scores';
import { toCorrectionDto } from './correction-dto';
import { correctionTerms, realignWords } from './correction-text';

/** How long a correction waits for its answers to be assessed again before it answers without the new scores. */
export const REASSESS_TIMEOUT_MS = 60_000;
/**
 * Corrections a candidate may make in a window: each one assesses answers again (an LLM call when one is configured),
 * so a script must not turn one account into unbounded work. Far more than a person correcting a transcript needs.
 */
export const CORRECTIONS_PER_WINDOW = 30;
export const CORRECTION_WINDOW_SECONDS = 600;
/** Score moves smaller than this are not reported as changes (scores are shown to one decimal). */
const SMALLEST_CHANGE = 0.05;

function scoreChanges(
  questionIndex: number,
  before: Assessment['scores'] | null,
  after: Assessment['scores'] | null,
): ScoreChange[] {
  if (!before || !after) return [];
  return [...SCORE_DIMENSIONS, 'overall' as const]
    .filter((dimension) => Math.abs(after[dimension] - before[dimension]) >= SMALLEST_CHANGE)
    .map((dimension) => ({ questionIndex, dimension, before: before[dimension], after: after[dimension] }));
}

/**
 * A candidate corrects a line the recogniser misheard: the line reads as they say it did (the recogniser's words stay
 * in the correction's history), the answers it belongs to are assessed again, and the scores that moved are kept
 * with the correction. The words it brought in become the candidate's vocabulary for the recogniser next time.
 */
@Injectable()
export class TranscriptCorrectionsService {
  private readonly logger = new Logger(TranscriptCorrectionsService.name);
  private readonly limiter: RateLimiterRedis;

  constructor(
    private readonly interviews: InterviewsService,
    private readonly repository: InterviewRepository,
    private readonly corrections: TranscriptCorrectionRepository,
    private readonly queue: JobQueueService,
    private readonly reviews: ReviewsService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) redis: IORedis,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redis.prefix}:limit:corrections`,
      points: CORRECTIONS_PER_WINDOW,
      duration: CORRECTION_WINDOW_SECONDS,
    });
  }

  /** Counts a correction against the candidate's allowance; a 429 saying when to try again once it is used up. */
  private async allow(userId: string): Promise<void> {
    try {
      await this.limiter.consume(userId);
    } catch (error) {
      if (error instanceof RateLimiterRes)
        throw new TooManyAttemptsException(Math.max(1, Math.ceil(error.msBeforeNext / 1000)), 'corrections');
      throw error;
    }
  }

  async correct(user: User, interviewId: string, seq: number, text: string): Promise<CorrectionResult> {
    const { entity, access } = await this.interviews.findFor(user, interviewId);
    if (access !== 'candidate') throw new ForbiddenException('Only the candidate can correct their transcript.');
    if (entity.status !== 'completed' && entity.status !== 'abandoned') {
      throw new ConflictException('This interview has not ended yet: its transcript can be corrected in the review.');
    }
    const line = (await this.repository.listSegments(entity.id)).find((s) => s.seq === seq);
    if (!line) throw new NotFoundException(`This interview has no transcript line ${seq}.`);
    if (line.speaker !== 'candidate')
      throw new BadRequestException('Only your own words can be corrected: this line is the interviewer’s.');

    await this.allow(user.id);
    const answers = await this.repository.listAnswers(entity.id);
    const answer = answers.find((a) => a.id === line.answerId) ?? null;
    const before = answer ? ratedScores(answers, answer.questionIndex) : null;
    const stored = await this.corrections.correct({
      interviewId: entity.id,
      seq,
      userId: user.id,
      after: text,
      derive: (segment) => ({
        words: realignWords(segment.words, segment.text, text),
        terms: correctionTerms(segment.text, text),
      }),
    });
    // Only corrections made count against the allowance.
    if (stored === null || stored === 'unchanged') await this.limiter.reward(user.id, 1);
    if (stored === null) throw new NotFoundException(`This interview has no transcript line ${seq}.`);
    if (stored === 'unchanged')
      throw new BadRequestException('The line already reads like this: change the words that were misheard.');
    const { correction } = stored;

    if (answer && answer.status === 'closed') {
      // The answer and every later one to the same question (follow-ups are assessed together with the answers before them).
      const affected = answers
        .filter((a) => a.questionIndex === answer.questionIndex && a.status === 'closed' && a.startMs >= answer.startMs)
        .sort((a, b) => a.startMs - b.startMs);
      try {
        for (const a of affected) {
          await this.queue.addAndWait(
            JobName.AssessAnswer,
            { interviewId: entity.id, answerId: a.id },
            { jobId: jobId('reassess', a.id, correction.id) },
            REASSESS_TIMEOUT_MS,
          );
        }
        const after = ratedScores(await this.repository.listAnswers(entity.id), answer.questionIndex);
        correction.changes = scoreChanges(answer.questionIndex, before, after);
      } catch (error) {
        // The correction stands; its new scores land when the assessment finishes, and the change is not reported.
        this.logger.warn(`assessing again after correction ${correction.id}: ${(error as Error).message}`);
      }
    } else {
      correction.changes = []; // a line outside any answer: nothing is scored on it
    }
    if (correction.changes) await this.corrections.setChanges(correction.id, correction.changes);
    return { correction: toCorrectionDto(correction), review: await this.reviews.build(entity, 'owner') };
  }
}
