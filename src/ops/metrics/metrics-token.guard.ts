import { CanActivate, ExecutionContext, Injectable, Logger, NotFoundException, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * /metrics with METRICS_TOKEN set: only `Authorization: Bearer <token>` (401 otherwise). Without it,
 * open in development, and absent (404) in production: process and queue figures are not for the
 * public, and a missing observability setting should not keep the API from starting (a warning
 * at start names it).
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate, OnModuleInit {
  private readonly expected?: Buffer;

  constructor(private readonly config: AppConfig) {
    if (config.env.METRICS_TOKEN) this.expected = digest(config.env.METRICS_TOKEN);
  }

  onModuleInit(): void {
    if (!this.expected && this.config.isProduction) {
      new Logger('Metrics').warn('METRICS_TOKEN is not set: /metrics answers 404 in production; set it and scrape with that bearer token');
    }
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) {
      if (this.config.isProduction) throw new NotFoundException('Not found.');
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    // Compared as digests: equal length, constant time.
    if (match && timingSafeEqual(digest(match[1]), this.expected)) return true;
    context.switchToHttp().getResponse<FastifyReply>().header('WWW-Authenticate', 'Bearer realm="metrics"');
    throw new UnauthorizedException('/metrics needs the metrics bearer token (METRICS_TOKEN).');
  }
}
