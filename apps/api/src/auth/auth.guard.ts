import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '@mockroom/contracts';
import { SESSION_COOKIE } from './auth.constants';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from './auth.types';

/** Global guard: every route needs a signed-in user unless marked @Public(); @Roles() narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = req.cookies?.[SESSION_COOKIE] as string | undefined;
    const resolved = token ? await this.auth.resolve(token) : null;
    if (resolved) {
      req.user = resolved.user;
      req.authSessionId = resolved.sessionId;
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (!req.user) throw new UnauthorizedException('Sign in to continue.');
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && req.user.role !== 'admin' && !roles.includes(req.user.role)) {
      throw new ForbiddenException(`This needs one of these roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
