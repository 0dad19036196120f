import {
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { JobName, type CodeRunView, type CodeSnapshot, type User } from '@mockroom/contracts';
import { codingTaskFor } from '@mockroom/question-bank';
import { CodeRunRepository } from '@mockroom/server-database';
import { toCodeRunView } from '@mockroom/server-interviews';
import { JobQueueService } from '@mockroom/server-queue';
import { LiveEmitter } from '@mockroom/server-realtime';
import { InterviewsService } from '../interviews/interviews.service';
import type { CodeRunDto } from './dto/code-run.dto';

/** Runs one interview may ask for in a window, so a stuck key or a script cannot fill the queue. */
export const RUNS_PER_WINDOW = 30;
export const RUN_WINDOW_MS = 10 * 60_000;

/**
 * Runs of the candidate's code against a coding question's tests. A run is stored, then executed by a worker on the
 * code queue (never in the API process), and its progress reaches everyone in the interview as `code:run` events.
 */
@Injectable()
export class CodeRunsService {
  private readonly logger = new Logger(CodeRunsService.name);

  constructor(
    private readonly interviews: InterviewsService,
    private readonly runs: CodeRunRepository,
    private readonly queue: JobQueueService,
    private readonly emitter: LiveEmitter,
  ) {}

  /**
   * Queues a run. The candidate runs their code in their interview; a human interviewer may run it too. Only while the
   * interview is live, only for a coding question of its plan, one run at a time per interview.
   */
  async request(user: User, interviewId: string, body: CodeRunDto): Promise<CodeRunView> {
    const { entity, access } = await this.interviews.findFor(user, interviewId);
    const human = entity.interviewerKind === 'human';
    const byRole = access === 'candidate' ? 'candidate' : access === 'interviewer' && human ? 'interviewer' : null;
    if (!byRole) throw new ForbiddenException('Only the candidate (or the interviewer of a session) runs code here.');
    if (entity.status !== 'live') throw new ConflictException('Code runs only while the interview is running.');
    const task = codingTaskFor(body.questionId);
    if (!task || !entity.plan.questionIds.includes(body.questionId))
      throw new NotFoundException('That question has no code editor in this interview.');
    if (!task.languages.includes(body.language))
      throw new HttpException(
        `This question is answered in ${task.languages.join(', ')}, not ${body.language}.`,
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    if ((await this.runs.countUnfinished(entity.id)) > 0)
      throw new ConflictException('A run is still going: its result comes in a moment.');
    if ((await this.runs.countSince(entity.id, new Date(Date.now() - RUN_WINDOW_MS))) >= RUNS_PER_WINDOW)
      throw new HttpException(
        `At most ${RUNS_PER_WINDOW} runs every ${RUN_WINDOW_MS / 60_000} minutes: take a moment before the next one.`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    const startedAt = entity.startedAt?.getTime() ?? Date.now();
    const run = await this.runs.create({
      interviewId: entity.id,
      questionId: body.questionId,
      userId: user.id,
      byRole,
      kind: body.kind,
      language: body.language,
      code: body.code,
      atMs: Math.max(0, Date.now() - startedAt),
    });
    const view = toCodeRunView(run);
    this.emitter.toInterview(entity.id, 'code:run', view);
    try {
      await this.queue.add(JobName.RunCode, { runId: run.id }, { jobId: `code-run.${run.id}` });
    } catch (error) {
      const failed = await this.runs.fail(run.id, 'The run could not be queued: try again in a moment.');
      if (failed) this.emitter.toInterview(entity.id, 'code:run', toCodeRunView(failed));
      this.logger.error(`code run ${run.id} not queued: ${(error as Error).message}`);
      throw new HttpException('The run could not be queued: try again in a moment.', HttpStatus.SERVICE_UNAVAILABLE);
    }
    return view;
  }

  /** Every run of an interview, for whoever may see the interview (the review shows them on its timeline). */
  async list(user: User, interviewId: string): Promise<CodeRunView[]> {
    const { entity } = await this.interviews.findFor(user, interviewId);
    return (await this.runs.listForInterview(entity.id)).map(toCodeRunView);
  }

  /** The editor's content over the interview, for the review's replay. */
  async snapshots(user: User, interviewId: string): Promise<CodeSnapshot[]> {
    const { entity } = await this.interviews.findFor(user, interviewId);
    return (await this.runs.listSnapshots(entity.id)).map((s) => ({
      questionId: s.questionId,
      language: s.language,
      code: s.code,
      atMs: s.atMs,
    }));
  }
}
