import type { ConsumerStatus, Subscriptions } from '@app/events';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ConsumersHealthIndicator } from './consumers.health';

const consumer = (name: string, overrides: Partial<ConsumerStatus> = {}): ConsumerStatus => ({
  name,
  scope: 'shared',
  checkpoint: 10,
  head: 10,
  lag: 0,
  stuck: false,
  runsHere: true,
  failing: null,
  handled: 3,
  failures: 0,
  parked: 0,
  ...overrides,
});

function indicator(status: () => Promise<ConsumerStatus[]>) {
  return new ConsumersHealthIndicator(new HealthIndicatorService(), { status } as unknown as Subscriptions);
}

describe('ConsumersHealthIndicator', () => {
  it('is up with each consumer’s lag while none is stuck', async () => {
    const result = await indicator(async () => [consumer('a'), consumer('b', { lag: 4, checkpoint: 6 })]).check('consumers');
    expect(result).toEqual({
      consumers: {
        status: 'up',
        a: { lag: 0, checkpoint: 10, runsHere: true, stuck: false },
        b: { lag: 4, checkpoint: 6, runsHere: true, stuck: false },
      },
    });
  });

  it('makes readiness fail naming the stuck consumer and what it fails on', async () => {
    const failing = { eventId: 'e1', seq: 7, type: 'PartnerInvited', attempts: 9, error: 'redis down', since: new Date(0) };
    const result = await indicator(async () => [consumer('a'), consumer('b', { lag: 4, stuck: true, failing })]).check('consumers');
    expect(result.consumers).toMatchObject({ status: 'down', message: 'stuck: b', b: { stuck: true, failing: { attempts: 9 } } });
  });

  it('is down, not an error, when the log cannot be read', async () => {
    const result = await indicator(async () => Promise.reject(new Error('connection refused'))).check('consumers');
    expect(result.consumers).toEqual({ status: 'down', message: 'event log unreadable: connection refused' });
  });
});
