import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotifiedCitiesQuery } from './notified-cities.query';
import { NotifiedCities } from './notified-cities';

@QueryHandler(NotifiedCitiesQuery)
export class NotifiedCitiesHandler implements IQueryHandler<NotifiedCitiesQuery> {
  constructor(private readonly notified: NotifiedCities) {}

  execute({ events }: NotifiedCitiesQuery): Promise<string[][]> {
    return this.notified.of(events);
  }
}
