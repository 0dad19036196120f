import { DynamicModule, Module, Type } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AppConfig, ConfigModule } from '@mockroom/server-config';
import { DatabaseModule } from '@mockroom/server-database';
import { MediaModule } from '@mockroom/server-media';
import { JobsModule } from '@mockroom/server-jobs';
import { LiveKitModule } from '@mockroom/server-livekit';
import { QueueModule, RedisModule } from '@mockroom/server-queue';
import { RealtimeModule } from '@mockroom/server-realtime';
import { AuthModule } from './auth/auth.module';
import { CodingModule } from './coding/coding.module';
import { QuestionBankModule } from './question-bank/question-bank.module';
import { InterviewsModule } from './interviews/interviews.module';
import { LiveKitRoomsModule } from './livekit/livekit-rooms.module';
import { ProgressModule } from './progress/progress.module';
import { ReportsModule } from './reports/reports.module';
import { ResumesModule } from './resumes/resumes.module';
import { ReviewsModule } from './reviews/reviews.module';
import { SessionsModule } from './sessions/sessions.module';
import { SystemController } from './system/system.controller';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    const imports: (DynamicModule | Type)[] = [
      ConfigModule.withConfig(config),
      DatabaseModule.forRoot(),
      RedisModule,
      QueueModule,
      RealtimeModule,
      MediaModule,
      LiveKitModule,
      AuthModule,
      QuestionBankModule,
      InterviewsModule,
      SessionsModule,
      LiveKitRoomsModule,
      ReviewsModule,
      ReportsModule,
      ProgressModule,
      CodingModule,
      ResumesModule,
    ];
    if (config.webRoot) {
      // The built web client, with index.html for every client-side route; the API and socket paths stay the API's.
      imports.push(
        ServeStaticModule.forRoot({ rootPath: config.webRoot, exclude: ['/api/{*path}', '/socket.io/{*path}'] }),
      );
    }
    // The embedded database takes one connection, so this process runs the jobs too.
    if (config.workerInProcess) imports.push(JobsModule);
    return { module: AppModule, imports, controllers: [SystemController] };
  }
}
