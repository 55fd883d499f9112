import { Module, type DynamicModule } from '@nestjs/common';

export interface MailOptions {
  /** The HTTP routes and the event consumers (the API process). */
  api: boolean;
  /** The BullMQ processors (wherever workers run). */
  workers: boolean;
}

@Module({})
export class MailModule {
  static forRoot({ api, workers }: MailOptions): DynamicModule {
    return { module: MailModule, imports: [], controllers: api ? [] : [], providers: workers ? [] : [] };
  }
}
