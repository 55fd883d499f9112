/**
 * bench/events: latency from commit to a consumer's handler at idle, through the subscriptions of
 * libs/events (commit signal → runner → handler, checkpoint after), beside the raw baseline of the
 * first event backbone in the same run: claim the event in MongoDB right after commit, then publish
 * it on the CQRS EventBus to an @EventsHandler. Same MongoDB (in-process), same process.
 * Target (issue: event backbone v2): p99 ≤ 2× the baseline's.
 * Run: node -r @swc-node/register bench/events/index.ts
 */
import 'reflect-metadata';
import {
  CommitSignal,
  defineEvent,
  EventConsumer,
  EventRegistry,
  EventsModule,
  EventStore,
  UnitOfWork,
  type CommandContext,
  type DomainEvent,
  type EventHandlerOf,
} from '@app/events';
import { MongoMemoryServer } from '@app/mongo-memory';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule, EventBus, EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { MongooseModule } from '@nestjs/mongoose';
import { z } from 'zod';
import { percentile, printTable, round, sleep } from '../support/stats';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);
const ROUNDS = 3;
const GAP_MS = 3; // idle between commits: each event is alone in the system

const Pinged = defineEvent('BenchPinged', 'bench', z.object({ n: z.number() }));
const Ponged = defineEvent('BenchPonged', 'bench', z.object({ n: z.number() }));
const EVENTS = [Pinged, Ponged] as const;

/** Where each handler reports the moment it got its event. */
const arrivals = new Map<string, number>();

@Injectable()
@EventConsumer({ name: 'bench.subscription', events: [Pinged] })
class SubscriptionConsumer implements EventHandlerOf<readonly [typeof Pinged]> {
  handle(event: DomainEvent): void {
    arrivals.set(event.id, performance.now());
  }
}

@EventsHandler(Ponged)
class BusHandler implements IEventHandler<DomainEvent> {
  handle(event: DomainEvent): void {
    arrivals.set(event.id, performance.now());
  }
}

const context: CommandContext = { actor: { userId: null, cityId: null }, role: 'system', correlationId: 'bench' };

async function waitArrival(id: string): Promise<number> {
  for (;;) {
    const at = arrivals.get(id);
    if (at !== undefined) return at;
    await new Promise((r) => setImmediate(r));
  }
}

async function main() {
  const server = new MongoMemoryServer({ replicaSet: 'rs0' });
  const uri = await server.start({ port: 0 });

  @Module({
    imports: [
      MongooseModule.forRoot(`${uri.replace(/\/(\?|$)/, '/bench_events$1')}`),
      CqrsModule.forRoot(),
      EventsModule.forRoot({ events: EVENTS }),
    ],
    providers: [SubscriptionConsumer, BusHandler],
  })
  class BenchModule {}

  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  const unitOfWork = app.get(UnitOfWork);
  const store = app.get(EventStore);
  const bus = app.get(EventBus);
  const registry = app.get(EventRegistry);
  // The moment of commit: the signal fires synchronously right after the transaction committed.
  let committedAt = 0;
  app.get(CommitSignal).listen(() => (committedAt = performance.now()));

  /** Ours: commit, and the subscription runner delivers. */
  async function subscription(n: number): Promise<number> {
    const { events } = await unitOfWork.run(context, async (tx) => tx.record('bench', 'b1', [{ type: 'BenchPinged', data: { n } }]));
    const t0 = committedAt;
    return (await waitArrival(events[0].id)) - t0;
  }

  /** Baseline: the first backbone's after-commit path (claim in MongoDB, then EventBus.publish). */
  async function publishAfterCommit(n: number): Promise<number> {
    const { events } = await unitOfWork.run(context, async (tx) => tx.record('bench', 'b2', [{ type: 'BenchPonged', data: { n } }]));
    const t0 = committedAt;
    const event = events[0];
    await store.events.updateOne({ _id: event.id, dispatchedAt: { $exists: false } } as never, { $set: { dispatchedAt: new Date() } } as never);
    await bus.publish(registry.instantiate(event));
    return (await waitArrival(event.id)) - t0;
  }

  const results: Record<string, number[]> = { baseline: [], subscription: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, run] of [
      ['baseline', publishAfterCommit],
      ['subscription', subscription],
    ] as const) {
      for (let i = 0; i < 20; i++) await run(-i); // warm-up
      for (let i = 0; i < SAMPLES; i++) {
        results[name].push(await run(i));
        await sleep(GAP_MS);
      }
    }
  }
  await app.close();
  await server.stop();

  const row = (name: string) => ({
    path: name === 'baseline' ? 'claim + EventBus.publish after commit (first backbone)' : 'subscription runner (commit signal)',
    samples: results[name].length,
    p50_ms: round(percentile(results[name], 50), 3),
    p99_ms: round(percentile(results[name], 99), 3),
  });
  printTable([row('baseline'), row('subscription')]);
  const ratio = percentile(results.subscription, 99) / percentile(results.baseline, 99);
  const summary = {
    commit_to_handler_p99_ratio: round(ratio),
    target: '<= 2',
    subscription_p99_ms: round(percentile(results.subscription, 99), 3),
    baseline_p99_ms: round(percentile(results.baseline, 99), 3),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  if (ratio > 2) process.exitCode = 1;
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
