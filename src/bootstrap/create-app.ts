import type { FastifyHelmetOptions } from '@fastify/helmet';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../app.module';
import { installCachedReadHits } from '../common/cache/cached-read.hook';
import { ReadCache } from '../common/cache/read-cache';
import { installConditionalGet } from '../common/http/conditional-get';
import { ProblemDetailsFilter } from '../common/http/problem-details.filter';
import { installRequestLog } from '../common/logging/request-log';
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
import { installSecurityHeaders } from './security-headers';
import { setupWebClient } from './web-client';
import { installLivenessRoute } from '../ops/health/liveness.route';

export const API_PREFIX = 'api/v1';
const BODY_LIMIT = 1024 * 1024;
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** What a cross-origin client may send: every method and header the API reads. */
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'];

/**
 * CORS: the API authenticates by a bearer token, never by a cookie, so no credentials are allowed
 * (no Access-Control-Allow-Credentials): `CORS_ORIGIN=*` then cannot lend a visitor's session to
 * another site, and is allowed, with a warning in production (name the web client's origins there).
 */
export function corsOptions(config: AppConfig) {
  const any = config.env.CORS_ORIGIN === '*';
  return {
    origin: any ? true : config.env.CORS_ORIGIN.split(',').map((o) => o.trim()),
    credentials: false,
    methods: CORS_METHODS,
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  };
}

/**
 * Security headers on every reply (API, /docs, /admin/queues, errors): nosniff, no framing
 * (frame-ancestors 'none' and X-Frame-Options: DENY), no referrer, HSTS, and a CSP for the pages
 * served here — Swagger UI, Bull Board and the web client at `/` (web/dist): scripts, styles, images
 * and fonts from this origin only; styles may also be inline (Swagger UI's page and components
 * set them; Bull Board's page has one); images and fonts may be data: URLs (Swagger UI's icons);
 * connections to this origin (CSP3 'self' covers ws:/wss: on the same host; PUBLIC_URL's wss: is
 * added for older browsers). No inline script runs anywhere.
 */
export function helmetOptions(config: AppConfig): FastifyHelmetOptions {
  const connect = ["'self'"];
  if (config.env.PUBLIC_URL) {
    const url = new URL(config.env.PUBLIC_URL);
    connect.push(`${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`);
  }
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: connect,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // crossOriginResourcePolicy stays same-origin: it binds no-cors loads only, not the web client's CORS fetches.
  };
}

/**
 * Builds the HTTP + WebSocket application (not listening yet). Used by main.ts and by the test
 * harness, so tests run exactly what production runs.
 */
export async function createApp(config: AppConfig, options: { workers: boolean }): Promise<NestFastifyApplication> {
  const adapter = new DrainingFastifyAdapter({
    bodyLimit: BODY_LIMIT,
    // Only the proxies named by TRUST_PROXY may set the client address (X-Forwarded-For); none by default.
    trustProxy: config.env.TRUST_PROXY,
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
  // Before every route (the queue board's and Swagger's too), so each reply carries the headers.
  await installSecurityHeaders(app.getHttpAdapter().getInstance(), helmetOptions(config));
  app.enableCors(corsOptions(config));
  if (config.isProduction && config.env.CORS_ORIGIN === '*') {
    new NestLogger('Cors').warn('CORS_ORIGIN=* in production: any site may call the API (no credentials are allowed); name the web client origins');
  }
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  installBodyParsers(app.getHttpAdapter().getInstance());
  installHttpHooks(app.getHttpAdapter().getInstance(), app.get(MetricsRegistry));
  // The root logger exists once Nest has configured LoggingModule (at init): read on each request.
  installRequestLog(app.getHttpAdapter().getInstance(), () => PinoLogger.root);
  installConditionalGet(app.getHttpAdapter().getInstance(), {
    prefix: `/${API_PREFIX}/`,
    // Reference data changes only with a release (src/shared/reference-data.ts): an hour in any cache.
    cacheControl: { [`/${API_PREFIX}/meta`]: 'public, max-age=3600' },
  });
  installCachedReadHits(app.getHttpAdapter().getInstance(), app.get(ReadCache));
  installLivenessRoute(app.getHttpAdapter().getInstance());
  setupQueueDashboard(app);
  setupOpenApi(app);
  await setupWebClient(app);
  return app;
}
