import { Controller, Headers, HttpCode, Param, Post, Req, UnauthorizedException } from '@nestjs/common';
import type { LiveKitJoin, User } from '@mockroom/contracts';
import { mapWebhookEvent, verifyWebhook, WebhookReceiver, WebhookRejectedError } from '@mockroom/server-livekit';
import type { Request } from 'express';
import { CurrentUser, Public, SkipCsrf } from '../auth/auth.decorators';
import { LiveKitService } from './livekit.service';

@Controller()
export class LiveKitController {
  constructor(
    private readonly livekit: LiveKitService,
    private readonly receiver: WebhookReceiver,
  ) {}

  /** A short-lived token for this interview's LiveKit room (409 when LiveKit is not configured). */
  @Post('interviews/:id/livekit')
  join(@CurrentUser() user: User, @Param('id') id: string): Promise<LiveKitJoin> {
    return this.livekit.join(user, id);
  }

  /**
   * LiveKit's webhooks (room, participant and egress events). Not a browser call: no session, no CSRF token; instead
   * the body must be signed with our API secret (checked on the raw bytes), or it is refused with 401 and changes nothing.
   */
  @Post('livekit/webhook')
  @Public()
  @SkipCsrf()
  @HttpCode(200)
  async webhook(
    @Req() req: Request,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<{ result: 'applied' | 'ignored' | 'duplicate' }> {
    const raw = Buffer.isBuffer(req.body) ? req.body : typeof req.body === 'string' ? req.body : '';
    try {
      const event = await verifyWebhook(this.receiver, raw, authorization);
      return { result: await this.livekit.onEvent(mapWebhookEvent(event)) };
    } catch (error) {
      if (error instanceof WebhookRejectedError) throw new UnauthorizedException(`Webhook refused: ${error.message}`);
      throw error;
    }
  }
}
