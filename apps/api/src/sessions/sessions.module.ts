import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InterviewsModule } from '../interviews/interviews.module';
import { QuestionBankModule } from '../question-bank/question-bank.module';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

/** Sessions run by a human interviewer: creating them, invitations, joining by invitation. */
@Module({
  imports: [AuthModule, InterviewsModule, QuestionBankModule],
  controllers: [SessionsController],
  providers: [SessionsService],
})
export class SessionsModule {}
