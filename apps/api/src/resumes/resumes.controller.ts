import {
  ArgumentsHost,
  BadRequestException,
  Body,
  Catch,
  Controller,
  Delete,
  ExceptionFilter,
  Get,
  HttpCode,
  Param,
  PayloadTooLargeException,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  MAX_RESUME_BYTES,
  type JobDescriptionDetail,
  type JobDescriptionSummary,
  type ResumeDetail,
  type ResumeSummary,
  type User,
} from '@mockroom/contracts';
import { MediaStorage } from '@mockroom/server-media';
import type { Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import { sendMediaFile } from '../common/send-media-file';
import { JobDescriptionDto } from './dto/job-description.dto';
import { ResumeCorrectionDto } from './dto/resume-correction.dto';
import { ResumesService, type TailoredInterviews, type UploadedResume } from './resumes.service';

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const;

/** The multipart parser stops a file past the limit: said as the rest of the upload's refusals are. */
@Catch(PayloadTooLargeException)
class UploadTooLarge implements ExceptionFilter {
  catch(_error: PayloadTooLargeException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(413)
      .json({
        statusCode: 413,
        error: 'Payload Too Large',
        message: `The file is over ${MAX_RESUME_BYTES / 1024 / 1024} MB. A résumé is a few pages: export it again without images, or upload it as DOCX or text.`,
        reason: 'too-large',
      });
  }
}

function tailoredInterviews(value: unknown): TailoredInterviews {
  if (value === undefined || value === 'keep') return 'keep';
  if (value === 'delete') return 'delete';
  throw new BadRequestException('interviews must be "keep" or "delete".');
}

@Controller()
export class ResumesController {
  constructor(
    private readonly resumes: ResumesService,
    private readonly media: MediaStorage,
  ) {}

  /** Uploads a résumé (multipart: `file`, and `llmConsent`): read in the worker, stored once read. */
  @Post('resumes')
  @UseFilters(UploadTooLarge)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_RESUME_BYTES, files: 1, fields: 4, parts: 6 } }))
  upload(
    @CurrentUser() user: User,
    @UploadedFile() file: UploadedResume | undefined,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<ResumeDetail> {
    return this.resumes.upload(user, file, body?.llmConsent);
  }

  @Get('resumes')
  list(@CurrentUser() user: User): Promise<ResumeSummary[]> {
    return this.resumes.list(user);
  }

  @Get('resumes/:id')
  get(@CurrentUser() user: User, @Param('id') id: string): Promise<ResumeDetail> {
    return this.resumes.get(user, id);
  }

  @Put('resumes/:id/profile')
  correct(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @Body() body: ResumeCorrectionDto,
  ): Promise<ResumeDetail> {
    return this.resumes.correct(user, id, body);
  }

  @Get('resumes/:id/file')
  async file(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { path, fileName, kind } = await this.resumes.file(user, id);
    await sendMediaFile(res, this.media, path, {
      'Content-Type': CONTENT_TYPES[kind],
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'private, no-store',
    });
  }

  /** Deletes a résumé with its file and profile (`?interviews=delete`: the interviews tailored to it too). */
  @Delete('resumes/:id')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @Query('interviews') interviews: unknown,
  ): Promise<void> {
    await this.resumes.remove(user, id, tailoredInterviews(interviews));
  }

  @Post('job-descriptions')
  createJob(@CurrentUser() user: User, @Body() body: JobDescriptionDto): Promise<JobDescriptionDetail> {
    return this.resumes.createJob(user, body.text, body.title);
  }

  @Get('job-descriptions')
  listJobs(@CurrentUser() user: User): Promise<JobDescriptionSummary[]> {
    return this.resumes.listJobs(user);
  }

  @Get('job-descriptions/:id')
  getJob(@CurrentUser() user: User, @Param('id') id: string): Promise<JobDescriptionDetail> {
    return this.resumes.getJob(user, id);
  }

  @Delete('job-descriptions/:id')
  @HttpCode(204)
  async removeJob(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @Query('interviews') interviews: unknown,
  ): Promise<void> {
    await this.resumes.removeJob(user, id, tailoredInterviews(interviews));
  }
}
