import {
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { InterviewSnapshot, InterviewSummary, User } from '@mockroom/contracts';
import { MediaStorage } from '@mockroom/server-media';
import type { Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import { sendMediaFile } from '../common/send-media-file';
import { CreateInterviewDto } from './dto/create-interview.dto';
import { InterviewListQueryDto } from './dto/interview-list-query.dto';
import { InterviewsService } from './interviews.service';
import { InterviewRuntimes } from './runtime/interview-runtimes.service';

@Controller('interviews')
export class InterviewsController {
  constructor(
    private readonly service: InterviewsService,
    private readonly runtimes: InterviewRuntimes,
    private readonly media: MediaStorage,
  ) {}

  @Post()
  create(@CurrentUser() user: User, @Body() body: CreateInterviewDto): Promise<InterviewSummary> {
    return this.service.create(user, body);
  }

  @Get()
  list(@CurrentUser() user: User, @Query() query: InterviewListQueryDto): Promise<InterviewSummary[]> {
    return this.service.list(user, query);
  }

  @Get(':id')
  async get(@CurrentUser() user: User, @Param('id') id: string): Promise<InterviewSnapshot> {
    const { entity, access } = await this.service.findFor(user, id);
    if (access === 'shared' && (entity.status === 'created' || entity.status === 'live')) {
      throw new ForbiddenException('A shared interview can be opened once it has ended.');
    }
    return this.service.snapshot(entity, this.runtimes.peek(entity.id)?.turn, access === 'candidate');
  }

  /** Deletes the interview with its recording, transcript and scores. */
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: User, @Param('id') id: string): Promise<void> {
    await this.service.remove(user, id);
  }

  /** The interviewer's voice for one prompt (a WAV file). */
  @Get(':id/prompts/:seq/audio')
  async promptAudio(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @Param('seq', ParseIntPipe) seq: number,
    @Res() res: Response,
  ): Promise<void> {
    const { entity } = await this.service.findFor(user, id);
    const path = await this.service.promptAudio(entity, seq);
    await sendMediaFile(res, this.media, path, {
      'Content-Type': 'audio/wav',
      'Cache-Control': 'private, max-age=31536000, immutable',
    });
  }
}
