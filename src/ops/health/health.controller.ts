import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../common/http/auth.decorators';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('operations')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongooseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /** Readiness: 200 when MongoDB and Redis answer, 503 (with which one is down) otherwise. */
  @Get()
  @HealthCheck()
  ready() {
    return this.health.check([() => this.mongo.pingCheck('mongodb', { timeout: 1500 }), () => this.redis.pingCheck('redis')]);
  }

  /** Liveness: the process serves HTTP. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }
}
