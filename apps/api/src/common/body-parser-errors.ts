import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'encoding.unsupported': 'The request body encoding is not supported.',
  'charset.unsupported': 'The request body charset is not supported.',
  'request.aborted': 'The request was aborted.',
  'request.size.invalid': 'The request body does not match its Content-Length.',
};

/**
 * Express error middleware placed right after the body parser: turns its errors (which carry a `type`)
 * into HttpExceptions with a plain message, instead of the parser's internal wording.
 */
export function bodyParserErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const { type, status } = (error ?? {}) as { type?: string; status?: number };
  if (type && typeof status === 'number' && status >= 400 && status < 500) {
    return next(new HttpException(MESSAGES[type] ?? 'The request body could not be read.', status));
  }
  next(error);
}
