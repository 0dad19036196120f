import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { dataSourceOptions } from './data-source';
import { ENTITIES } from './entities';
import { AuthSessionRepository } from './repositories/auth-session.repository';
import { CodeRunRepository } from './repositories/code-run.repository';
import { ResumeRepository } from './repositories/resume.repository';
import { InterviewRepository } from './repositories/interview.repository';
import { InterviewerFeedbackRepository } from './repositories/interviewer-feedback.repository';
import { TranscriptCorrectionRepository } from './repositories/transcript-correction.repository';
import { UserRepository } from './repositories/user.repository';

const REPOSITORIES = [
  UserRepository,
  AuthSessionRepository,
  InterviewRepository,
  InterviewerFeedbackRepository,
  TranscriptCorrectionRepository,
  CodeRunRepository,
  ResumeRepository,
];

/** The database connection and every repository; features inject repositories, never TypeORM. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            dataSourceOptions({
              url: config.database.url,
              poolSize: config.database.poolSize,
              connectTimeoutMs: config.database.connectTimeoutMs,
              logging: config.database.logging,
            }),
        }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: REPOSITORIES,
      exports: REPOSITORIES,
    };
  }
}
