import { Module } from '@nestjs/common';
import { InterviewsModule } from '../interviews/interviews.module';
import { QuestionBankModule } from '../question-bank/question-bank.module';
import { ResumesController } from './resumes.controller';
import { ResumesService } from './resumes.service';

/** Résumés and job descriptions: what was understood of each, and deleting each with what came of it. */
@Module({
  imports: [InterviewsModule, QuestionBankModule],
  controllers: [ResumesController],
  providers: [ResumesService],
})
export class ResumesModule {}
