import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@mockroom/contracts';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';

/**
 * Every error leaves the API in one shape: { statusCode, error, message, details?, reason? } (`reason`: a refusal's
 * machine-readable cause, e.g. why an upload was refused). Unknown errors are 500 and logged.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (res.headersSent) return;
    const retryAfter = (exception as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const error = STATUS_CODES[status] ?? 'Error';
      if (typeof response === 'string') return { statusCode: status, error, message: response };
      const { message, details, reason } = response as {
        message?: string | string[];
        details?: string[];
        reason?: string;
      };
      if (Array.isArray(message)) return { statusCode: status, error, message: message.join('; '), details: message };
      return {
        statusCode: status,
        error,
        message: message ?? exception.message,
        ...(details ? { details } : {}),
        ...(typeof reason === 'string' ? { reason } : {}),
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side.',
    };
  }
}
