import { Module, type DynamicModule } from '@nestjs/common';

export interface WebhooksOptions {
  /** The HTTP routes and the event consumers (the API process). */
  api: boolean;
  /** The BullMQ processors (wherever workers run). */
  workers: boolean;
}

@Module({})
export class WebhooksModule {
  static forRoot({ api, workers }: WebhooksOptions): DynamicModule {
    return { module: WebhooksModule, imports: [], controllers: api ? [] : [], providers: workers ? [] : [] };
  }
}
