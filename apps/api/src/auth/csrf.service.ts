import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { doubleCsrf, DoubleCsrfUtilities } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { CSRF_HEADER } from '@mockroom/contracts';
import { ANON_COOKIE, CSRF_COOKIE, SESSION_COOKIE } from './auth.constants';

/**
 * Double-submit CSRF tokens (csrf-csrf), bound to the browser's session cookie, or to an anonymous
 * id before sign-in, so a token taken from one browser is useless in another.
 */
@Injectable()
export class CsrfService {
  private readonly csrf: DoubleCsrfUtilities;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.csrf = doubleCsrf({
      getSecret: () => config.secret,
      getSessionIdentifier: (req) =>
        (req.cookies?.[SESSION_COOKIE] as string | undefined) ??
        (req.cookies?.[ANON_COOKIE] as string | undefined) ??
        '',
      cookieName: CSRF_COOKIE,
      cookieOptions: { sameSite: 'lax', path: '/', secure: config.auth.secureCookies, httpOnly: true },
      getCsrfTokenFromRequest: (req) => req.headers[CSRF_HEADER] as string | undefined,
    });
  }

  /** Issues a token for this browser, first giving an anonymous browser an id to bind it to. */
  issue(req: Request, res: Response): string {
    if (!req.cookies?.[SESSION_COOKIE] && !req.cookies?.[ANON_COOKIE]) {
      const anon = randomBytes(18).toString('base64url');
      res.cookie(ANON_COOKIE, anon, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.auth.secureCookies,
        path: '/',
      });
      req.cookies = { ...(req.cookies as Record<string, string>), [ANON_COOKIE]: anon };
    }
    return this.csrf.generateCsrfToken(req, res, { overwrite: true });
  }

  isValid(req: Request): boolean {
    return this.csrf.validateRequest(req);
  }
}
