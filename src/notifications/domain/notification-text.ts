import type { NotifiableEvent } from './recipients';

/** What a notification says and where it leads (the inbox item minus its identity). */
export interface NotificationContent {
  title: string;
  body: string;
  link: { kind: 'project'; id: string };
}

/** The names a text needs, by city id (the caller looks them up; unknown ids get a neutral name). */
export type CityNames = (cityId: string) => string;

interface ProjectPayload {
  projectId: string;
  title: string;
  leadCityId: string;
  cityId?: string;
  message?: string | null;
  authorCityId?: string;
  kind?: string;
  text?: string;
  outcome?: string;
  reason?: string;
}

const BODY_MAX = 280;

/** The city ids whose names the text of `event` uses. */
export function namedCities(event: NotifiableEvent): string[] {
  const p = event.data as ProjectPayload;
  return [p.leadCityId, p.cityId, p.authorCityId].filter((id): id is string => typeof id === 'string');
}

/** Plain-English title and body of `event` as `recipientCityId` reads it. */
export function renderNotification(event: NotifiableEvent, recipientCityId: string, names: CityNames): NotificationContent {
  const p = event.data as ProjectPayload;
  const project = `“${p.title}”`;
  const lead = names(p.leadCityId);
  const city = p.cityId ? names(p.cityId) : 'A city';
  const link = { kind: 'project' as const, id: p.projectId };
  const say = (title: string, body: string): NotificationContent => ({ title, body: clip(body), link });

  switch (event.type) {
    case 'PartnerInvited':
      return say(
        `${lead} invited you to ${project}`,
        p.message
          ? `${lead} writes: “${p.message}”`
          : `${lead} invites you to join ${project} as a partner city. Accept or decline the invitation on the project page.`,
      );
    case 'InvitationAccepted':
      return recipientCityId === p.leadCityId
        ? say(`${city} accepted your invitation to ${project}`, `${city} is now a partner of ${project}.`)
        : say(`${city} joined ${project}`, `${city} accepted the invitation of ${lead} and is now a partner of ${project}.`);
    case 'InvitationDeclined':
      return say(`${city} declined your invitation to ${project}`, `${city} will not take part in ${project}. You can invite another city.`);
    case 'JoinRequested':
      return say(
        `${city} asked to join ${project}`,
        p.message ? `${city} writes: “${p.message}”` : `Approve or reject the request of ${city} on the project page.`,
      );
    case 'JoinRequestApproved':
      return say(`${lead} approved your request to join ${project}`, `${names(recipientCityId)} is now a partner of ${project}.`);
    case 'JoinRequestRejected':
      return say(`${lead} declined your request to join ${project}`, `${lead} did not accept the request to take part in ${project}.`);
    case 'PartnerWithdrew':
      return say(`${city} withdrew from ${project}`, `${city} is no longer a partner of ${project}.`);
    case 'ProjectUpdatePosted': {
      const author = p.authorCityId ? names(p.authorCityId) : lead;
      return say(`${author} posted ${p.kind === 'milestone' ? 'a milestone' : 'news'} on ${project}`, p.text ?? '');
    }
    case 'ProjectStarted':
      return say(`${project} has started`, `${lead} started ${project}: the partnership is now active.`);
    case 'ProjectCompleted':
      return say(`${project} is completed`, p.outcome ? `Outcome: ${p.outcome}` : `${lead} marked ${project} as completed.`);
    case 'ProjectCancelled':
      return say(`${project} was cancelled`, p.reason ? `${lead} cancelled ${project}: ${p.reason}` : `${lead} cancelled ${project}.`);
    default:
      return say(`${project}: ${event.type}`, `Something changed on ${project}.`);
  }
}

function clip(text: string): string {
  return text.length <= BODY_MAX ? text : `${text.slice(0, BODY_MAX - 1).trimEnd()}…`;
}
