import { Module } from '@nestjs/common';
import { LiveEmitter } from './live-emitter';
import { PushToCityHandler } from './push-to-city.handler';

/** Pushing to sockets from any process (API or worker): the `PushToCityCommand` of live/contracts. */
@Module({ providers: [LiveEmitter, PushToCityHandler] })
export class LiveEmitterModule {}
