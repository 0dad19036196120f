import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import type { HumanSession, InterviewSummary, InvitationInfo, User } from '@mockroom/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { CreateSessionDto } from './dto/create-session.dto';
import { SessionsService } from './sessions.service';

/** Human interviewer sessions and their invitations. */
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('sessions')
  @Roles('interviewer', 'admin')
  create(@CurrentUser() user: User, @Body() body: CreateSessionDto): Promise<HumanSession> {
    return this.sessions.create(user, body);
  }

  @Get('sessions/:id')
  get(@CurrentUser() user: User, @Param('id') id: string): Promise<HumanSession> {
    return this.sessions.get(user, id);
  }

  /** A new invitation link; the old one stops working. 201 with the session and its new link. */
  @Post('sessions/:id/invitation')
  @Roles('interviewer', 'admin')
  renewInvitation(@CurrentUser() user: User, @Param('id') id: string): Promise<HumanSession> {
    return this.sessions.renewInvitation(user, id);
  }

  @Get('invitations/:token')
  invitation(@CurrentUser() user: User, @Param('token') token: string): Promise<InvitationInfo> {
    return this.sessions.invitation(user, token);
  }

  @Post('invitations/:token/accept')
  accept(@CurrentUser() user: User, @Param('token') token: string): Promise<InterviewSummary> {
    return this.sessions.accept(user, token);
  }
}
