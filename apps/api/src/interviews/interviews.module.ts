import { Module } from '@nestjs/common';
import { SessionAudio } from '@mockroom/server-jobs';
import { AuthModule } from '../auth/auth.module';
import { QuestionBankModule } from '../question-bank/question-bank.module';
import { ReviewsController } from '../reviews/reviews.controller';
import { SessionsController } from '../sessions/sessions.controller';
import { SessionsService } from '../sessions/sessions.service';
import { ReviewsService } from '../reviews/reviews.service';
import { InterviewGateway } from './interview.gateway';
import { InterviewsController } from './interviews.controller';
import { InterviewsService } from './interviews.service';
import { InterviewRuntimes } from './runtime/interview-runtimes.service';

@Module({
  imports: [AuthModule, QuestionBankModule],
  controllers: [InterviewsController, ReviewsController, SessionsController],
  providers: [InterviewsService, InterviewRuntimes, InterviewGateway, ReviewsService, SessionAudio, SessionsService],
})
export class InterviewsModule {}
