import type { ApiErrorBody } from '@mockroom/contracts';
import type { NextFunction, Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { payloadProblem } from './payload-shape';

const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'encoding.unsupported': 'The request body encoding is not supported.',
  'charset.unsupported': 'The request body charset is not supported.',
  'request.aborted': 'The request was aborted.',
  'request.size.invalid': 'The request body does not match its Content-Length.',
};

/**
 * Express error middleware placed right after the body parser: answers its errors (which carry a `type`) at once, in
 * the API's error shape, with a plain message instead of the parser's internal wording. At once, because an error
 * passed on would meet the web client's static-file handler, which turns every error on an API path into a 404.
 */
export function bodyParserErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const { type, status } = (error ?? {}) as { type?: string; status?: number };
  if (type && typeof status === 'number' && status >= 400 && status < 500) {
    return void reply(res, status, MESSAGES[type] ?? 'The request body could not be read.');
  }
  next(error);
}

/**
 * After the JSON parser: refuses bodies nested too deeply (validation walks them recursively) and strings holding a
 * NUL character (PostgreSQL cannot store one), before anything reads them.
 */
export function bodyShape(req: Request, res: Response, next: NextFunction): void {
  const problem = payloadProblem(req.body);
  if (problem) return void reply(res, 400, `The request body ${problem}.`);
  next();
}

function reply(res: Response, status: number, message: string): void {
  const body: ApiErrorBody = { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
  res.status(status).json(body);
}
