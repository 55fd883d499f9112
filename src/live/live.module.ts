import { Module } from '@nestjs/common';
import { ProjectEventBroadcaster } from './consumers/project-event.broadcaster';
import { LiveGateway } from './live.gateway';
import { ProjectWatchService } from './watch/project-watch.service';

/**
 * The Socket.IO gateway of the API process. Install `LiveSocketAdapter` on the app (create-app.ts)
 * so that it works across instances; pushing from other processes is `LiveEmitterModule`'s.
 */
@Module({ providers: [LiveGateway, ProjectWatchService, ProjectEventBroadcaster] })
export class LiveModule {}
