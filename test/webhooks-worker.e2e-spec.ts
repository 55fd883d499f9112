import { TestServices, type ApiClient } from '@app/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '../src/config/app-config';
import { DeliverWebhookProcessor } from '../src/webhooks/delivery/deliver-webhook.processor';
import { WorkerModule } from '../src/worker.module';
import { createCityUser, type CityUser } from './support/city-users';
import { ok } from './support/http-expectations';
import { proposeProject } from './support/projects';
import { login, startApp, type RunningApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';
import { documentedVerifier } from './support/webhook-verifier';

/**
 * As deployed with a separate worker process: the API (RUN_WORKERS=false) subscribes and
 * dispatches, the worker process (WorkerModule: no HTTP, no events module, no other domain
 * module) sends the delivery with nothing but the webhooks module's own collections.
 */
describe('Webhooks: delivered by the worker process', () => {
  let services: TestServices;
  let running: RunningApp;
  let worker: INestApplicationContext;
  let receiver: WebhookReceiver;
  let sevilla: CityUser;
  let lliria: CityUser;

  beforeAll(async () => {
    services = await TestServices.start();
    const env = { WEBHOOK_ALLOW_PRIVATE: 'true', RUN_WORKERS: 'false' };
    running = await startApp(services, env);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(AppConfig.load(services.env(env))), { logger: false });
    await worker.init();
    const api: ApiClient = running.api;
    const adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    [sevilla, lliria] = await Promise.all(['sevilla', 'lliria'].map((q) => createCityUser(api, adminToken, q)));
    receiver = await WebhookReceiver.start();
  });

  afterAll(async () => {
    await worker?.close();
    await running?.close();
    await receiver?.close();
    await services?.stop();
  });

  it('runs the processor only where workers run, and delivers from there', async () => {
    expect(() => running.app.get(DeliverWebhookProcessor, { strict: false })).toThrow();
    expect(worker.get(DeliverWebhookProcessor, { strict: false })).toBeInstanceOf(DeliverWebhookProcessor);

    const webhook = await ok(lliria.api.post('/webhooks', { url: receiver.url('/hook'), events: ['PartnerInvited'] }));
    const project = await proposeProject(sevilla);
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));
    const [delivery] = await receiver.waitFor('the delivery', '/hook', 1);
    expect(documentedVerifier()(webhook.secret, delivery.headers, delivery.raw)).toMatchObject({
      type: 'PartnerInvited',
      data: { projectId: project.id },
    });
  });
});
