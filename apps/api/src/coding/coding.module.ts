import { Module } from '@nestjs/common';
import { InterviewsModule } from '../interviews/interviews.module';
import { CodeRunsController } from './code-runs.controller';
import { CodeRunsService } from './code-runs.service';

/** Coding rounds: runs of the candidate's code and the editor's history. */
@Module({
  imports: [InterviewsModule],
  controllers: [CodeRunsController],
  providers: [CodeRunsService],
})
export class CodingModule {}
