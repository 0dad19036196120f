import { BadRequestException, HttpException, HttpStatus, Injectable, Logger, NotFoundException } from '@nestjs/common';
import {
  JobName,
  MAX_JOB_DESCRIPTION_CHARS,
  MAX_RESUME_BYTES,
  type JobDescriptionDetail,
  type JobDescriptionSummary,
  type ResumeCorrection,
  type ResumeDetail,
  type ResumeKind,
  type ResumeSummary,
  type User,
} from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import {
  correctProfile,
  CorrectionRefused,
  listBankQuestions,
  parseJobDescription,
  rankBankQuestions,
} from '@mockroom/resume';
import { ResumeRepository } from '@mockroom/server-database';
import { MediaStorage } from '@mockroom/server-media';
import { jobId, JobQueueService } from '@mockroom/server-queue';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { InterviewsService } from '../interviews/interviews.service';
import { toJobDetail, toJobSummary, toResumeDetail, toResumeSummary } from './resume-presenters';

/** An uploaded file as the multipart parser hands it over (memory storage). */
export interface UploadedResume {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** How long reading an upload may take, the worker's own limits included. */
const READ_TIMEOUT_MS = 60_000;
const EXTENSIONS: Record<ResumeKind, string> = { pdf: 'pdf', docx: 'docx', markdown: 'md', text: 'txt' };

/** What deleting a résumé or a job description does to the interviews tailored to it. */
export type TailoredInterviews = 'keep' | 'delete';

/**
 * Résumés and job descriptions, each only ever its owner's: reading an upload (in the worker, never here), the profile
 * and its corrections, the questions a posting calls for, and deleting each with what was derived from it.
 */
@Injectable()
export class ResumesService {
  private readonly logger = new Logger(ResumesService.name);

  constructor(
    private readonly repository: ResumeRepository,
    private readonly queue: JobQueueService,
    private readonly media: MediaStorage,
    private readonly interviews: InterviewsService,
    private readonly bank: QuestionBank,
  ) {}

