import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { SessionInfo, User } from '@mockroom/contracts';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DEVICE_COOKIE, SESSION_COOKIE } from './auth.constants';
import { CurrentUser, Public } from './auth.decorators';
import { AuthService, ClientMeta, IssuedSession } from './auth.service';
import type { AuthenticatedRequest, RequestUser } from './auth.types';
import { CsrfService } from './csrf.service';
import { SignInDto } from './dto/sign-in.dto';
import { SignUpDto } from './dto/sign-up.dto';

function clientMeta(req: Request): ClientMeta {
  const device = (req.cookies as Record<string, string> | undefined)?.[DEVICE_COOKIE];
  return {
    ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    userAgent: req.get('user-agent') ?? null,
    deviceCookie: typeof device === 'string' ? device : null,
  };
}

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly csrf: CsrfService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Who is signed in (or nobody) and a CSRF token for the next write. */
  @Public()
  @Get('session')
  session(
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): { user: User | null; csrfToken: string } {
    return { user: req.user ?? null, csrfToken: this.csrf.issue(req, res) };
  }

  @Public()
  @Post('sign-up')
  async signUp(
    @Body() body: SignUpDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionInfo> {
    return this.start(await this.auth.signUp(body, clientMeta(req)), req, res);
  }

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  async signIn(
    @Body() body: SignInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionInfo> {
    return this.start(await this.auth.signIn(body, clientMeta(req)), req, res);
  }

  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (req.authSessionId) await this.auth.signOut(req.authSessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  me(@CurrentUser() user: RequestUser): User {
    return user;
  }

  private start(session: IssuedSession, req: Request, res: Response): SessionInfo {
    res.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.auth.secureCookies,
      path: '/',
      expires: session.expiresAt,
    });
    // Kept after sign-out: it says this browser has signed in to the account, which is all the limits need.
    res.cookie(DEVICE_COOKIE, session.deviceCookie, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.auth.secureCookies,
      path: '/api/auth',
      maxAge: 365 * 24 * 3600 * 1000,
    });
    // The CSRF token is bound to the session cookie, so the new session needs a new token.
    req.cookies = { ...(req.cookies as Record<string, string>), [SESSION_COOKIE]: session.token };
    return { user: session.user, csrfToken: this.csrf.issue(req, res) };
  }
}
