import type { PracticeEvent } from '../../practices/contracts';
import type { CityNames, NotificationContent } from './notification-text';
import type { Phrases } from './texts/phrases';

type Say = (title: string, body: string, link: NotificationContent['link']) => NotificationContent;

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

/** Title and body of a practice or exchange event in the words `w`, leading to the practice or the exchange. */
export function renderPracticeNotification(event: PracticeEvent, names: CityNames, say: Say, w: Phrases): NotificationContent {
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
      const practice = w.quote(event.data.title);
      const link = { kind: 'practice' as const, id: event.data.practiceId };
      const sayBoth = ([title, body]: string[]) => say(title, body, link);
      switch (event.type) {
        case 'PracticeShared':
          return say(w.shared(names(event.data.authorCityId), practice), event.data.summary, link);
        case 'PracticeEndorsed':
          return sayBoth(w.endorsed(names(event.data.cityId), practice, event.data.endorsementCount));
        case 'PracticeCommented': {
          const by = event.data.commentAuthorCityId ? names(event.data.commentAuthorCityId) : w.secretariat;
          return say(w.commented(by, practice), event.data.text, link);
        }
        case 'PracticeHidden':
          return sayBoth(w.practiceHidden(practice, event.data.reason));
        case 'CommentHidden':
          return say(w.commentHidden(practice), w.reason(event.data.reason), link);
        default:
          // Not notified (no recipient rule), worded in case a caller renders them anyway.
          return sayBoth(w.changed(practice, event.type));
      }
    }
    case 'ExchangeRequested':
    case 'ExchangeAccepted':
    case 'ExchangeDeclined':
    case 'ExchangeCancelled':
    case 'ExchangeCompleted': {
      const practice = w.quote(event.data.practiceTitle);
      const link = { kind: 'exchange' as const, id: event.data.exchangeId };
      const host = names(event.data.hostCityId);
      const requester = names(event.data.requesterCityId);
      const format = (w.formats as Record<string, string>)[event.data.format] ?? w.formats.other;
      const answer = ([title, body]: string[], message: string | null | undefined, by: string) =>
        say(title, message ? w.writes(by, message) : body, link);
      switch (event.type) {
        case 'ExchangeRequested':
          return say(w.exchangeRequested(requester, format, practice), w.writes(requester, event.data.message), link);
        case 'ExchangeAccepted':
          return answer(w.exchangeAccepted(host, format, practice), event.data.message, host);
        case 'ExchangeDeclined':
          return answer(w.exchangeDeclined(host, format, practice), event.data.message, host);
        case 'ExchangeCancelled': {
          const [title, body] = w.exchangeCancelled(requester, format, practice);
          return say(title, event.data.reason ? w.reason(event.data.reason) : body, link);
        }
        case 'ExchangeCompleted': {
          const [title, body] = w.exchangeCompleted(requester, format, practice, event.data.rating, event.data.feedback);
          return say(title, body, link);
        }
        default:
          return event satisfies never;
      }
    }
    default:
      return event satisfies never;
  }
}
