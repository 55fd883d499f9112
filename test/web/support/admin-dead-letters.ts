import { waitFor, type ApiClient } from '@app/testing';
import { NotificationFanOut } from '../../../src/notifications/consumers/notification-fan-out.consumer';
import type { CityUser } from '../../support/city-users';
import { proposeProject } from '../../support/projects';
import type { RunningApp } from '../../support/test-app';

/**
 * Makes the notification fan-out throw on the events of the projects in the returned set, as it
 * would on a poison event: after its last attempt the event is parked as a dead letter.
 */
export function poisonFanOut(running: RunningApp): Set<string> {
  const poisoned = new Set<string>();
  const fanOut = running.app.get(NotificationFanOut, { strict: false });
  const handle = fanOut.handle.bind(fanOut);
  fanOut.handle = async (event) => {
    if (poisoned.has(event.aggregateId) && event.type !== 'ProjectProposed') throw new Error('template crashed');
    return handle(event);
  };
  return poisoned;
}

/** A parked dead letter: the invitation of a poisoned project, given up after the app's attempts (5, with backoff). */
export async function parkedInvitation(
  admin: ApiClient,
  poisoned: Set<string>,
  lead: CityUser,
  partner: CityUser,
): Promise<{ id: string; projectId: string }> {
  const project = await proposeProject(lead);
  poisoned.add(project.id);
  const invited = await lead.api.post(`/projects/${project.id}/invitations`, { cityId: partner.cityId });
  if (invited.status !== 201 && invited.status !== 200) throw new Error(`invite: ${invited.status} ${JSON.stringify(invited.body)}`);
  const id = await waitFor(
    'a parked dead letter',
    async () =>
      ((await admin.get('/admin/dead-letters?status=parked&limit=100')).body.items as { id: string; aggregateId: string }[]).find(
        (l) => l.aggregateId === project.id,
      )?.id,
    60_000,
  );
  return { id, projectId: project.id };
}
