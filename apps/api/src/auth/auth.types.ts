import type { User } from '@mockroom/contracts';
import type { Request } from 'express';

export type RequestUser = User;

export interface AuthenticatedRequest extends Request {
  user?: RequestUser;
  authSessionId?: string;
}
