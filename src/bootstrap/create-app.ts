import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../app.module';
import { ProblemDetailsFilter } from '../common/http/problem-details.filter';
import { createValidationPipe } from '../common/http/validation.pipe';
import type { AppConfig } from '../config/app-config';
import { LiveSocketAdapter } from '../live/adapter/live-socket.adapter';
import { MetricsRegistry } from '../ops/metrics/metrics.registry';
import { installBodyParsers } from './body-parsers';
import { DrainingFastifyAdapter } from './draining-fastify-adapter';
import { clientErrorHandler, frameworkErrors } from './framework-errors';
import { installHttpHooks } from './http-hooks';
import { setupOpenApi } from './openapi';
import { setupQueueDashboard } from './queue-dashboard';

export const API_PREFIX = 'api/v1';
const BODY_LIMIT = 1024 * 1024;
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Builds the HTTP + WebSocket application (not listening yet). Used by main.ts and by the test
 * harness, so tests run exactly what production runs.
 */
export async function createApp(config: AppConfig, options: { workers: boolean }): Promise<NestFastifyApplication> {
  const adapter = new DrainingFastifyAdapter({
    bodyLimit: BODY_LIMIT,
    trustProxy: true,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      (req as { id?: string }).id = id; // pino-http reads req.id, so logs and replies share it
      return id;
    },
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // The API owns its body parsers (JSON only; see installBodyParsers): Nest's would also take
    // application/x-www-form-urlencoded, a type no route is made for.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // Socket.IO through Redis, so every API instance (and the worker's emitter) reaches every socket.
  const live = new LiveSocketAdapter(app);
  app.useWebSocketAdapter(live);
  adapter.beforeDrain = () => live.disconnectLocalClients();
  app.enableCors({
    origin: config.env.CORS_ORIGIN === '*' ? true : config.env.CORS_ORIGIN.split(','),
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/live', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  installBodyParsers(app.getHttpAdapter().getInstance());
  installHttpHooks(app.getHttpAdapter().getInstance(), app.get(MetricsRegistry));
  setupQueueDashboard(app);
  setupOpenApi(app);
  return app;
}
