import { EventConsumer, type EventHandlerOf, type HandlerContext } from '@app/events';
import { Injectable } from '@nestjs/common';
import { PROJECT_EVENTS, type ProjectEvent } from '../../projects/contracts';
import { applyGuarded } from '../persistence/guarded-write';
import { INSIGHT_COLLECTIONS, monthOf } from '../persistence/read-model-documents';

/**
 * The projects as insight sees them (`insight_projects`): content, status, lead and accepted
 * partners (every project event carries them after the change), when each partner joined.
 * `npm run rebuild:read-models -- insight.projects` rebuilds it.
 */
@Injectable()
@EventConsumer({ name: 'insight.projects', events: PROJECT_EVENTS, projection: { collection: INSIGHT_COLLECTIONS.projects } })
export class InsightProjectsProjector implements EventHandlerOf<typeof PROJECT_EVENTS> {
  async handle(event: ProjectEvent, { collection }: HandlerContext): Promise<void> {
    const at = new Date(event.at);
    const { projectId, title, leadCityId, acceptedPartnerIds } = event.data;
    const set: Record<string, unknown> = { title, leadCityId, partnerIds: acceptedPartnerIds, updatedAt: at };
    let upsert = false;
    switch (event.type) {
      case 'ProjectProposed': {
        const d = event.data;
        Object.assign(set, {
          summary: d.summary,
          fields: d.fields,
          actionAreas: d.actionAreas,
          sectors: d.sectors,
          sdgs: d.sdgs,
          startDate: d.startDate,
          endDate: d.endDate,
          status: 'proposed',
          joinedAt: {},
          proposedAt: at,
          month: monthOf(at),
          finishedAt: null,
        });
        upsert = true;
        break;
      }
      case 'ProjectUpdated': {
        const { title: _title, description: _description, ...changes } = event.data.changes;
        Object.assign(set, changes);
        break;
      }
      case 'InvitationAccepted':
      case 'JoinRequestApproved':
        set[`joinedAt.${event.data.cityId}`] = at;
        break;
      case 'ProjectStarted':
        set.status = 'active';
        break;
      case 'ProjectCompleted':
        Object.assign(set, { status: 'completed', finishedAt: at });
        break;
      case 'ProjectCancelled':
        Object.assign(set, { status: 'cancelled', finishedAt: at });
        break;
    }
    await applyGuarded(collection!, projectId, event.seq, { $set: set }, upsert);
  }
}
