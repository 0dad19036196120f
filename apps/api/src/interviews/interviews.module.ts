import { Module } from '@nestjs/common';
import { SessionAudio } from '@mockroom/server-jobs';
import { AuthModule } from '../auth/auth.module';
import { QuestionBankModule } from '../question-bank/question-bank.module';
import { ReviewsController } from '../reviews/reviews.controller';
import { LiveKitController } from '../livekit/livekit.controller';
import { LiveKitService } from '../livekit/livekit.service';
import { SessionsController } from '../sessions/sessions.controller';
import { SessionsService } from '../sessions/sessions.service';
import { TranscriptCorrectionsService } from '../reviews/corrections/transcript-corrections.service';
import { ReviewsService } from '../reviews/reviews.service';
import { InterviewGateway } from './interview.gateway';
import { InterviewsController } from './interviews.controller';
import { InterviewsService } from './interviews.service';
import { InterviewRuntimes } from './runtime/interview-runtimes.service';

@Module({
  imports: [AuthModule, QuestionBankModule],
  controllers: [InterviewsController, ReviewsController, SessionsController, LiveKitController],
  providers: [InterviewsService, InterviewRuntimes, InterviewGateway, ReviewsService, TranscriptCorrectionsService, SessionAudio, SessionsService, LiveKitService],
})
export class InterviewsModule {}
