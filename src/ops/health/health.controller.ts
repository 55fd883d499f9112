import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../common/http/auth.decorators';
import { ConsumersHealthIndicator } from './consumers.health';
import { RedisHealthIndicator } from './redis.health';

/** One check of the readiness answer: `up` or `down`, with what the indicator adds (`message` when down). */
const CHECK_SCHEMA = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['up', 'down'] },
    responseTime: { type: 'number', description: 'How long the ping took, in ms (mongodb, redis)' },
    message: { type: 'string', description: 'Why it is down' },
  },
  additionalProperties: true,
};

/** The checks of `GET /health`, by name (terminus' `info`, `error` and `details`). */
const CHECKS_SCHEMA = {
  type: 'object',
  properties: {
    mongodb: CHECK_SCHEMA,
    redis: CHECK_SCHEMA,
    consumers: {
      ...CHECK_SCHEMA,
      description: 'Besides `status`, one member per event consumer: {lag, checkpoint, runsHere, stuck, failing?}',
    },
  },
};

@ApiTags('operations')
@Controller('health') // and GET /health/live: liveness.route.ts
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
   * which) otherwise. The details list each consumer's lag. Documented here rather than by
   * terminus: its own schema shows a 503 as a health result, but ours is problem+json.
   */
  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: whether MongoDB, Redis and the event consumers are up' })
  @ApiOkResponse({
    description: 'Ready (terminus health check result)',
    schema: {
      type: 'object',
      required: ['status', 'info', 'error', 'details'],
      properties: {
        status: { type: 'string', enum: ['ok'] },
        info: { ...CHECKS_SCHEMA, description: 'The checks that are up' },
        error: { ...CHECKS_SCHEMA, description: 'The checks that are down (none when ready)' },
        details: { ...CHECKS_SCHEMA, description: 'Every check' },
      },
    },
  })
  @ApiServiceUnavailableResponse({
    description: 'Not ready (Retry-After: 5): problem+json whose `checks` member holds every check, saying which is down',
    content: {
      'application/problem+json': {
        schema: {
          allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { checks: CHECKS_SCHEMA } }],
        },
      },
    },
  })
  ready() {
    return this.health.check([
      () => this.mongo.pingCheck('mongodb', { timeout: 1500 }),
      () => this.redis.pingCheck('redis'),
      () => this.consumers.check('consumers'),
    ]);
  }
}
