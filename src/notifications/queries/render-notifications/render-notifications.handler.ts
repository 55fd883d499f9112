import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CityNames } from '../../consumers/city-names';
import { namedCities, renderNotification, type NotificationContent } from '../../domain/notification-text';
import { RenderNotificationsQuery } from './render-notifications.query';

@QueryHandler(RenderNotificationsQuery)
export class RenderNotificationsHandler implements IQueryHandler<RenderNotificationsQuery> {
  constructor(private readonly cityNames: CityNames) {}

  async execute({ requests }: RenderNotificationsQuery): Promise<NotificationContent[]> {
    const names = await this.cityNames.lookup(requests.flatMap(({ event }) => namedCities(event)));
    return requests.map(({ event, cityId, lang }) => renderNotification(event, cityId, names, lang));
  }
}
