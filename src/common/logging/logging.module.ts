import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';

/**
 * Human-readable logs (pino-pretty) when LOG_PRETTY=true, or when it is unset, in development, and
 * stdout is a terminal (`npm start` in a shell); JSON otherwise (pipes, containers, log collectors).
 */
function prettyLogs(config: AppConfig): boolean {
  if (config.env.LOG_PRETTY) return true;
  return process.env.LOG_PRETTY === undefined && config.env.NODE_ENV === 'development' && process.stdout.isTTY === true;
}

/**
 * Structured JSON logs (pino). The request id is set by Fastify (create-app.ts: the caller's
 * X-Request-Id when sane) and becomes the correlationId of the commands and events it causes.
 *
 * nestjs-pino's pino-http middleware is mounted on no route (`forRoutes: []`): it ran through Nest's
 * middleware bridge (twice on /health/live…), built a child logger and serialized every request's
 * headers even when nothing was logged, and wrote each response's headers — about a fifth of the
 * CPU time of a route without database work (docs/performance.md). A Fastify hook writes the one
 * line per request instead (request-log.ts, installRequestLog).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.env.LOG_LEVEL,
          transport: prettyLogs(config) ? { target: 'pino-pretty' } : undefined,
          redact: ['req.headers.authorization', 'req.headers.cookie'],
        },
        forRoutes: [],
      }),
    }),
  ],
})
export class LoggingModule {}
