import { Module } from '@nestjs/common';
import { SessionAudio } from '@mockroom/server-jobs';
import { AuthModule } from '../auth/auth.module';
import { QuestionBankModule } from '../question-bank/question-bank.module';
import { LiveKitController } from '../livekit/livekit.controller';
import { LiveKitService } from '../livekit/livekit.service';
import { SessionsController } from '../sessions/sessions.controller';
import { SessionsService } from '../sessions/sessions.service';
import { InterviewGateway } from './interview.gateway';
import { InterviewsController } from './interviews.controller';
import { InterviewsService } from './interviews.service';
import { InterviewRuntimes } from './runtime/interview-runtimes.service';

@Module({
  imports: [AuthModule, QuestionBankModule],
  controllers: [InterviewsController, SessionsController, LiveKitController],
  providers: [InterviewsService, InterviewRuntimes, InterviewGateway, SessionAudio, SessionsService, LiveKitService],
  exports: [InterviewsService, SessionAudio],
})
export class InterviewsModule {}
