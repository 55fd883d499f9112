import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, InvalidConfigError } from './config/app-config';
import { WorkerModule } from './worker.module';

/**
 * The BullMQ worker process (`npm run start:worker`): runs the processors against the MongoDB and
 * Redis of the API instances. Shutdown lets active jobs finish before anything closes.
 */
async function main(): Promise<void> {
  const config = AppConfig.load(process.env);
  if (!config.env.MONGODB_URI || !config.env.REDIS_URL) {
    throw new InvalidConfigError(
      'Invalid configuration:\n  - MONGODB_URI and REDIS_URL are required by the worker process ' +
        '(the embedded default of `npm start` runs the workers inside the API process instead).',
    );
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  await app.init();
  process.stdout.write(`Creative Cities Exchange worker running (notifications ×${config.env.NOTIFICATION_CONCURRENCY})\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal} received: finishing active jobs…\n`);
    const force = setTimeout(() => process.exit(1), 30_000).unref();
    await app.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`${error instanceof InvalidConfigError ? error.message : (error?.stack ?? error)}\n`);
  process.exit(1);
});
