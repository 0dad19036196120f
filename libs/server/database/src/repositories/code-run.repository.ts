import type { CodeRunVerdict, CodeTestResult } from '@mockroom/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import { CodeRunEntity, CodeSnapshotEntity } from '../entities/code-run.entity';

export type NewCodeRun = Pick<
  CodeRunEntity,
  'interviewId' | 'questionId' | 'userId' | 'byRole' | 'kind' | 'language' | 'code' | 'atMs'
>;

export interface CodeRunOutcome {
  verdict: CodeRunVerdict;
  message: string;
  stdout: string;
  stderr: string;
  tests: CodeTestResult[];
}

/** Runs of candidates' code and the editor's snapshots. */
@Injectable()
export class CodeRunRepository {
  constructor(
    @InjectRepository(CodeRunEntity) private readonly runs: Repository<CodeRunEntity>,
    @InjectRepository(CodeSnapshotEntity) private readonly snapshots: Repository<CodeSnapshotEntity>,
  ) {}

  create(run: NewCodeRun): Promise<CodeRunEntity> {
    return this.runs.save(
      this.runs.create({ ...run, status: 'queued', stdout: '', stderr: '', tests: [], passed: 0, total: 0 }),
    );
  }

  findById(id: string): Promise<CodeRunEntity | null> {
    return this.runs.findOneBy({ id });
  }

  /** Marks a queued run as running; null when another worker has it or it is gone, so a retried job runs once. */
  async claim(id: string): Promise<CodeRunEntity | null> {
    const result = await this.runs.update({ id, status: In(['queued', 'running']) }, { status: 'running' });
    return result.affected ? this.findById(id) : null;
  }

  async finish(id: string, outcome: CodeRunOutcome): Promise<CodeRunEntity | null> {
    await this.runs.update(
      { id },
      {
        status: 'done',
        ...outcome,
        passed: outcome.tests.filter((t) => t.passed).length,
        total: outcome.tests.length,
        finishedAt: new Date(),
      },
    );
    return this.findById(id);
  }

  async fail(id: string, message: string): Promise<CodeRunEntity | null> {
    await this.runs.update({ id }, { status: 'failed', message, finishedAt: new Date() });
    return this.findById(id);
  }

  listForInterview(interviewId: string): Promise<CodeRunEntity[]> {
    return this.runs.find({ where: { interviewId }, order: { createdAt: 'ASC' } });
  }

  /** The last finished run of a question in an interview (what the interviewer asks about). */
  latestFinished(interviewId: string, questionId: string): Promise<CodeRunEntity | null> {
    return this.runs.findOne({ where: { interviewId, questionId, status: 'done' }, order: { createdAt: 'DESC' } });
  }

  /** Runs of an interview not finished yet. */
  countUnfinished(interviewId: string): Promise<number> {
    return this.runs.countBy({ interviewId, status: In(['queued', 'running']) });
  }

  countSince(interviewId: string, since: Date): Promise<number> {
    return this.runs.countBy({ interviewId, createdAt: MoreThan(since) });
  }

  /** Whether the candidate wrote or ran any code in the interview. */
  async anyCode(interviewId: string): Promise<boolean> {
    return (await this.runs.existsBy({ interviewId })) || (await this.snapshots.existsBy({ interviewId }));
  }

  /** Keeps the editor's content at a moment; a second snapshot of the same moment replaces the first. */
  async saveSnapshot(snapshot: Omit<CodeSnapshotEntity, 'createdAt'>): Promise<void> {
    await this.snapshots.upsert(snapshot, ['interviewId', 'questionId', 'atMs']);
  }

  /** The last text kept of a question's editor. */
  latestSnapshot(interviewId: string, questionId: string): Promise<CodeSnapshotEntity | null> {
    return this.snapshots.findOne({ where: { interviewId, questionId }, order: { atMs: 'DESC' } });
  }

  countSnapshots(interviewId: string): Promise<number> {
    return this.snapshots.countBy({ interviewId });
  }

  listSnapshots(interviewId: string): Promise<CodeSnapshotEntity[]> {
    return this.snapshots.find({ where: { interviewId }, order: { atMs: 'ASC' } });
  }
}
