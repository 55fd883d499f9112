import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { QueuesModule } from '../infra/queues/queues.module';
import { CreateWebhookHandler } from './commands/create-webhook/create-webhook.handler';
import { DeleteWebhookHandler } from './commands/delete-webhook/delete-webhook.handler';
import { RedeliverHandler } from './commands/redeliver/redeliver.handler';
import { WebhookDispatch } from './consumers/webhook-dispatch.consumer';
import { DeliverWebhookProcessor } from './delivery/deliver-webhook.processor';
import { WebhookHttpClient } from './delivery/webhook-http-client';
import { WebhookResolver } from './delivery/webhook-resolver';
import { WebhookTargetGuard } from './delivery/webhook-target-guard';
import { WebhooksController } from './http/webhooks.controller';
import { DeliveryRepository } from './persistence/delivery.repository';
import { WebhookDeliveryDocument, WebhookDeliverySchema } from './persistence/webhook-delivery.schema';
import { WebhookSecretDocument, WebhookSecretSchema } from './persistence/webhook-secret.schema';
import { WebhookRepository } from './persistence/webhook.repository';
import { WebhookDocument, WebhookSchema } from './persistence/webhook.schema';
import { ListDeliveriesHandler } from './queries/list-deliveries/list-deliveries.handler';
import { ListWebhooksHandler } from './queries/list-webhooks/list-webhooks.handler';
import { secretCipherProvider } from './secrets/secret-cipher.provider';
import { SecretMigrationRunner } from './secrets/secret-migration.runner';
import { webhooksQueue } from './queue/webhook-jobs';
import { WebhookQueue } from './queue/webhook-queue';

export interface WebhooksOptions {
  /** The HTTP routes and the event consumers (the API process). */
  api: boolean;
  /** The BullMQ processors (wherever workers run). */
  workers: boolean;
}

/**
 * Signed webhooks for city IT systems (SPEC §3): subscriptions, the `webhooks.dispatch` consumer
 * that enqueues deliveries, and the processor that sends them. The processor needs only this
 * module's own collections (the worker process has no other domain module).
 */
@Module({})
export class WebhooksModule {
  static forRoot({ api, workers }: WebhooksOptions): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [
        QueuesModule.forFeature(webhooksQueue),
        MongooseModule.forFeature([
          { name: WebhookDocument.name, schema: WebhookSchema },
          { name: WebhookSecretDocument.name, schema: WebhookSecretSchema },
          { name: WebhookDeliveryDocument.name, schema: WebhookDeliverySchema },
        ]),
      ],
      controllers: api ? [WebhooksController] : [],
      providers: [
        secretCipherProvider,
        SecretMigrationRunner,
        WebhookRepository,
        DeliveryRepository,
        WebhookResolver,
        WebhookTargetGuard,
        ...(api
          ? [WebhookQueue, WebhookDispatch, CreateWebhookHandler, DeleteWebhookHandler, RedeliverHandler, ListWebhooksHandler, ListDeliveriesHandler]
          : []),
        ...(workers ? [WebhookHttpClient, DeliverWebhookProcessor] : []),
      ],
    };
  }
}
