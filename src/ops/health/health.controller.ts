import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../common/http/auth.decorators';
import { ConsumersHealthIndicator } from './consumers.health';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('operations')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongooseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly consumers: ConsumersHealthIndicator,
  ) {}

  /**
   * Readiness: 200 when MongoDB and Redis answer and no event consumer is stuck, 503 (saying
   * which) otherwise. The details list each consumer's lag.
   */
  @Get()
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.mongo.pingCheck('mongodb', { timeout: 1500 }),
      () => this.redis.pingCheck('redis'),
      () => this.consumers.check('consumers'),
    ]);
  }

  /** Liveness: the process serves HTTP. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }
}
