import { Module } from '@nestjs/common';
import { QuestionBank } from '@mockroom/question-bank';
import { QuestionBankController } from './question-bank.controller';

@Module({
  controllers: [QuestionBankController],
  providers: [{ provide: QuestionBank, useFactory: () => QuestionBank.load() }],
  exports: [QuestionBank],
})
export class QuestionBankModule {}
