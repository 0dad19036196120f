import { Controller, Get } from '@nestjs/common';
import type { Progress, User } from '@mockroom/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import { ProgressService } from './progress.service';

@Controller()
export class ProgressController {
  constructor(private readonly progressService: ProgressService) {}

  /** The signed-in candidate's scores across their finished interviews. */
  @Get('progress')
  progress(@CurrentUser() user: User): Promise<Progress> {
    return this.progressService.progress(user);
  }
}
