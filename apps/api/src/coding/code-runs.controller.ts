import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { CodeRunView, CodeSnapshot, User } from '@mockroom/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import { CodeRunDto } from './dto/code-run.dto';
import { CodeRunsService } from './code-runs.service';

@Controller('interviews/:id')
export class CodeRunsController {
  constructor(private readonly runs: CodeRunsService) {}

  /** Runs the code against the question's example tests ("run") or all of them ("submit"); the result follows as `code:run`. */
  @Post('code-runs')
  @HttpCode(202)
  request(@CurrentUser() user: User, @Param('id') id: string, @Body() body: CodeRunDto): Promise<CodeRunView> {
    return this.runs.request(user, id, body);
  }

  @Get('code-runs')
  list(@CurrentUser() user: User, @Param('id') id: string): Promise<CodeRunView[]> {
    return this.runs.list(user, id);
  }

  @Get('code-snapshots')
  snapshots(@CurrentUser() user: User, @Param('id') id: string): Promise<CodeSnapshot[]> {
    return this.runs.snapshots(user, id);
  }
}
