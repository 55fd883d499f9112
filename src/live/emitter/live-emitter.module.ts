import { Module } from '@nestjs/common';
import { LiveEmitter } from './live-emitter';
import { PushToCityHandler } from './push-to-city.handler';
import { ShardedPubSubCheck } from './sharded-pubsub.check';

/** Pushing to sockets from any process (API or worker): the `PushToCityCommand` of live/contracts. */
@Module({ providers: [LiveEmitter, PushToCityHandler, ShardedPubSubCheck] })
export class LiveEmitterModule {}
