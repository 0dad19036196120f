import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@mockroom/server-config';
import { DatabaseModule } from '@mockroom/server-database';
import { MediaModule } from '@mockroom/server-media';
import { JobsModule } from '@mockroom/server-jobs';
import { QueueModule, RedisModule } from '@mockroom/server-queue';
import { RealtimeModule } from '@mockroom/server-realtime';

/** The worker process: no HTTP, only the job processors and what they need. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.withConfig(config),
        DatabaseModule.forRoot(),
        RedisModule,
        QueueModule,
        RealtimeModule,
        MediaModule,
        JobsModule,
      ],
    };
  }
}
