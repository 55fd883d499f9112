import { Module } from '@nestjs/common';
import { PracticeEventBroadcaster } from './consumers/practice-event.broadcaster';
import { ProjectEventBroadcaster } from './consumers/project-event.broadcaster';
import { LiveGateway } from './live.gateway';
import { WatchService } from './watch/watch.service';

/**
 * The Socket.IO gateway of the API process. Install `LiveSocketAdapter` on the app (create-app.ts)
 * so that it works across instances; pushing from other processes is `LiveEmitterModule`'s.
 */
@Module({ providers: [LiveGateway, WatchService, ProjectEventBroadcaster, PracticeEventBroadcaster] })
export class LiveModule {}
