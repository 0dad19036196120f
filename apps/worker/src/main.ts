import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@mockroom/server-config';
import { Engines } from '@mockroom/server-jobs';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: config.logLevels,
  });
  app.enableShutdownHooks();
  Logger.log('worker ready', 'Mockroom');
  // The launcher prints the engines in its banner.
  process.send?.({ type: 'ready', engines: app.get(Engines).names() });
}

main().catch((error: Error) => {
  console.error(
    error instanceof ConfigError ? `Configuration error: ${error.message}` : `Worker failed to start: ${error.message}`,
  );
  process.exit(1);
});
