import { Module } from '@nestjs/common';
import { InterviewsModule } from '../interviews/interviews.module';
import { QuestionBankModule } from '../question-bank/question-bank.module';
import { TranscriptCorrectionsService } from './corrections/transcript-corrections.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

/**
 * Reading a finished interview: the review, its audio and exports, sharing, corrections of the transcript.
 * The session audio is the interviews module's own instance (it keeps one mix in flight per interview).
 */
@Module({
  imports: [InterviewsModule, QuestionBankModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, TranscriptCorrectionsService],
})
export class ReviewsModule {}
