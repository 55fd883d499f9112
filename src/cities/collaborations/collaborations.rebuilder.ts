import { EventLog } from '@app/events';
import { Injectable, Logger } from '@nestjs/common';
import type { ProjectEventBase } from '../../projects/contracts';
import { CollaborationStore } from './collaboration.store';
import { COLLABORATION_EVENT_TYPES } from './collaborations.projector';
import { membershipAfter, type ProjectMembership } from './project-membership';

export interface RebuildResult {
  readModel: string;
  eventsRead: number;
  eventsUsed: number;
  projects: number;
  removed: number;
}

const PAGE = 1000;

/**
 * Recomputes the collaborations read model from the event log (`npm run rebuild:read-models`):
 * the last membership event of each project wins. Safe while the app runs: writes never go back
 * to an older seq, so a live event handled meanwhile is kept.
 */
@Injectable()
export class CollaborationsRebuilder {
  readonly name = 'cities.collaborations';
  private readonly logger = new Logger(CollaborationsRebuilder.name);

  constructor(
    private readonly log: EventLog,
    private readonly store: CollaborationStore,
  ) {}

  async rebuild(): Promise<RebuildResult> {
    const latest = new Map<string, ProjectMembership>();
    let eventsRead = 0;
    let eventsUsed = 0;
    for (let afterSeq = 0; ;) {
      const events = await this.log.listAll({ afterSeq, limit: PAGE });
      if (events.length === 0) break;
      eventsRead += events.length;
      afterSeq = events[events.length - 1].seq;
      for (const event of events) {
        if (!COLLABORATION_EVENT_TYPES.includes(event.type)) continue;
        eventsUsed++;
        const membership = membershipAfter({ seq: event.seq, data: event.data as ProjectEventBase });
        latest.set(membership.projectId, membership);
      }
    }
    for (const membership of latest.values()) await this.store.reset(membership);
    const removed = await this.store.removeAllBut([...latest.keys()]);
    const result = { readModel: this.name, eventsRead, eventsUsed, projects: latest.size, removed };
    this.logger.log(`Rebuilt ${this.name}: ${latest.size} project(s) from ${eventsUsed} of ${eventsRead} event(s); ${removed} stale removed`);
    return result;
  }
}
