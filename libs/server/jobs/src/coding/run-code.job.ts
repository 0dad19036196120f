import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayloads, JobResults } from '@mockroom/contracts';
import { codingTaskFor } from '@mockroom/question-bank';
import { CodeRunRepository } from '@mockroom/server-database';
import { toCodeRunView } from '@mockroom/server-interviews';
import { OnJob } from '@mockroom/server-queue';
import { LiveEmitter } from '@mockroom/server-realtime';
import type { CodeSandbox } from '@mockroom/server-sandbox';
import { executeRun } from './execute-run';

export const CODE_SANDBOX = Symbol('CODE_SANDBOX');

/** Runs a stored code run in the sandbox and tells the interview's room how it went. */
@Injectable()
export class RunCodeJob {
  private readonly logger = new Logger(RunCodeJob.name);

  constructor(
    private readonly runs: CodeRunRepository,
    private readonly emitter: LiveEmitter,
    @Inject(CODE_SANDBOX) private readonly sandbox: CodeSandbox,
  ) {}

  @OnJob(JobName.RunCode)
  async run({ runId }: JobPayloads[JobName.RunCode]): Promise<JobResults[JobName.RunCode]> {
    const claimed = await this.runs.claim(runId);
    if (!claimed) return null;
    this.emitter.toInterview(claimed.interviewId, 'code:run', toCodeRunView(claimed));
    const task = codingTaskFor(claimed.questionId);
    let finished;
    if (!task) {
      finished = await this.runs.fail(runId, 'That question has no tests any more.');
    } else {
      try {
        finished = await this.runs.finish(runId, await executeRun(this.sandbox, task, claimed));
      } catch (error) {
        this.logger.error(`code run ${runId}: ${(error as Error).stack ?? String(error)}`);
        finished = await this.runs.fail(runId, 'The run failed on our side: try again.');
      }
    }
    if (!finished) return null;
    const view = toCodeRunView(finished);
    this.emitter.toInterview(finished.interviewId, 'code:run', view);
    return view;
  }
}
