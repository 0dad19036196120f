import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InterviewsModule } from '../interviews/interviews.module';
import { LiveKitController } from './livekit.controller';
import { LiveKitService } from './livekit.service';

/** Interviews' LiveKit rooms: tokens for their participants, the media agent's dispatch, the server's webhooks. */
@Module({
  imports: [AuthModule, InterviewsModule],
  controllers: [LiveKitController],
  providers: [LiveKitService],
})
export class LiveKitRoomsModule {}
