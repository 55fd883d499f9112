import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/http/auth.decorators';
import { MetricsTokenGuard } from './metrics-token.guard';
import { MetricsRegistry } from './metrics.registry';

@ApiExcludeController()
@Controller('metrics')
@Public() // not a user's token: MetricsTokenGuard checks METRICS_TOKEN
@UseGuards(MetricsTokenGuard)
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