  /** Reads an upload in the worker; stores the file and what was understood only once it was read. */
  async upload(user: User, file: UploadedResume | undefined, consent: unknown): Promise<ResumeDetail> {
    if (!file || !file.buffer) throw new BadRequestException('Choose a file to upload (the form field "file").');
    if (file.size > MAX_RESUME_BYTES) throw tooLarge();
    const fileName = displayName(file.originalname);
    const id = jobId('resume', randomUUID());
    let read;
    try {
      read = await this.queue.addAndWait(
        JobName.ReadResume,
        { fileName, data: file.buffer.toString('base64') },
        { jobId: id },
        READ_TIMEOUT_MS,
      );
    } catch (error) {
      this.logger.warn(`reading an upload failed: ${(error as Error).message}`);
      throw new HttpException(
        'Your résumé could not be read just now. Try again in a moment.',
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    } finally {
      // The file is personal data: it does not stay in the queue.
      await this.queue.discard(JobName.ReadResume, id);
    }
    if (!read.ok) {
      if (read.reason === 'too-large') throw tooLarge();
      throw new HttpException(
        { statusCode: 422, error: 'Unprocessable Entity', message: read.message, reason: read.reason },
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    const resumeId = randomUUID();
    const filePath = `documents/${user.id}/${resumeId}.${EXTENSIONS[read.kind]}`;
    await this.media.write(filePath, file.buffer);
    try {
      const row = await this.repository.createResume({
        id: resumeId,
        userId: user.id,
        fileName,
        kind: read.kind,
        byteSize: file.size,
        filePath,
        text: read.text,
        profile: read.profile,
        llmConsent: consent === true || consent === 'true',
      });
      return toResumeDetail(row, 0);
    } catch (error) {
      await this.media.remove(filePath);
      throw error;
    }
  }

  async list(user: User): Promise<ResumeSummary[]> {
    return (await this.repository.listResumes(user.id)).map(toResumeSummary);
  }

  async get(user: User, id: string): Promise<ResumeDetail> {
    const row = await this.findResume(user, id);
    const tailored = await this.repository.tailoredInterviews(user.id, { resumeId: row.id });
    return toResumeDetail(row, tailored.length);
  }

  /** The owner's corrections of what was understood (changed claims are read again). */
  async correct(user: User, id: string, correction: ResumeCorrection): Promise<ResumeDetail> {
    const row = await this.findResume(user, id);
    let profile;
    try {
      profile = correctProfile(row.editedProfile ?? row.profile, correction);
    } catch (error) {
      if (error instanceof CorrectionRefused) throw new BadRequestException(error.message);
      throw error;
    }
    const saved = await this.repository.saveEditedProfile(user.id, row.id, profile);
    if (!saved) throw notFound('résumé', id);
    return this.get(user, saved.id);
  }

  /** The original file, for its owner to download. */
  async file(user: User, id: string): Promise<{ path: string; fileName: string; kind: ResumeKind }> {
    const row = await this.findResume(user, id);
    return { path: row.filePath, fileName: row.fileName, kind: row.kind };
  }

  /**
   * Deletes a résumé: the file and what was understood. Interviews tailored to it stay in the history (their questions
   * as they were asked) unless `interviews` is `delete`, which deletes them too, with their recordings.
   */
  async remove(user: User, id: string, interviews: TailoredInterviews): Promise<void> {
    const row = await this.findResume(user, id);
    if (interviews === 'delete') await this.deleteInterviews(user, { resumeId: row.id });
    await this.repository.deleteResume(user.id, row.id);
    await this.media.remove(row.filePath);
    this.logger.log(`résumé ${row.id} deleted by its owner${interviews === 'delete' ? ', with its interviews' : ''}`);
  }

  async createJob(user: User, text: string, title: string | undefined): Promise<JobDescriptionDetail> {
    const posting = text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
    if (!posting) throw new BadRequestException('Paste the job posting’s text.');
    if (posting.length > MAX_JOB_DESCRIPTION_CHARS)
      throw new BadRequestException(`A job posting can be up to ${MAX_JOB_DESCRIPTION_CHARS} characters.`);
    const profile = parseJobDescription(posting);
    if (!profile.skills.length && !profile.themes.length)
      throw new HttpException(
        'Nothing in this text reads as a software role (no skills or responsibilities found). Paste the posting itself.',
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    const row = await this.repository.createJob({
      userId: user.id,
      title: title?.trim().slice(0, 200) || profile.title,
      text: posting,
      profile,
    });
    return toJobDetail(row, this.rankFor(row.profile), 0);
  }

  async listJobs(user: User): Promise<JobDescriptionSummary[]> {
    return (await this.repository.listJobs(user.id)).map(toJobSummary);
  }

  async getJob(user: User, id: string): Promise<JobDescriptionDetail> {
    const row = await this.findJob(user, id);
    const tailored = await this.repository.tailoredInterviews(user.id, { jobDescriptionId: row.id });
    return toJobDetail(row, this.rankFor(row.profile), tailored.length);
  }

  async removeJob(user: User, id: string, interviews: TailoredInterviews): Promise<void> {
    const row = await this.findJob(user, id);
    if (interviews === 'delete') await this.deleteInterviews(user, { jobDescriptionId: row.id });
    await this.repository.deleteJob(user.id, row.id);
  }

  private rankFor(profile: JobDescriptionDetail['profile']): JobDescriptionDetail['ranked'] {
    const role = profile.role ?? 'backend';
    const questions = listBankQuestions(this.bank).filter((q) => q.role === role || q.role === 'fullstack');
    return rankBankQuestions(questions, profile, { limit: 10 }).map((r) => {
      const question = this.bank.get(r.questionId)!;
      return { questionId: r.questionId, text: question.text, category: question.category, reasons: r.reasons };
    });
  }

  private async deleteInterviews(user: User, by: { resumeId?: string; jobDescriptionId?: string }): Promise<void> {
    for (const interview of await this.repository.tailoredInterviews(user.id, by)) {
      await this.interviews.remove(user, interview.id);
    }
  }

  private async findResume(user: User, id: string) {
    const row = isUUID(id) ? await this.repository.findResume(user.id, id) : null;
    // Someone else's résumé is as absent as one that never was.
    if (!row) throw notFound('résumé', id);
    return row;
  }

  private async findJob(user: User, id: string) {
    const row = isUUID(id) ? await this.repository.findJob(user.id, id) : null;
    if (!row) throw notFound('job description', id);
    return row;
  }
}

function notFound(what: string, id: string): NotFoundException {
  return new NotFoundException(`No ${what} of yours with id "${id.slice(0, 64)}".`);
}

function tooLarge(): HttpException {
  return new HttpException(
    {
      statusCode: 413,
      error: 'Payload Too Large',
      message: `The file is over ${MAX_RESUME_BYTES / 1024 / 1024} MB. A résumé is a few pages: export it again without images, or upload it as DOCX or text.`,
      reason: 'too-large',
    },
    HttpStatus.PAYLOAD_TOO_LARGE,
  );
}

/** The file's name as shown: no folders, no control characters, not endless. */
function displayName(name: string): string {
  // The multipart parser reads a file name's bytes as Latin-1; browsers send UTF-8.
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  const decoded = utf8.includes('\uFFFD') ? name : utf8;
  const base = decoded.split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return (clean || 'résumé').slice(0, 200);
}
