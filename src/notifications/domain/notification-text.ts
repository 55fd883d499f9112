import type { ProjectEvent } from '../../projects/contracts';
import { isPracticeEvent, type NotifiableEvent } from './notifiable-event';
import { practiceNamedCities, renderPracticeNotification } from './practice-notification-text';

/** What a notification says and where it leads (the inbox item minus its identity). */
export interface NotificationContent {
  title: string;
  body: string;
  link: { kind: 'project' | 'practice' | 'exchange'; id: string };
}

/** The names a text needs, by city id (the caller looks them up; unknown ids get a neutral name). */
export type CityNames = (cityId: string) => string;

const BODY_MAX = 280;

/** The city ids whose names the text of `event` uses. */
export function namedCities(event: NotifiableEvent): string[] {
  return isPracticeEvent(event) ? practiceNamedCities(event) : projectNamedCities(event);
}

/** Plain-English title and body of `event` as `recipientCityId` reads it. */
export function renderNotification(event: NotifiableEvent, recipientCityId: string, names: CityNames): NotificationContent {
  const say = (title: string, body: string, link: NotificationContent['link']): NotificationContent => ({ title, body: clip(body), link });
  return isPracticeEvent(event) ? renderPracticeNotification(event, names, say) : renderProjectNotification(event, recipientCityId, names);
}

function projectNamedCities(event: ProjectEvent): string[] {
  switch (event.type) {
    case 'PartnerInvited':
    case 'InvitationAccepted':
    case 'InvitationDeclined':
    case 'JoinRequested':
    case 'JoinRequestApproved':
    case 'JoinRequestRejected':
    case 'PartnerWithdrew':
      return [event.data.leadCityId, event.data.cityId];
    case 'ProjectUpdatePosted':
      return [event.data.leadCityId, event.data.authorCityId];
    default:
      return [event.data.leadCityId];
  }
}

function renderProjectNotification(event: ProjectEvent, recipientCityId: string, names: CityNames): NotificationContent {
  const project = `“${event.data.title}”`;
  const lead = names(event.data.leadCityId);
  const link = { kind: 'project' as const, id: event.data.projectId };
  const say = (title: string, body: string): NotificationContent => ({ title, body: clip(body), link });

  switch (event.type) {
    case 'PartnerInvited': {
      const { message } = event.data;
      return say(
        `${lead} invited you to ${project}`,
        message
          ? `${lead} writes: “${message}”`
          : `${lead} invites you to join ${project} as a partner city. Accept or decline the invitation on the project page.`,
      );
    }
    case 'InvitationAccepted': {
      const city = names(event.data.cityId);
      return recipientCityId === event.data.leadCityId
        ? say(`${city} accepted your invitation to ${project}`, `${city} is now a partner of ${project}.`)
        : say(`${city} joined ${project}`, `${city} accepted the invitation of ${lead} and is now a partner of ${project}.`);
    }
    case 'InvitationDeclined': {
      const city = names(event.data.cityId);
      return say(`${city} declined your invitation to ${project}`, `${city} will not take part in ${project}. You can invite another city.`);
    }
    case 'JoinRequested': {
      const city = names(event.data.cityId);
      const { message } = event.data;
      return say(
        `${city} asked to join ${project}`,
        message ? `${city} writes: “${message}”` : `Approve or reject the request of ${city} on the project page.`,
      );
    }
    case 'JoinRequestApproved':
      return say(`${lead} approved your request to join ${project}`, `${names(recipientCityId)} is now a partner of ${project}.`);
    case 'JoinRequestRejected':
      return say(`${lead} declined your request to join ${project}`, `${lead} did not accept the request to take part in ${project}.`);
    case 'PartnerWithdrew': {
      const city = names(event.data.cityId);
      return say(`${city} withdrew from ${project}`, `${city} is no longer a partner of ${project}.`);
    }
    case 'ProjectUpdatePosted': {
      const { authorCityId, kind, text } = event.data;
      return say(`${names(authorCityId)} posted ${kind === 'milestone' ? 'a milestone' : 'news'} on ${project}`, text);
    }
    case 'ProjectStarted':
      return say(`${project} has started`, `${lead} started ${project}: the partnership is now active.`);
    case 'ProjectCompleted':
      return say(`${project} is completed`, `Outcome: ${event.data.outcome}`);
    case 'ProjectCancelled':
      return say(`${project} was cancelled`, `${lead} cancelled ${project}: ${event.data.reason}`);
    // Not notified (no recipient rule), worded in case a caller renders them anyway.
    case 'ProjectProposed':
    case 'ProjectUpdated':
      return say(`${project}: ${event.type}`, `Something changed on ${project}.`);
    default:
      return event satisfies never;
  }
}

function clip(text: string): string {
  return text.length <= BODY_MAX ? text : `${text.slice(0, BODY_MAX - 1).trimEnd()}…`;
}
