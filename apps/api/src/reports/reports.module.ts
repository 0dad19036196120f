import { Module } from '@nestjs/common';
import { QuestionBankModule } from '../question-bank/question-bank.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Reports over many interviews, for admins. */
@Module({
  imports: [QuestionBankModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
