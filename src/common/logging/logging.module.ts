import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { serializeRequest, skipRequestLog } from './request-log';

/**
 * Structured JSON logs (pino). The request id is set by Fastify (create-app.ts: the caller's
 * X-Request-Id when sane) and becomes the correlationId of the commands and events it causes.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.env.LOG_LEVEL,
          transport: config.env.LOG_PRETTY ? { target: 'pino-pretty' } : undefined,
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          serializers: { req: serializeRequest },
          autoLogging: { ignore: skipRequestLog },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
