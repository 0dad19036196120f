import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Res,
} from '@nestjs/common';
import type { CorrectionResult, Review, ShareInfo, User } from '@mockroom/contracts';
import { MediaStorage } from '@mockroom/server-media';
import type { Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import { sendMediaFile } from '../common/send-media-file';
import { TranscriptCorrectionsService } from './corrections/transcript-corrections.service';
import { CorrectTranscriptDto } from './dto/correct-transcript.dto';
import { ShareDto } from './dto/share.dto';
import { exportFilename } from './export/export-filename';
import { reviewToMarkdown } from './export/review-markdown';
import { reviewToPdf } from './export/review-pdf';
import { ReviewsService } from './reviews.service';

/** Reading a finished interview: the review, its audio, exports, and sharing it read-only. */
@Controller()
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly media: MediaStorage,
    private readonly corrections: TranscriptCorrectionsService,
  ) {}

  @Get('interviews/:id/review')
  review(@CurrentUser() user: User, @Param('id') id: string): Promise<Review> {
    return this.reviews.review(user, id);
  }

  /** Both voices of the whole session as one WAV; range requests let the player seek without downloading it all. */
  /**
   * The candidate corrects a misheard line of their transcript: the answer is assessed again, and the reply has the
   * correction (with the scores that moved) and the review as it is now.
   */
  @Post('interviews/:id/transcript/:seq/corrections')
  correct(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @Param(
      'seq',
      new ParseIntPipe({
        errorHttpStatusCode: 400,
        exceptionFactory: () => new BadRequestException('seq must be a transcript line number'),
      }),
    )
    seq: number,
    @Body() body: CorrectTranscriptDto,
  ): Promise<CorrectionResult> {
    return this.corrections.correct(user, id, seq, body.text);
  }

  @Get('interviews/:id/audio')
  async audio(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const path = await this.reviews.audioPath(user, id);
    await sendMediaFile(res, this.media, path, { 'Content-Type': 'audio/wav', 'Cache-Control': 'private, no-cache' });
  }

  @Get('interviews/:id/review.md')
  async markdown(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const review = await this.reviews.review(user, id);
    res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${exportFilename(review, 'md')}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(reviewToMarkdown(review, { generatedAt: new Date() }));
  }

  @Get('interviews/:id/review.pdf')
  async pdf(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const review = await this.reviews.review(user, id);
    const pdf = await reviewToPdf(review, { generatedAt: new Date() });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${exportFilename(review, 'pdf')}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(pdf);
  }

  @Get('interviews/:id/shares')
  shares(@CurrentUser() user: User, @Param('id') id: string): Promise<ShareInfo[]> {
    return this.reviews.shares(user, id);
  }

  /** 201 when shared now, 200 when it already was. */
  @Post('interviews/:id/shares')
  async share(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @Body() body: ShareDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ShareInfo> {
    const { share, created } = await this.reviews.share(user, id, body.email);
    res.status(created ? 201 : 200);
    return share;
  }

  @Delete('interviews/:id/shares/:shareId')
  @HttpCode(204)
  async revoke(@CurrentUser() user: User, @Param('id') id: string, @Param('shareId') shareId: string): Promise<void> {
    await this.reviews.revoke(user, id, shareId);
  }
}
