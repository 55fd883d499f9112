import type { DiscoveryService } from '@nestjs/core';
import type { AppConfig } from '../../config/app-config';
import type { RedisConnections } from '../redis/redis-connections';
import { JobProcessor } from './job-processor';
import { defineQueue } from './queue-definition';
import { QueueRegistry } from './queue-registry';
import { QueueWorkers } from './queue-workers';

const mail = defineQueue<{ 'mail.send': { to: string }; 'mail.digest': { cityId: string } }>('mail', ['mail.send', 'mail.digest']);

class SendOnly extends JobProcessor<{ 'mail.send': { to: string }; 'mail.digest': { cityId: string } }> {
  readonly queue = mail;
  readonly handlers = { 'mail.send': async () => 'sent' };
}

function workersWith(...instances: object[]) {
  const registry = new QueueRegistry();
  registry.register(mail);
  const discovery = { getProviders: () => instances.map((instance) => ({ instance })) } as unknown as DiscoveryService;
  return new QueueWorkers(discovery, registry, {} as RedisConnections, {} as AppConfig);
}

describe('QueueWorkers start-up check', () => {
  it('fails start-up naming each job that has no processor where workers run', () => {
    expect(() => workersWith(new SendOnly()).onModuleInit()).toThrow(
      /"mail\.digest" \(queue "mail"\) .*no processor|no processor: "mail\.digest" \(queue "mail"\)/,
    );
    expect(() => workersWith().onModuleInit()).toThrow(/"mail\.send".*"mail\.digest"/);
  });

  it('starts when every job has a handler', () => {
    const digest = Object.assign(Object.create(JobProcessor.prototype), { queue: mail, handlers: { 'mail.digest': async () => 'ok' } });
    expect(() => workersWith(new SendOnly(), digest).onModuleInit()).not.toThrow();
  });
});
