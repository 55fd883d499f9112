import type { PracticeEvent } from '../../practices/contracts';
import type { CityNames, NotificationContent } from './notification-text';

type Say = (title: string, body: string, link: NotificationContent['link']) => NotificationContent;

const FORMATS: Record<string, string> = {
  online: 'an online exchange',
  'study-visit': 'a study visit',
  mentoring: 'mentoring',
  'staff-exchange': 'a staff exchange',
};

/** The city ids whose names the text of a practice or exchange event uses. */
export function practiceNamedCities(event: PracticeEvent): string[] {
  switch (event.type) {
    case 'PracticeEndorsed':
    case 'PracticeEndorsementWithdrawn':
      return [event.data.authorCityId, event.data.cityId];
    case 'PracticeCommented':
    case 'CommentReported':
    case 'CommentHidden':
    case 'CommentUnhidden':
      return [event.data.authorCityId, ...(event.data.commentAuthorCityId ? [event.data.commentAuthorCityId] : [])];
    case 'ExchangeRequested':
    case 'ExchangeAccepted':
    case 'ExchangeDeclined':
    case 'ExchangeCancelled':
    case 'ExchangeCompleted':
      return [event.data.hostCityId, event.data.requesterCityId];
    default:
      return [event.data.authorCityId];
  }
}

/** Plain-English title and body of a practice or exchange event, leading to the practice or the exchange. */
export function renderPracticeNotification(event: PracticeEvent, names: CityNames, say: Say): NotificationContent {
  switch (event.type) {
    case 'PracticeShared':
    case 'PracticeUpdated':
    case 'PracticeEndorsed':
    case 'PracticeEndorsementWithdrawn':
    case 'PracticeCommented':
    case 'PracticeReported':
    case 'PracticeHidden':
    case 'PracticeUnhidden':
    case 'CommentReported':
    case 'CommentHidden':
    case 'CommentUnhidden': {
      const practice = `“${event.data.title}”`;
      const link = { kind: 'practice' as const, id: event.data.practiceId };
      const author = names(event.data.authorCityId);
      switch (event.type) {
        case 'PracticeShared':
          return say(`${author} shared a practice: ${practice}`, event.data.summary, link);
        case 'PracticeEndorsed':
          return say(`${names(event.data.cityId)} endorsed ${practice}`, `${practice} now has ${event.data.endorsementCount} endorsement(s).`, link);
        case 'PracticeCommented': {
          const by = event.data.commentAuthorCityId ? names(event.data.commentAuthorCityId) : 'The secretariat';
          return say(`${by} commented on ${practice}`, event.data.text, link);
        }
        case 'PracticeHidden':
          return say(
            `${practice} was hidden by the secretariat`,
            `Reason: ${event.data.reason}. Edit the practice and ask the secretariat to publish it again.`,
            link,
          );
        case 'CommentHidden':
          return say(`Your comment on ${practice} was hidden`, `Reason: ${event.data.reason}`, link);
        default:
          // Not notified (no recipient rule), worded in case a caller renders them anyway.
          return say(`${practice}: ${event.type}`, `Something changed on ${practice}.`, link);
      }
    }
    case 'ExchangeRequested':
    case 'ExchangeAccepted':
    case 'ExchangeDeclined':
    case 'ExchangeCancelled':
    case 'ExchangeCompleted': {
      const practice = `“${event.data.practiceTitle}”`;
      const link = { kind: 'exchange' as const, id: event.data.exchangeId };
      const host = names(event.data.hostCityId);
      const requester = names(event.data.requesterCityId);
      const format = FORMATS[event.data.format] ?? 'an exchange';
      switch (event.type) {
        case 'ExchangeRequested':
          return say(`${requester} asks for ${format} on ${practice}`, `${requester} writes: “${event.data.message}”`, link);
        case 'ExchangeAccepted':
          return say(
            `${host} accepted your request for ${format} on ${practice}`,
            event.data.message ? `${host} writes: “${event.data.message}”` : `Arrange the details with ${host}.`,
            link,
          );
        case 'ExchangeDeclined':
          return say(
            `${host} declined your request for ${format} on ${practice}`,
            event.data.message ? `${host} writes: “${event.data.message}”` : `${host} cannot host it this time.`,
            link,
          );
        case 'ExchangeCancelled':
          return say(
            `${requester} called off ${format} on ${practice}`,
            event.data.reason ? `Reason: ${event.data.reason}` : `${requester} no longer asks for it.`,
            link,
          );
        case 'ExchangeCompleted':
          return say(`${requester} completed ${format} on ${practice}`, `Rating ${event.data.rating}/5: “${event.data.feedback}”`, link);
        default:
          return event satisfies never;
      }
    }
    default:
      return event satisfies never;
  }
}
