import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, InvalidConfigError } from '../config/app-config';
import { CliModule } from './cli.module';

/** Thrown for a wrong command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Runs one maintenance script against the database the app uses (MONGODB_URI): builds a Nest
 * application context (no HTTP) with the app's validated config, runs `work`, closes everything
 * and exits with `work`'s code: 0 done, 1 refused or failed, 2 wrong usage or configuration.
 */
export async function runCli(
  name: string,
  usage: string,
  work: (app: INestApplicationContext, out: (line: string) => void) => Promise<number>,
): Promise<void> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const fail = (line: string) => process.stderr.write(`${name}: ${line}\n`);
  let app: INestApplicationContext | undefined;
  let code = 1;
  try {
    // Seeding is the `seed` script's explicit job, never a side effect of another script.
    const config = AppConfig.load({ ...process.env, SEED_ON_START: 'false' });
    if (!config.env.MONGODB_URI) {
      throw new UsageError(
        'MONGODB_URI is not set. Scripts write to the database the app uses; the embedded default keeps its data in the ' +
          'server process (it seeds itself at start), so set MONGODB_URI to a MongoDB replica set, e.g. mongodb://localhost:27017/cce?replicaSet=rs0',
      );
    }
    app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'], abortOnError: false });
    code = await work(app, out);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InvalidConfigError) {
      fail(error.message);
      if (error instanceof UsageError) process.stderr.write(`usage: ${usage}\n`);
      code = 2;
    } else {
      fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
      code = 1;
    }
  } finally {
    await app?.close().catch((error: unknown) => fail(`while closing: ${String(error)}`));
  }
  process.exit(code);
}
