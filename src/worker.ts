import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, InvalidConfigError } from './config/app-config';
import { closeOnSignals, runMain } from './bootstrap/process-lifecycle';
import { WorkerModule } from './worker.module';

/**
 * The BullMQ worker process (`npm run start:worker`): runs the processors against the MongoDB and
 * Redis of the API instances. Shutdown lets active jobs finish before anything closes.
 */
async function main(): Promise<void> {
  const config = AppConfig.load(process.env);
  if (!config.env.MONGODB_URI || !(config.env.REDIS_URL || config.env.REDIS_CLUSTER_NODES)) {
    throw new InvalidConfigError(
      'Invalid configuration:\n  - MONGODB_URI and REDIS_URL are required by the worker process ' +
        '(the embedded default of `npm start` runs the workers inside the API process instead).',
    );
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  await app.init();
  process.stdout.write(`Creative Cities Exchange worker running (notifications ×${config.env.NOTIFICATION_CONCURRENCY})\n`);

  closeOnSignals('finishing active jobs…', 30_000, () => app.close());
}

runMain(main);
