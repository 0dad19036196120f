import { Module } from '@nestjs/common';
import { SessionAudio } from '@mockroom/server-interviews';
import { AuthModule } from '../auth/auth.module';
import { QuestionBankModule } from '../question-bank/question-bank.module';
import { InterviewGateway } from './interview.gateway';
import { InterviewsController } from './interviews.controller';
import { InterviewsService } from './interviews.service';
import { LiveRelay } from './relay/live-relay';
import { InterviewRuntimes } from './runtime/interview-runtimes.service';

@Module({
  imports: [AuthModule, QuestionBankModule],
  controllers: [InterviewsController],
  providers: [InterviewsService, InterviewRuntimes, LiveRelay, InterviewGateway, SessionAudio],
  exports: [InterviewsService, SessionAudio],
})
export class InterviewsModule {}
