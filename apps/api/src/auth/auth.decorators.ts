import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { UserRole } from '@mockroom/contracts';
import type { AuthenticatedRequest, RequestUser } from './auth.types';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';
export const SKIP_CSRF = 'auth:skip-csrf';

/** Anyone may call this route; a signed-in user is still attached when present. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call this route (admins always may). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

/** For requests authenticated another way (signed webhooks). */
export const SkipCsrf = () => SetMetadata(SKIP_CSRF, true);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestUser | undefined => {
    return context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  },
);
