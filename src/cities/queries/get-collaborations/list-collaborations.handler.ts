import { NotFoundError } from '@app/domain';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { slicePage, type Page } from '../../../shared/pagination';
import { CollaborationsReader } from '../../collaborations/collaborations.reader';
import type { Collaboration } from '../../contracts';
import { CityReader } from '../../persistence/city.reader';
import { ListCollaborationsQuery } from './list-collaborations.query';

@QueryHandler(ListCollaborationsQuery)
export class ListCollaborationsHandler implements IQueryHandler<ListCollaborationsQuery> {
  constructor(
    private readonly cities: CityReader,
    private readonly collaborations: CollaborationsReader,
  ) {}

  async execute({ cityId, page }: ListCollaborationsQuery): Promise<Page<Collaboration>> {
    if (!(await this.cities.exists(cityId))) throw new NotFoundError('city', cityId);
    // A city works with tens of others at most: paging in memory keeps the read model simple.
    return slicePage(await this.collaborations.of(cityId), page);
  }
}
