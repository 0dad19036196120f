import { BadRequestException, INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@mockroom/server-config';
import { REDIS } from '@mockroom/server-queue';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type IORedis from 'ioredis';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { bodyParserErrors, bodyShape } from './common/body-parser-errors';
import { RedisIoAdapter } from './realtime/redis-io.adapter';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.includes('should not exist') ? `${path} is not an accepted field` : message,
    );
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Builds the API application (used by main.ts and by the tests). Call listen() on the result. */
export async function createApiApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    logger: config.logLevels,
  });
  // Whose X-Forwarded-For is believed (the per-address limits use the client's address): TRUST_PROXY.
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'data:', 'blob:'],
          // LiveKit's signalling socket, and its HTTP twin (the client checks a refused connection there).
          'connect-src': [
            "'self'",
            'ws:',
            'wss:',
            ...(config.livekit ? [config.livekit.publicUrl, config.livekit.publicUrl.replace(/^ws/, 'http')] : []),
          ],
          'worker-src': ["'self'", 'blob:'],
        },
      },
      // The dev-mode web server on another port proxies to us; same-site is enough.
      crossOriginResourcePolicy: { policy: 'same-site' },
    }),
  );
  app.use(cookieParser());
  // LiveKit's webhooks are verified against their exact bytes.
  app.useBodyParser('raw', { type: 'application/webhook+json', limit: '1mb' });
  app.useBodyParser('json', { limit: config.http.jsonLimit });
  app.use(bodyParserErrors);
  app.use(bodyShape);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => {
        const details = flatten(errors);
        return new BadRequestException({ message: details.join('; '), details });
      },
    }),
  );
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useWebSocketAdapter(new RedisIoAdapter(app, app.get<IORedis>(REDIS)));
  app.enableShutdownHooks();
  return app;
}
