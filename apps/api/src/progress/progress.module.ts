import { Module } from '@nestjs/common';
import { QuestionBankModule } from '../question-bank/question-bank.module';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

/** `GET /api/progress`: a candidate's scores over time and by category. */
@Module({
  imports: [QuestionBankModule],
  controllers: [ProgressController],
  providers: [ProgressService],
})
export class ProgressModule {}
