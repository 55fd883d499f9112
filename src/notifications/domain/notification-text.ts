import type { ProjectEvent } from '../../projects/contracts';
import type { Lang } from '../../shared/reference-data';
import { isPracticeEvent, type NotifiableEvent } from './notifiable-event';
import { practiceNamedCities, renderPracticeNotification } from './practice-notification-text';
import { phrasesIn, type Phrases } from './texts/phrases';

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

/**
 * Title and body of `event` as `recipientCityId` reads it, in `lang` (the inbox is in English, each
 * user's e-mails in their language).
 */
export function renderNotification(event: NotifiableEvent, recipientCityId: string, names: CityNames, lang?: Lang): NotificationContent {
  const words = phrasesIn(lang);
  const say = (title: string, body: string, link: NotificationContent['link']): NotificationContent => ({ title, body: clip(body), link });
  return isPracticeEvent(event)
    ? renderPracticeNotification(event, names, say, words)
    : renderProjectNotification(event, recipientCityId, names, words);
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

function renderProjectNotification(event: ProjectEvent, recipientCityId: string, names: CityNames, w: Phrases): NotificationContent {
  const project = w.quote(event.data.title);
  const lead = names(event.data.leadCityId);
  const link = { kind: 'project' as const, id: event.data.projectId };
  const say = (title: string, body: string): NotificationContent => ({ title, body: clip(body), link });
  const sayBoth = ([title, body]: string[]) => say(title, body);

  switch (event.type) {
    case 'PartnerInvited': {
      const { message } = event.data;
      const [title, body] = w.invited(lead, project);
      return say(title, message ? w.writes(lead, message) : body);
    }
    case 'InvitationAccepted': {
      const city = names(event.data.cityId);
      return sayBoth(recipientCityId === event.data.leadCityId ? w.accepted(city, project) : w.joined(city, lead, project));
    }
    case 'InvitationDeclined':
      return sayBoth(w.invitationDeclined(names(event.data.cityId), project));
    case 'JoinRequested': {
      const city = names(event.data.cityId);
      const { message } = event.data;
      const [title, body] = w.joinRequested(city, project);
      return say(title, message ? w.writes(city, message) : body);
    }
    case 'JoinRequestApproved':
      return sayBoth(w.joinApproved(lead, project, names(recipientCityId)));
    case 'JoinRequestRejected':
      return sayBoth(w.joinRejected(lead, project));
    case 'PartnerWithdrew':
      return sayBoth(w.withdrew(names(event.data.cityId), project));
    case 'ProjectUpdatePosted': {
      const { authorCityId, kind, text } = event.data;
      return say(w.updatePosted(names(authorCityId), kind === 'milestone', project), text);
    }
    case 'ProjectStarted':
      return sayBoth(w.started(lead, project));
    case 'ProjectCompleted':
      return sayBoth(w.completed(project, event.data.outcome));
    case 'ProjectCancelled':
      return sayBoth(w.cancelled(lead, project, event.data.reason));
    // Not notified (no recipient rule), worded in case a caller renders them anyway.
    case 'ProjectProposed':
    case 'ProjectUpdated':
      return sayBoth(w.changed(project, event.type));
    default:
      return event satisfies never;
  }
}

function clip(text: string): string {
  return text.length <= BODY_MAX ? text : `${text.slice(0, BODY_MAX - 1).trimEnd()}…`;
}
